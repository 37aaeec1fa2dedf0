package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples' two GitHub Enterprise Server stacks side by side: the native one is
 * CloudFormation's AWS::CodeConnections::Host and nothing of the custom resource's provider.
 */
class NativeHostExampleTest {
  @SuppressWarnings("unchecked")
  private static List<String> types(String stack) {
    Map<String, Object> resources =
        (Map<String, Object>) ExampleTemplates.all().get(stack).get("Resources");
    return resources.values().stream()
        .map(r -> String.valueOf(((Map<String, Object>) r).get("Type")))
        .toList();
  }

  @Test
  void theNativeStackHasTheHostTypeAndNoProvider() {
    List<String> types = types("GhesNativeHost");

    assertThat(types)
        .containsOnlyOnce("AWS::CodeConnections::Host", "AWS::CodeConnections::Connection")
        .doesNotContain(
            "Custom::CodeStarConnectionsHost",
            "AWS::Lambda::Function",
            "AWS::StepFunctions::StateMachine",
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::Logs::LogGroup");
  }

  @Test
  void theCustomResourceStackKeepsItsProvider() {
    List<String> types = types("GhesHost");

    assertThat(types)
        .contains(
            "Custom::CodeStarConnectionsHost",
            "AWS::Lambda::Function",
            "AWS::StepFunctions::StateMachine")
        .doesNotContain("AWS::CodeConnections::Host");
    // The provider's 20 resources are the difference; the VPC, its security group and the
    // connection are in both.
    assertThat(types.size() - types("GhesNativeHost").size()).isEqualTo(20);
  }
}
