package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The console address every output and check prints, per partition. */
class ConsoleAddressTest {
  private final App app = new App();

  private Stack stackIn(String region) {
    return new Stack(
        app,
        "Stack",
        StackProps.builder()
            .env(Environment.builder().account("123456789012").region(region).build())
            .build());
  }

  @ParameterizedTest
  @CsvSource({
    "eu-west-1, https://console.aws.amazon.com/codesuite/settings/connections?region=eu-west-1",
    "cn-north-1, https://console.amazonaws.cn/codesuite/settings/connections?region=cn-north-1",
    "us-gov-west-1,"
        + " https://console.amazonaws-us-gov.com/codesuite/settings/connections?region=us-gov-west-1"
  })
  void aStackWithARegionGetsItsPartitionsConsoleLiterally(String region, String address) {
    Stack stack = stackIn(region);
    Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();

    Template t = Template.fromStack(stack);
    assertThat(t.findOutputs("*").values().iterator().next().get("Value")).isEqualTo(address);
    assertThat(t.toJSON()).doesNotContainKey("Conditions");
  }

  @Test
  void theHandshakeOutputNamesTheConnectionToChooseOnThePage() {
    Stack stack = stackIn("eu-west-1");
    Connection.Builder.create(stack, "GitHub")
        .connectionName("acme-github")
        .providerType(ProviderType.GITHUB)
        .build();

    Map<String, Object> output =
        Template.fromStack(stack).findOutputs("*").values().iterator().next();
    assertThat((String) output.get("Description"))
        .contains("'acme-github'")
        .contains("Stack/GitHub")
        .contains("PENDING")
        .contains("Update pending connection");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anEnvironmentAgnosticStackChoosesTheConsoleByPartitionAtDeployTime() {
    Stack stack = new Stack(app, "Stack");
    Connection.Builder.create(stack, "A").providerType(ProviderType.GITHUB).build();
    Connection.Builder.create(stack, "B").providerType(ProviderType.GITLAB).build();

    Map<String, Object> template = Template.fromStack(stack).toJSON();
    Map<String, Object> conditions = (Map<String, Object>) template.get("Conditions");
    // One pair for the whole stack, whatever the number of connections.
    assertThat(conditions).hasSize(2);
    assertThat(conditions.values())
        .containsExactlyInAnyOrder(
            Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::Partition"), "aws-cn")),
            Map.of("Fn::Equals", List.of(Map.of("Ref", "AWS::Partition"), "aws-us-gov")));
    String china = logicalIdOf(conditions, "aws-cn");
    String govCloud = logicalIdOf(conditions, "aws-us-gov");
    Map<String, Object> outputs = (Map<String, Object>) template.get("Outputs");
    assertThat(outputs).hasSize(2);
    for (Object output : outputs.values()) {
      Object value = ((Map<String, Object>) output).get("Value");
      assertThat(value)
          .isEqualTo(
              Map.of(
                  "Fn::Join",
                  List.of(
                      "",
                      List.of(
                          "https://",
                          Map.of(
                              "Fn::If",
                              List.of(
                                  china,
                                  ConsoleAddress.CHINA,
                                  Map.of(
                                      "Fn::If",
                                      List.of(
                                          govCloud,
                                          ConsoleAddress.GOV_CLOUD,
                                          ConsoleAddress.AWS)))),
                          "/codesuite/settings/connections?region=",
                          Map.of("Ref", "AWS::Region")))));
    }
  }

  @Test
  void otherPartitionsFallBackToTheAwsConsole() {
    assertThat(ConsoleAddress.forPartition("aws-iso")).isEqualTo("console.aws.amazon.com");
    assertThat(ConsoleAddress.forPartition("aws")).isEqualTo("console.aws.amazon.com");
  }

  @SuppressWarnings("unchecked")
  private static String logicalIdOf(Map<String, Object> conditions, String partition) {
    return conditions.entrySet().stream()
        .filter(e -> String.valueOf(e.getValue()).contains(partition + "]"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }
}
