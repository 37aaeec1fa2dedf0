package io.github.codestarconnections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachine;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * The one place that leans on aws-cdk-lib's internals: the CDK Provider framework's waiter, a Step
 * Functions state machine that retries isComplete at a fixed queryInterval (the Provider offers no
 * other choice). {@link #backOff} writes its definition again with the same states and a growing
 * retry (see {@link WaiterSchedule}), but only when the framework built exactly the waiter this
 * class knows: its children {@value #WAITER}, {@value #IS_COMPLETE} and {@value #ON_TIMEOUT} under
 * the Provider, and the definition those produce with a fixed retry. Anything else (another
 * aws-cdk-lib that builds the waiter differently) keeps the framework's fixed schedule, and synth
 * warns, naming the aws-cdk-lib version. The definition check is what makes the rewrite safe on any
 * version; {@link #CHECKED_VERSIONS} lists those it was tested on, for the warning and the tests.
 */
final class FrameworkWaiter {
  /** The Provider's child holding the waiter state machine. */
  static final String WAITER = "waiter-state-machine";

  /** The Provider's child function the waiter's first state runs. */
  static final String IS_COMPLETE = "framework-isComplete";

  /** The Provider's child function the waiter runs once it gives up. */
  static final String ON_TIMEOUT = "framework-onTimeout";

  /** The aws-cdk-lib versions this library builds and tests with (the pom's floor and pin). */
  static final List<String> CHECKED_VERSIONS = List.of("2.271.0", "2.272.0");

  /** The id of the synth warning given when the waiter keeps its fixed schedule. */
  static final String WARNING_ID = "codestarconnections-cdk:waiterBackoff";

  private FrameworkWaiter() {}

  /** What happened to the waiter. */
  enum Outcome {
    /** The definition now backs off. */
    BACKS_OFF,
    /** The schedule has no room to grow: the framework's fixed one is the same. */
    FIXED_BY_CHOICE,
    /** The waiter is not as expected: fixed schedule kept, synth warned. */
    FELL_BACK
  }

  /**
   * Makes the waiter under {@code provider} back off, or warns on {@code warnOn} why it could not.
   *
   * @param warnOn the construct the warning is attached to
   * @param provider the CDK Provider's node
   * @param schedule the schedule wanted
   * @return what was done
   */
  static Outcome backOff(IConstruct warnOn, Node provider, WaiterSchedule schedule) {
    if (!schedule.backsOff()) {
      return Outcome.FIXED_BY_CHOICE;
    }
    IConstruct waiter = provider.tryFindChild(WAITER);
    IConstruct check = provider.tryFindChild(IS_COMPLETE);
    IConstruct timeout = provider.tryFindChild(ON_TIMEOUT);
    if (waiter == null
        || !(waiter.getNode().getDefaultChild() instanceof CfnStateMachine machine)
        || !(check instanceof IFunction checkFunction)
        || !(timeout instanceof IFunction timeoutFunction)) {
      return fellBack(warnOn, schedule, "its waiter, isComplete or onTimeout child is missing");
    }
    Stack stack = Stack.of(machine);
    String isCompleteArn = checkFunction.getFunctionArn();
    String onTimeoutArn = timeoutFunction.getFunctionArn();
    Map<String, Object> fixedRetry = new LinkedHashMap<>();
    fixedRetry.put("ErrorEquals", List.of("States.ALL"));
    fixedRetry.put("IntervalSeconds", schedule.intervalSeconds());
    fixedRetry.put("MaxAttempts", schedule.totalSeconds() / schedule.intervalSeconds());
    fixedRetry.put("BackoffRate", 1);
    Object expected =
        stack.resolve(stack.toJsonString(definition(fixedRetry, isCompleteArn, onTimeoutArn)));
    if (!Objects.equals(stack.resolve(machine.getDefinitionString()), expected)) {
      return fellBack(
          warnOn, schedule, "its waiter's definition is not the one this library knows");
    }
    Map<String, Object> retry = new LinkedHashMap<>();
    retry.put("ErrorEquals", List.of("States.ALL"));
    retry.put("IntervalSeconds", schedule.intervalSeconds());
    retry.put("MaxAttempts", schedule.maxAttempts());
    retry.put("BackoffRate", WaiterSchedule.BACKOFF_RATE);
    retry.put("MaxDelaySeconds", schedule.maxDelaySeconds());
    machine.setDefinitionString(stack.toJsonString(definition(retry, isCompleteArn, onTimeoutArn)));
    return Outcome.BACKS_OFF;
  }

  /**
   * A child of the Provider that this class knows by id, for the cdk-nag findings on it.
   *
   * @param provider the CDK Provider's node
   * @param id {@link #WAITER}, {@link #IS_COMPLETE} or {@link #ON_TIMEOUT}
   * @return the child, or null when this aws-cdk-lib has none by that id
   */
  static IConstruct child(Node provider, String id) {
    return provider.tryFindChild(id);
  }

  /**
   * The aws-cdk-lib version on the class path, from its jar's manifest.
   *
   * @return e.g. {@code 2.272.0}, or {@code unknown}
   */
  static String awsCdkLibVersion() {
    Package p = Stack.class.getPackage();
    String version = p == null ? null : p.getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  private static Outcome fellBack(IConstruct warnOn, WaiterSchedule schedule, String why) {
    Annotations.of(warnOn)
        .addWarningV2(
            WARNING_ID,
            "The CDK Provider framework of aws-cdk-lib "
                + awsCdkLibVersion()
                + " is not built as this library expects ("
                + why
                + "; checked with "
                + String.join(", ", CHECKED_VERSIONS)
                + "): hosts are polled every "
                + schedule.intervalSeconds()
                + " seconds, without backing off to "
                + schedule.maxDelaySeconds()
                + " seconds");
    return Outcome.FELL_BACK;
  }

  /** The framework's waiter definition (same states, same order) with the given retry. */
  private static Map<String, Object> definition(
      Map<String, Object> retry, String isCompleteArn, String onTimeoutArn) {
    Map<String, Object> catchAll = new LinkedHashMap<>();
    catchAll.put("ErrorEquals", List.of("States.ALL"));
    catchAll.put("Next", "framework-onTimeout-task");
    Map<String, Object> isCompleteTask = new LinkedHashMap<>();
    isCompleteTask.put("End", true);
    isCompleteTask.put("Retry", List.of(retry));
    isCompleteTask.put("Catch", List.of(catchAll));
    isCompleteTask.put("Type", "Task");
    isCompleteTask.put("Resource", isCompleteArn);
    Map<String, Object> onTimeoutTask = new LinkedHashMap<>();
    onTimeoutTask.put("End", true);
    onTimeoutTask.put("Type", "Task");
    onTimeoutTask.put("Resource", onTimeoutArn);
    Map<String, Object> states = new LinkedHashMap<>();
    states.put("framework-isComplete-task", isCompleteTask);
    states.put("framework-onTimeout-task", onTimeoutTask);
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("StartAt", "framework-isComplete-task");
    definition.put("States", states);
    return definition;
  }
}
