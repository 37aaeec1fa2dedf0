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
        .doesNotContain("Custom::CodeStarConnectionsHost", "AWS::StepFunctions::StateMachine");
    // The only function and role are aws-cdk's own: the VPC's default security group restriction
    // (feature flag @aws-cdk/aws-ec2:restrictDefaultSecurityGroup in cdk.json); none is the host
    // provider's, whose constructs live under its fixed ids.
    assertThat(logicalIds("GhesNativeHost"))
        .noneMatch(
            id ->
                id.startsWith("CodeStarConnectionsHostProvider")
                    || id.startsWith("CodeConnectionsHostProvider"));
    assertThat(types.stream().filter("AWS::Lambda::Function"::equals)).hasSize(1);
    assertThat(logicalIds("GhesNativeHost"))
        .filteredOn(id -> id.contains("Handler") || id.contains("Role"))
        .allMatch(id -> id.startsWith("CustomVpcRestrictDefaultSGCustomResourceProvider"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> logicalIds(String stack) {
    Map<String, Object> resources =
        (Map<String, Object>) ExampleTemplates.all().get(stack).get("Resources");
    return List.copyOf(resources.keySet());
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
    // The provider's 20 resources, with SnapStart (on in GhesHost) a published version of each of
    // its two Java functions, the policy with the EC2 statements (a VPC host) and the host's two
    // role policies (its name is known) are the difference; the VPC, its security group and the
    // connection are in both.
    assertThat(types.stream().filter("AWS::Lambda::Version"::equals)).hasSize(2);
    assertThat(types.stream().filter("AWS::IAM::RolePolicy"::equals)).hasSize(2);
    assertThat(types.size() - types("GhesNativeHost").size()).isEqualTo(20 + 2 + 1 + 2);
  }
}
