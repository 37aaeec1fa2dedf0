package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * No example stack carries a warning or an error annotation under cdk.json's context: {@code cdk
 * synth} of the examples prints no warning (an annotation is what it prints), and a user copying an
 * example starts clean.
 */
class ExampleAnnotationsTest {
  @TestFactory
  // Annotations and the cloud assembly's messages are cxapi.SynthesisMessage, deprecated since its
  // definition moved to the package @aws-cdk/cloud-assembly-api, which has no Java artifact.
  @SuppressWarnings("deprecation")
  Stream<DynamicTest> noExampleStackHasAWarningOrAnError() {
    ExampleTemplates.Synthesis synthesis = ExampleTemplates.first();
    return synthesis.stacks().stream()
        .map(
            stack ->
                DynamicTest.dynamicTest(
                    stack.getStackName(),
                    () -> {
                      // The messages of the shared synthesis: what Annotations.fromStack reads,
                      // without synthesizing the whole app again for each stack.
                      List<SynthesisMessage> messages =
                          synthesis
                              .assembly()
                              .getStackArtifact(stack.getArtifactId())
                              .getMessages();
                      assertThat(describe(messages, SynthesisMessageLevel.WARNING))
                          .as("warnings on %s", stack.getStackName())
                          .isEmpty();
                      assertThat(describe(messages, SynthesisMessageLevel.ERROR))
                          .as("errors on %s", stack.getStackName())
                          .isEmpty();
                    }));
  }

  // Annotations and the cloud assembly's messages are cxapi.SynthesisMessage, deprecated since its
  // definition moved to the package @aws-cdk/cloud-assembly-api, which has no Java artifact.
  @SuppressWarnings("deprecation")
  private static List<String> describe(
      List<SynthesisMessage> messages, SynthesisMessageLevel level) {
    return messages.stream()
        .filter(m -> m.getLevel() == level)
        .map(m -> m.getId() + ": " + m.getEntry().getData())
        .toList();
  }
}
