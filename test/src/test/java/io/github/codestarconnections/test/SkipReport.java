package io.github.codestarconnections.test;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line for each test that did not run, with its reason: a skip is visible in the build's
 * output, not only as a count (surefire prints only "Skipped: N"). Tests here skip only when a tool
 * or the reference data is absent (cfn-lint, ../shared/reference: a user's clone), so on CI, which
 * has both, a passing build prints none. Registered through
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public final class SkipReport implements TestExecutionListener {
  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    print(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      print(
          test,
          result.getThrowable().map(Throwable::getMessage).orElse("aborted without a reason"));
    }
  }

  private void print(TestIdentifier test, String reason) {
    System.out.println("[skipped] " + name(test) + ": " + reason);
  }

  /** The test class's simple name, then the display names below it. */
  private String name(TestIdentifier test) {
    String name = test.getDisplayName();
    Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(test);
    while (parent.isPresent() && !isClass(test)) {
      test = parent.get();
      name = (isClass(test) ? simpleName(test) : test.getDisplayName()) + " > " + name;
      parent = plan.getParent(test);
    }
    return name;
  }

  private static boolean isClass(TestIdentifier test) {
    return test.getSource().filter(ClassSource.class::isInstance).isPresent();
  }

  private static String simpleName(TestIdentifier test) {
    return test.getSource()
        .map(
            s ->
                s instanceof ClassSource c
                    ? c.getJavaClass().getSimpleName()
                    : s instanceof MethodSource m ? m.getClassName() : test.getDisplayName())
        .orElse(test.getDisplayName());
  }
}
