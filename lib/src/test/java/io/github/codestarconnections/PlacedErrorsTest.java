package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One check's errors are reported under the constructs they are about, in aws-cdk-lib's order of
 * validation (parent first), and none is lost if children were validated first.
 */
class PlacedErrorsTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");
  private final Construct target = new Construct(stack, "Target");
  private int runs;

  /** A check of the stack, made after the construct it reports on, as StackChecks is. */
  private Construct checked() {
    Construct check = new Construct(stack, "Check");
    new PlacedErrors(
        stack,
        check,
        () -> {
          runs++;
          Map<IConstruct, List<String>> errors = new LinkedHashMap<>();
          errors.put(target, List.of("Target is wrong (" + runs + ")"));
          errors.put(stack, List.of("Stack is wrong (" + runs + ")"));
          return errors;
        });
    return check;
  }

  @Test
  void awsCdkLibValidatesParentsFirstSoEachErrorIsReportedUnderItsConstruct() {
    checked();

    assertThatThrownBy(app::synth)
        .hasMessageContaining("[Stack] Stack is wrong (1)")
        .hasMessageContaining("[Stack/Target] Target is wrong (1)")
        .message()
        .doesNotContain("[Stack/Check]");
    assertThat(runs).isEqualTo(1);
  }

  @Test
  void eachValidationInParentFirstOrderReportsWhatTheLastCheckFound() {
    Construct check = checked();

    for (int synthesis = 1; synthesis <= 2; synthesis++) {
      assertThat(stack.getNode().validate()).containsExactly("Stack is wrong (" + synthesis + ")");
      assertThat(target.getNode().validate())
          .containsExactly("Target is wrong (" + synthesis + ")");
      assertThat(check.getNode().validate()).isEmpty();
    }
    assertThat(runs).isEqualTo(2);
  }

  @Test
  void childrenValidatedFirstGetEveryErrorFromTheChecksOwnConstruct() {
    Construct check = checked();

    assertThat(target.getNode().validate()).isEmpty();
    assertThat(check.getNode().validate())
        .containsExactly("Target is wrong (1)", "Stack is wrong (1)");
    assertThat(stack.getNode().validate()).isEmpty();
    assertThat(runs).isEqualTo(1);
  }
}
