package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The cdk-nag metadata lib writes, the way cdk-nag reads it. */
class NagSuppressionsTest {
  private final Stack stack = new Stack(new App(), "Stack");

  private CfnResource resource(String id) {
    return CfnResource.Builder.create(stack, id).type("AWS::SQS::Queue").build();
  }

  @Test
  void aSuppressionOnNewResourcesIsTheOneSuppressWritesAndEachResourceHasItsOwn() {
    CfnResource read = resource("Read");
    CfnResource first = resource("First");
    CfnResource second = resource("Second");
    List<String> appliesTo = List.of("Resource::*");
    NagSuppressions.suppress(read, "AwsSolutions-IAM5", "why", appliesTo);
    NagSuppressions.suppressNew(List.of(first, second), "AwsSolutions-IAM5", "why", appliesTo);
    NagSuppressions.suppress(second, "AwsSolutions-SQS3", "another", List.of());

    Map<String, Map<String, Object>> resources =
        Template.fromStack(stack).findResources("AWS::SQS::Queue");
    Object written = metadataOf(resources, "Read");
    assertThat(written)
        .isEqualTo(
            Map.of(
                "cdk_nag",
                Map.of(
                    "rules_to_suppress",
                    List.of(
                        Map.of(
                            "id",
                            "AwsSolutions-IAM5",
                            "reason",
                            "why",
                            "applies_to",
                            appliesTo)))));
    assertThat(metadataOf(resources, "First")).isEqualTo(written);
    // A later suppression on one of them keeps the first and leaves the other resource alone.
    assertThat(metadataOf(resources, "Second").toString())
        .contains("AwsSolutions-IAM5", "AwsSolutions-SQS3");
    assertThat(metadataOf(resources, "First").toString()).doesNotContain("AwsSolutions-SQS3");
  }

  private static Object metadataOf(Map<String, Map<String, Object>> resources, String id) {
    return resources.entrySet().stream()
        .filter(e -> e.getKey().startsWith(id))
        .findFirst()
        .orElseThrow()
        .getValue()
        .get("Metadata");
  }
}
