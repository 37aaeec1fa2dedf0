package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * No example stack carries a warning or an error annotation under cdk.json's context: {@code cdk
 * synth} of the examples prints no warning (an annotation is what it prints), and a user copying an
 * example starts clean.
 */
class ExampleAnnotationsTest {
  @TestFactory
  Stream<DynamicTest> noExampleStackHasAWarningOrAnError() {
    return ExampleTemplates.first().stacks().stream()
        .map(
            stack ->
                DynamicTest.dynamicTest(
                    stack.getStackName(),
                    () -> {
                      Annotations annotations = Annotations.fromStack(stack);
                      assertThat(describe(annotations.findWarning("*", Match.anyValue())))
                          .as("warnings on %s", stack.getStackName())
                          .isEmpty();
                      assertThat(describe(annotations.findError("*", Match.anyValue())))
                          .as("errors on %s", stack.getStackName())
                          .isEmpty();
                    }));
  }

  private static List<String> describe(List<SynthesisMessage> messages) {
    return messages.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList();
  }
}
