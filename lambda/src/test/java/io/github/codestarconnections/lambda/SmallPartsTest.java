package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  @Test
  void reasonsAreCutTo1000CharactersWithoutSplittingSurrogates() {
    assertThat(ResourceFailure.truncate("short")).isEqualTo("short");
    String cut = ResourceFailure.truncate("x".repeat(996) + "\uD83D\uDE00" + "y".repeat(50));
    assertThat(cut).hasSizeLessThanOrEqualTo(1000).endsWith("...");
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 4))).isFalse();
    assertThat(new ResourceFailure("z".repeat(5000)).getMessage()).hasSize(1000);
  }

  @Test
  void hostArnsOfBothServicesParseAndOthersDoNot() {
    assertThat(
            HostArn.parse("arn:aws:codestar-connections:eu-west-1:123456789012:host/ghe-0123abcd"))
        .map(HostArn::service)
        .contains("codestar-connections");
    assertThat(HostArn.parse("arn:aws-cn:codeconnections:cn-north-1:123456789012:host/x"))
        .isPresent();
    assertThat(HostArn.parse("Host1A2B3C4D-ce7a1f2b")).isEmpty();
    assertThat(HostArn.parse("arn:aws:codestar-connections:eu-west-1:123456789012:connection/x"))
        .isEmpty();
    assertThat(HostArn.parse(null)).isEmpty();
  }

  @Test
  void namespaceComesFromTheEnvironmentValue() {
    assertThat(Namespace.parse(null)).isEqualTo(Namespace.CODESTAR_CONNECTIONS);
    assertThat(Namespace.parse("codeconnections")).isEqualTo(Namespace.CODECONNECTIONS);
    assertThat(Namespace.CODECONNECTIONS.accepts("codestar-connections")).isTrue();
    assertThat(Namespace.CODESTAR_CONNECTIONS.accepts("codeconnections")).isFalse();
    assertThatThrownBy(() -> Namespace.parse("codecommit")).hasMessageContaining("codeconnections");
  }

  @Test
  void logLinesAreOneLineOfEscapedJson() {
    String json =
        new LogLine()
            .put("a", "quote \" backslash \\ newline \n tab \t bell \u0007")
            .put("calls", List.of("GetHost", "DeleteHost"))
            .put("done", true)
            .put("skipped", null)
            .toJson();
    assertThat(json)
        .isEqualTo(
            "{\"a\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\","
                + "\"calls\":[\"GetHost\",\"DeleteHost\"],\"done\":true}");
  }

  @Test
  void statusKinds() {
    assertThat(StatusKind.of("PENDING")).isEqualTo(StatusKind.READY);
    assertThat(StatusKind.of("VPC_CONFIG_DELETING")).isEqualTo(StatusKind.WORKING);
    assertThat(StatusKind.of("ERROR")).isEqualTo(StatusKind.FAILED);
    assertThat(StatusKind.of("SOMETHING_NEW")).isEqualTo(StatusKind.UNKNOWN);
  }
}
