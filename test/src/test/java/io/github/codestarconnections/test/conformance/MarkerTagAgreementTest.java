package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.Host;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.lambda.MarkerTag;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** lib refuses, as a user tag, exactly the key the handler reserves for its marker. */
class MarkerTagAgreementTest {
  @Test
  void hostRefusesTheHandlersMarkerKey() {
    Stack stack = new Stack(new App(), "Stack");
    assertThatThrownBy(
            () ->
                Host.Builder.create(stack, "Ghes")
                    .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
                    .providerEndpoint("https://github.example.com")
                    .tags(Map.of(MarkerTag.KEY, "mine"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tags key '" + MarkerTag.KEY + "' is reserved");
  }
}
