package io.github.codestarconnections;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The host handler's two Java functions, each with its own log group and role. With SnapStart on,
 * each publishes a version with SnapStart ({@code ON_PUBLISHED_VERSIONS}) and the provider invokes
 * that version: Lambda snapshots a version when it is published, never {@code $LATEST}
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html).
 */
final class HandlerFunctions {
  static final String ON_EVENT_HANDLER =
      "io.github.codestarconnections.lambda.OnEventHandler::handleRequest";
  static final String IS_COMPLETE_HANDLER =
      "io.github.codestarconnections.lambda.IsCompleteHandler::handleRequest";

  /** Tells the handler which API to call. */
  static final String NAMESPACE_ENV = "CODESTAR_CONNECTIONS_NAMESPACE";

  private final Function onEvent;
  private final Function isComplete;
  private final IFunction onEventTarget;
  private final IFunction isCompleteTarget;

  /**
   * Builds both functions in {@code scope}.
   *
   * @param scope the provider
   * @param namespace the API the handler calls
   * @param snapStart whether the functions publish SnapStart versions
   */
  HandlerFunctions(Construct scope, ServiceNamespace namespace, boolean snapStart) {
    this.onEvent =
        function(
            scope, "OnEvent", ON_EVENT_HANDLER, "create, update and delete", namespace, snapStart);
    this.isComplete =
        function(scope, "IsComplete", IS_COMPLETE_HANDLER, "wait for", namespace, snapStart);
    this.onEventTarget = snapStart ? onEvent.getCurrentVersion() : onEvent;
    this.isCompleteTarget = snapStart ? isComplete.getCurrentVersion() : isComplete;
  }

  /**
   * The onEvent function.
   *
   * @return the function
   */
  Function onEvent() {
    return onEvent;
  }

  /**
   * The isComplete function.
   *
   * @return the function
   */
  Function isComplete() {
    return isComplete;
  }

  /**
   * What the Provider invokes for onEvent: the published SnapStart version, or the function.
   *
   * @return the version or function
   */
  IFunction onEventTarget() {
    return onEventTarget;
  }

  /**
   * What the Provider invokes for isComplete: the published SnapStart version, or the function.
   *
   * @return the version or function
   */
  IFunction isCompleteTarget() {
    return isCompleteTarget;
  }

  /**
   * A log group kept a month and removed with the stack.
   *
   * @param scope the parent
   * @param id its id
   * @return the log group
   */
  static LogGroup logGroup(Construct scope, String id) {
    return LogGroup.Builder.create(scope, id)
        .retention(RetentionDays.ONE_MONTH)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
  }

  /**
   * A Lambda role with no managed policy: it may write to its own log group only.
   *
   * @param scope the parent
   * @param id its id
   * @param logs the log group it writes to
   * @return the role
   */
  static Role lambdaRole(Construct scope, String id, LogGroup logs) {
    Role role =
        Role.Builder.create(scope, id)
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();
    logs.grantWrite(role);
    return role;
  }

  private static Function function(
      Construct scope,
      String id,
      String handler,
      String what,
      ServiceNamespace namespace,
      boolean snapStart) {
    LogGroup logs = logGroup(scope, id + "Logs");
    Map<String, String> env = new LinkedHashMap<>();
    env.put(NAMESPACE_ENV, namespace.getArnService());
    // C1 only: the handler is short-lived, and tiered compilation past C1 costs start-up time.
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    Function.Builder fn =
        Function.Builder.create(scope, id)
            .description(
                "codestarconnections-cdk: "
                    + what
                    + " CodeStar Connections hosts ("
                    + namespace.getArnService()
                    + ")")
            .runtime(Runtime.JAVA_21)
            .handler(handler)
            .code(HandlerAsset.code())
            .memorySize(1024)
            .timeout(Duration.minutes(2))
            .environment(env)
            .logGroup(logs)
            .role(lambdaRole(scope, id + "Role", logs));
    if (!snapStart) {
      return fn.build();
    }
    fn.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    Function built = fn.build();
    // aws-cdk warns on every SnapStart function that SnapStart applies to published versions only;
    // the provider invokes exactly those (currentVersion), so the warning is answered here.
    Annotations.of(built)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "the host provider publishes currentVersion and invokes only that version");
    return built;
  }
}
