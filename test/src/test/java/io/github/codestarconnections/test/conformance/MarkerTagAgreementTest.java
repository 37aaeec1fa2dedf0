package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.Host;
import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.lambda.MarkerTag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * lib refuses, as a user tag, exactly the keys the handler reserves for its markers (every one of
 * {@link MarkerTag#KEYS}), on both backends, and nothing else under the handler's prefix.
 */
class MarkerTagAgreementTest {
  static final List<String> MARKERS = MarkerTag.KEYS;

  private static Host.Builder ghes(String id, HostBackend backend) {
    return Host.Builder.create(new Stack(new App(), "Stack"), id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .backend(backend);
  }

  @ParameterizedTest
  @FieldSource("MARKERS")
  void hostRefusesEachOfTheHandlersMarkerKeys(String key) {
    for (HostBackend backend : HostBackend.values()) {
      assertThatThrownBy(() -> ghes("Ghes", backend).tags(Map.of(key, "mine")).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tags key '" + key + "' is reserved");
    }
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void anotherKeyUnderTheHandlersPrefixIsTheUsers(HostBackend backend) {
    String key = MarkerTag.PREFIX + "team";
    assertThat(MARKERS).doesNotContain(key);
    Host host = ghes("Ghes", backend).tags(Map.of(key, "ci")).build();
    assertThat(Template.fromStack(Stack.of(host)).toJSON().toString())
        .contains("Key=" + key + ", Value=ci");
  }
}
