package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.LogOptions;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachine;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The one custom-resource provider of a stack (per namespace) that every {@link Host} in it shares:
 * the Java onEvent and isComplete functions and the CDK Provider framework around them.
 */
final class HostProvider extends Construct {
  static final String ON_EVENT_HANDLER =
      "io.github.codestarconnections.lambda.OnEventHandler::handleRequest";
  static final String IS_COMPLETE_HANDLER =
      "io.github.codestarconnections.lambda.IsCompleteHandler::handleRequest";

  /** Tells the handler which API to call. */
  static final String NAMESPACE_ENV = "CODESTAR_CONNECTIONS_NAMESPACE";

  static final Duration DEFAULT_QUERY_INTERVAL = Duration.seconds(30);

  /** The longest wait between two status checks, unless queryInterval is longer. */
  static final Duration DEFAULT_MAX_QUERY_INTERVAL = Duration.seconds(60);

  static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.minutes(30);

  /** The providers made so far, per stack and namespace. */
  private static final Map<Stack, Map<ServiceNamespace, HostProvider>> KNOWN = new WeakHashMap<>();

  private final ServiceNamespace namespace;
  private final Duration queryInterval;
  private final Duration maxQueryInterval;
  private final Duration totalTimeout;
  private final Function onEvent;
  private final Function isComplete;
  private final Provider provider;
  private boolean vpcEnabled;
  private String serviceToken;

  private HostProvider(
      Construct scope,
      String id,
      ServiceNamespace namespace,
      Duration queryInterval,
      Duration maxQueryInterval,
      Duration totalTimeout) {
    super(scope, id);
    this.namespace = namespace;
    this.queryInterval = queryInterval;
    this.maxQueryInterval = maxQueryInterval;
    this.totalTimeout = totalTimeout;
    this.onEvent = handler("OnEvent", ON_EVENT_HANDLER, "create, update and delete");
    this.isComplete = handler("IsComplete", IS_COMPLETE_HANDLER, "wait for");
    LogGroup frameworkLogs = logGroup("FrameworkLogs");
    Role frameworkOnEventRole = lambdaRole("FrameworkOnEventRole", frameworkLogs);
    Role frameworkWaiterRole = lambdaRole("FrameworkWaiterRole", frameworkLogs);
    String hosts =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service(namespace.getArnService())
                    .resource("host")
                    .resourceName("*")
                    .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                    .build());
    // CreateHost, ListHosts and ListConnections take no resource-level permissions; everything
    // else is scoped to this account's and region's hosts. ListConnections: a host's connections
    // are checked before DeleteHost; ListTagsForResource and UntagResource on isComplete: it
    // resolves a create by its marker tag and removes the marker once the host is ready.
    allow(onEvent, List.of("CreateHost", "ListHosts", "ListConnections"), "*");
    allow(
        onEvent,
        List.of(
            "GetHost",
            "UpdateHost",
            "DeleteHost",
            "TagResource",
            "UntagResource",
            "ListTagsForResource"),
        hosts);
    allow(isComplete, List.of("ListHosts", "ListConnections"), "*");
    allow(
        isComplete,
        List.of("GetHost", "DeleteHost", "ListTagsForResource", "UntagResource"),
        hosts);

    this.provider =
        Provider.Builder.create(this, "Provider")
            .onEventHandler(onEvent)
            .isCompleteHandler(isComplete)
            .queryInterval(queryInterval)
            .totalTimeout(totalTimeout)
            .logGroup(frameworkLogs)
            .frameworkOnEventRole(frameworkOnEventRole)
            .frameworkCompleteAndTimeoutRole(frameworkWaiterRole)
            .disableWaiterStateMachineLogging(false)
            .waiterStateMachineLogOptions(
                LogOptions.builder()
                    .destination(logGroup("WaiterLogs"))
                    .level(LogLevel.ALL)
                    .includeExecutionData(false)
                    .build())
            .build();
    backOffWaiter();
    suppressFindings(frameworkOnEventRole, frameworkWaiterRole);
  }

  /**
   * Makes the framework's waiter back off: its state machine retries isComplete at a fixed
   * queryInterval, and the Provider offers no other choice, so the definition is written again with
   * the same states and a growing retry interval (see {@link WaiterSchedule}). Should a later
   * aws-cdk-lib build the waiter differently, the framework's fixed schedule stays and synth warns.
   */
  private void backOffWaiter() {
    WaiterSchedule schedule =
        WaiterSchedule.of(
            queryInterval.toSeconds().intValue(),
            maxQueryInterval.toSeconds().intValue(),
            totalTimeout.toSeconds().intValue());
    if (!schedule.backsOff()) {
      return;
    }
    IConstruct waiter = provider.getNode().tryFindChild("waiter-state-machine");
    IConstruct check = provider.getNode().tryFindChild("framework-isComplete");
    IConstruct timeout = provider.getNode().tryFindChild("framework-onTimeout");
    if (waiter == null
        || !(waiter.getNode().getDefaultChild() instanceof CfnStateMachine machine)
        || !(check instanceof IFunction checkFunction)
        || !(timeout instanceof IFunction timeoutFunction)) {
      Annotations.of(this)
          .addWarningV2(
              "codestarconnections-cdk:waiterBackoff",
              "The CDK Provider framework's waiter is not built as this library expects (another"
                  + " aws-cdk-lib version?): hosts are polled every "
                  + queryInterval.toHumanString()
                  + ", without backing off to "
                  + maxQueryInterval.toHumanString());
      return;
    }
    machine.setDefinitionString(
        Stack.of(this)
            .toJsonString(
                waiterDefinition(
                    schedule, checkFunction.getFunctionArn(), timeoutFunction.getFunctionArn())));
  }

  /** The framework's waiter definition (same states, same order) with a backing-off retry. */
  private static Map<String, Object> waiterDefinition(
      WaiterSchedule schedule, String isCompleteArn, String onTimeoutArn) {
    Map<String, Object> retry = new LinkedHashMap<>();
    retry.put("ErrorEquals", List.of("States.ALL"));
    retry.put("IntervalSeconds", schedule.intervalSeconds());
    retry.put("MaxAttempts", schedule.maxAttempts());
    retry.put("BackoffRate", WaiterSchedule.BACKOFF_RATE);
    retry.put("MaxDelaySeconds", schedule.maxDelaySeconds());
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

  /** The cdk-nag findings that stay, each with the reason it is right. */
  private void suppressFindings(Role frameworkOnEventRole, Role frameworkWaiterRole) {
    for (Function fn : List.of(onEvent, isComplete)) {
      NagSuppressions.suppress(
          fn,
          "AwsSolutions-L1",
          "java21 is pinned on purpose: the handler is tested on it; a new runtime is adopted"
              + " with a release, not by drift",
          List.of());
      NagSuppressions.suppress(
          fn.getRole().getNode().findChild("DefaultPolicy"),
          "AwsSolutions-IAM5",
          "CreateHost, ListHosts and ListConnections take no resource-level permissions; the other"
              + " host actions are scoped to this account's and region's hosts, whose ids the"
              + " service makes",
          List.of("Resource::*", "Resource::" + nagArn(namespace.getArnService(), "host/*")));
    }
    String invokeWildcard =
        "The CDK Provider framework invokes the handler functions and their versions"
            + " (Fn.Arn:*), as CDK itself grants";
    for (Role role : List.of(frameworkOnEventRole, frameworkWaiterRole)) {
      NagSuppressions.suppress(
          role.getNode().findChild("DefaultPolicy"),
          "AwsSolutions-IAM5",
          invokeWildcard,
          List.of(
              "Resource::<" + idOf(onEvent) + ".Arn>:*",
              "Resource::<" + idOf(isComplete) + ".Arn>:*"));
    }
    IConstruct waiter = provider.getNode().tryFindChild("waiter-state-machine");
    if (waiter != null) {
      NagSuppressions.suppress(
          waiter,
          "AwsSolutions-SF2",
          "The CDK Provider framework's waiter only loops isComplete and offers no X-Ray option;"
              + " the handlers' own logs trace each call",
          List.of());
      IConstruct waiterPolicy = waiter.getNode().tryFindChild("Role");
      if (waiterPolicy != null) {
        NagSuppressions.suppress(
            waiterPolicy.getNode().findChild("DefaultPolicy"),
            "AwsSolutions-IAM5",
            invokeWildcard,
            waiterInvokeFindings());
        NagSuppressions.suppress(
            waiterPolicy.getNode().findChild("DefaultPolicy"),
            "AwsSolutions-IAM5",
            "Step Functions log delivery (logs:CreateLogDelivery and friends) takes no"
                + " resource-level permissions",
            List.of("Resource::*"));
      }
    }
  }

  /**
   * The provider of a stack and namespace, made on first use.
   *
   * @param stack the host's stack
   * @param host the host asking, for error messages
   * @param namespace the API namespace
   * @param props the host's props: queryInterval, maxQueryInterval and totalTimeout, each null for
   *     the default
   * @return the provider
   * @throws IllegalArgumentException when the host asks for timings other than the provider has, or
   *     for a maxQueryInterval below its queryInterval
   */
  static synchronized HostProvider of(
      Stack stack, Owner host, ServiceNamespace namespace, HostProps props) {
    // Known providers are kept on the Java side: finding one in the tree costs jsii round trips
    // for every host.
    Map<ServiceNamespace, HostProvider> ofStack =
        KNOWN.computeIfAbsent(stack, s -> new EnumMap<>(ServiceNamespace.class));
    HostProvider shared = ofStack.get(namespace);
    if (shared == null) {
      String id =
          namespace == ServiceNamespace.CODESTAR_CONNECTIONS
              ? "CodeStarConnectionsHostProvider"
              : "CodeConnectionsHostProvider";
      if (stack.getNode().tryFindChild(id) != null) {
        throw new IllegalArgumentException(
            host
                + ": the stack already has a construct with id '"
                + id
                + "', which this library keeps for the stack's host provider; rename it");
      }
      Duration interval =
          props.getQueryInterval() == null ? DEFAULT_QUERY_INTERVAL : props.getQueryInterval();
      Duration maxInterval = props.getMaxQueryInterval();
      if (maxInterval == null) {
        maxInterval =
            interval.toSeconds().doubleValue()
                    > DEFAULT_MAX_QUERY_INTERVAL.toSeconds().doubleValue()
                ? interval
                : DEFAULT_MAX_QUERY_INTERVAL;
      } else if (maxInterval.toSeconds().doubleValue() < interval.toSeconds().doubleValue()) {
        throw new IllegalArgumentException(
            host
                + ": maxQueryInterval "
                + maxInterval.toHumanString()
                + " is shorter than queryInterval "
                + interval.toHumanString()
                + "; the waits between status checks start at queryInterval and grow up to"
                + " maxQueryInterval (give both the same value for a fixed interval)");
      }
      HostProvider made =
          new HostProvider(
              stack,
              id,
              namespace,
              interval,
              maxInterval,
              props.getTotalTimeout() == null ? DEFAULT_TOTAL_TIMEOUT : props.getTotalTimeout());
      ofStack.put(namespace, made);
      return made;
    }
    shared.checkSame(host, "queryInterval", props.getQueryInterval(), shared.queryInterval);
    shared.checkSame(
        host, "maxQueryInterval", props.getMaxQueryInterval(), shared.maxQueryInterval);
    shared.checkSame(host, "totalTimeout", props.getTotalTimeout(), shared.totalTimeout);
    return shared;
  }

  private void checkSame(Owner host, String property, Duration asked, Duration has) {
    if (asked != null && asked.toSeconds().doubleValue() != has.toSeconds().doubleValue()) {
      throw new IllegalArgumentException(
          host
              + ": "
              + property
              + " "
              + asked.toHumanString()
              + " differs from the "
              + has.toHumanString()
              + " of the stack's shared host provider "
              + getNode().getPath()
              + "; every host in a stack shares one provider: set "
              + property
              + " on the stack's first host only, or give every host the same value");
    }
  }

  /**
   * The token CloudFormation invokes for a host custom resource.
   *
   * @return the service token
   */
  String getServiceToken() {
    if (serviceToken == null) {
      serviceToken = provider.getServiceToken();
    }
    return serviceToken;
  }

  /**
   * Lets the handlers manage the network interfaces and VPC endpoint of a host in a VPC. Only
   * stacks with such a host get these permissions; calling it again does nothing.
   */
  void enableVpc() {
    if (vpcEnabled) {
      return;
    }
    vpcEnabled = true;
    Stack stack = Stack.of(this);
    String ec2Resources =
        stack.formatArn(
            ArnComponents.builder()
                .service("ec2")
                .resource("*")
                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                .build());
    for (Function fn : List.of(onEvent, isComplete)) {
      // The service makes the host's network interfaces and VPC endpoint with the caller's rights.
      fn.addToRolePolicy(
          PolicyStatement.Builder.create()
              .actions(
                  List.of(
                      "ec2:CreateNetworkInterface",
                      "ec2:DeleteNetworkInterface",
                      "ec2:CreateTags",
                      "ec2:CreateVpcEndpoint",
                      "ec2:DeleteVpcEndpoints",
                      "ec2:ModifyVpcEndpoint"))
              .resources(List.of(ec2Resources))
              .build());
      // EC2's Describe actions take no resource-level permissions.
      fn.addToRolePolicy(
          PolicyStatement.Builder.create()
              .actions(
                  List.of(
                      "ec2:DescribeDhcpOptions",
                      "ec2:DescribeNetworkInterfaces",
                      "ec2:DescribeSecurityGroups",
                      "ec2:DescribeSubnets",
                      "ec2:DescribeVpcEndpoints",
                      "ec2:DescribeVpcs"))
              .resources(List.of("*"))
              .build());
      NagSuppressions.suppress(
          fn.getRole().getNode().findChild("DefaultPolicy"),
          "AwsSolutions-IAM5",
          "The service makes a VPC host's network interfaces and VPC endpoint in subnets and groups"
              + " it is given, with the caller's rights: scoped to this account and region;"
              + " EC2 Describe actions take no resource-level permissions",
          List.of("Resource::" + nagArn("ec2", "*"), "Resource::*"));
    }
  }

  /**
   * How cdk-nag writes an ARN of this stack's account and region ending in {@code tail}: pseudo
   * parameters in angle brackets, literals as they are.
   */
  private String nagArn(String service, String tail) {
    Stack stack = Stack.of(this);
    return "arn:"
        + nagForm(stack.getPartition(), "AWS::Partition")
        + ":"
        + service
        + ":"
        + nagForm(stack.getRegion(), "AWS::Region")
        + ":"
        + nagForm(stack.getAccount(), "AWS::AccountId")
        + ":"
        + tail;
  }

  private static String nagForm(String value, String pseudo) {
    return JsiiShortcuts.isUnresolved(value) ? "<" + pseudo + ">" : value;
  }

  private String idOf(Function fn) {
    return Stack.of(this).getLogicalId((CfnElement) fn.getNode().getDefaultChild());
  }

  private List<String> waiterInvokeFindings() {
    List<String> out = new ArrayList<>();
    for (String fn : List.of("framework-isComplete", "framework-onTimeout")) {
      IConstruct child = provider.getNode().tryFindChild(fn);
      if (child != null) {
        out.add(
            "Resource::<"
                + Stack.of(this).getLogicalId((CfnElement) child.getNode().getDefaultChild())
                + ".Arn>:*");
      }
    }
    return out;
  }

  /** A Lambda role with no managed policy: it may write to its own log group only. */
  private Role lambdaRole(String id, LogGroup logs) {
    Role role =
        Role.Builder.create(this, id)
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();
    logs.grantWrite(role);
    return role;
  }

  private Function handler(String id, String handler, String what) {
    LogGroup logs = logGroup(id + "Logs");
    Map<String, String> env = new LinkedHashMap<>();
    env.put(NAMESPACE_ENV, namespace.getArnService());
    // C1 only: the handler is short-lived, and tiered compilation past C1 costs start-up time.
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    return Function.Builder.create(this, id)
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
        .role(lambdaRole(id + "Role", logs))
        .build();
  }

  private LogGroup logGroup(String id) {
    return LogGroup.Builder.create(this, id)
        .retention(RetentionDays.ONE_MONTH)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();
  }

  private void allow(Function fn, List<String> actions, String resource) {
    fn.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(actions.stream().map(namespace::action).toList())
            .resources(List.of(resource))
            .build());
  }
}
