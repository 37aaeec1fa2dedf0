package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.origin.snapshots.Expect;
import io.github.codestarconnections.snapshot.CanonicalTemplate;
import io.github.codestarconnections.snapshot.TemplateSnapshotExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;

/**
 * Each example stack's canonical template must equal its snapshot in {@code
 * __snapshots__/ExampleSnapshotTest.snap}, taken through the same public API a user's test uses
 * ({@link TemplateSnapshotExtension}); a snapshot left without its stack fails the class.
 *
 * <p>Update the snapshots on purpose only, and review the diff: {@code mvn verify
 * -Dsnapshots.update=true} (or {@code =<stack name>}).
 */
@ExtendWith(TemplateSnapshotExtension.class)
class ExampleSnapshotTest {
  private Expect expect;

  static Stream<Stack> exampleStacks() {
    return ExampleTemplates.first().stacks().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleStacks")
  void everyExampleStackMatchesItsSnapshot(Stack stack) {
    expect.scenario(stack.getStackName()).toMatchSnapshot(stack);
  }

  @Test
  void aSecondSynthesisGivesTheSameCanonicalTemplates() {
    List<Stack> again = ExampleTemplates.synthesize().stacks();
    List<Stack> first = ExampleTemplates.first().stacks();

    assertThat(again)
        .extracting(Stack::getStackName)
        .isEqualTo(first.stream().map(Stack::getStackName).toList());
    for (int i = 0; i < first.size(); i++) {
      assertThat(CanonicalTemplate.of(again.get(i)))
          .as(first.get(i).getStackName())
          .isEqualTo(CanonicalTemplate.of(first.get(i)));
    }
  }
}
