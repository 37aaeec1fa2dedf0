package io.github.codestarconnections;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.customresources.LogOptions;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.iam.CfnRolePolicy;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.constructs.Construct;

/**
 * The one custom-resource provider of a stack (per namespace) that every {@link Host} in it shares,
 * and every deploy-time read (connection lookup, {@link ReadinessCheck}): the Java onEvent and
 * isComplete functions ({@link HandlerFunctions}) and the CDK Provider framework around them. Its
 * functions get the rights of what uses it only: host actions with the first host, ListConnections
 * with the first lookup, one GetConnection or GetHost per check. It lives in the construct tree at
 * a fixed id under its stack ({@link #idFor}), where every host finds it, and is built with the
 * stack's {@link HostProviderSettings}. Its parts each have their room: IAM in {@link
 * HandlerPermissions} (the action lists), the waiter's backoff in {@link FrameworkWaiter}, cdk-nag
 * findings in {@link ProviderNagFindings}.
 */
final class HostProvider extends software.constructs.Construct {
  private final HandlerFunctions functions;
  private final Provider provider;
  private final Owner builtFor;
  private final StackChecks stackChecks;
  private final ServiceNamespace namespace;
  private boolean hostsEnabled;
  private boolean lookupsEnabled;
  private Policy vpcPolicy;
  private boolean anyHost;
  private int namedHosts;
  private String serviceToken;
  private final Stack stack;
  // Read with the first host whose name is known, then shared by all: no kernel call per host.
  private HandlerPermissions.RoleNames roleNames;
  private String ownHostNagPrefix;
  private String ownHostArnPrefix;

  private HostProvider(
      Stack stack,
      String id,
      ServiceNamespace namespace,
      HostProviderSettings.Values settings,
      Owner host) {
    super(stack, id);
    this.stack = stack;
    this.builtFor = host;
    // Found once here, so that every host of the stack registers its tags without a look-up.
    this.stackChecks = StackChecks.of(stack, host);
    this.namespace = namespace;
    this.functions = new HandlerFunctions(this, namespace, settings.snapStart());
    LogGroup frameworkLogs = HandlerFunctions.logGroup(this, "FrameworkLogs");
    Role frameworkOnEventRole =
        HandlerFunctions.lambdaRole(this, "FrameworkOnEventRole", frameworkLogs);
    Role frameworkWaiterRole =
        HandlerFunctions.lambdaRole(this, "FrameworkWaiterRole", frameworkLogs);
    this.provider =
        Provider.Builder.create(this, "Provider")
            .onEventHandler(functions.onEventTarget())
            .isCompleteHandler(functions.isCompleteTarget())
            .queryInterval(settings.queryInterval())
            .totalTimeout(settings.totalTimeout())
            .logGroup(frameworkLogs)
            .frameworkOnEventRole(frameworkOnEventRole)
            .frameworkCompleteAndTimeoutRole(frameworkWaiterRole)
            .disableWaiterStateMachineLogging(false)
            .waiterStateMachineLogOptions(
                LogOptions.builder()
                    .destination(HandlerFunctions.logGroup(this, "WaiterLogs"))
                    .level(LogLevel.ALL)
                    .includeExecutionData(false)
                    .build())
            .build();
    FrameworkWaiter.backOff(
        this,
        provider.getNode(),
        WaiterSchedule.of(
            seconds(settings.queryInterval()),
            seconds(settings.maxQueryInterval()),
            seconds(settings.totalTimeout())));
    ProviderNagFindings.suppress(
        functions, List.of(frameworkOnEventRole, frameworkWaiterRole), provider.getNode());
  }

  /**
   * The construct id of a namespace's provider under its stack.
   *
   * @param namespace the namespace
   * @return the id
   */
  static String idFor(ServiceNamespace namespace) {
    return namespace == ServiceNamespace.CODESTAR_CONNECTIONS
        ? "CodeStarConnectionsHostProvider"
        : "CodeConnectionsHostProvider";
  }

  /**
   * The provider of a stack and namespace: found in the construct tree, or made there on first use
   * with the stack's {@link HostProviderSettings}.
   *
   * @param stack the host's stack
   * @param host the host asking, for error messages and to remember who built the provider
   * @param namespace the API namespace
   * @return the provider
   * @throws IllegalArgumentException when a construct that is not a provider holds the id
   */
  static HostProvider of(Stack stack, Owner host, ServiceNamespace namespace) {
    String id = idFor(namespace);
    HostProvider found =
        ReservedChild.find(stack, id, HostProvider.class, "the stack's host provider", host);
    return found != null
        ? found
        : new HostProvider(stack, id, namespace, HostProviderSettings.of(stack, host), host);
  }

  /**
   * The host whose construction built this provider, for error messages.
   *
   * @return e.g. {@code Host at 'Stack/Ghes'}
   */
  Owner builtFor() {
    return builtFor;
  }

  /**
   * The stack's checks, which every host of the stack registers with.
   *
   * @return the checks
   */
  StackChecks stackChecks() {
    return stackChecks;
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
   * Lets the handlers manage hosts: only stacks with a custom-resource host get the host actions;
   * calling it again does nothing.
   */
  void enableHosts() {
    if (hostsEnabled) {
      return;
    }
    hostsEnabled = true;
    HandlerPermissions.grantHostActions(namespace, functions.onEvent(), functions.isComplete());
    ProviderNagFindings.suppressHostActions(namespace, functions);
  }

  /**
   * Lets the handlers look connections up (ListConnections, nothing else); calling it again does
   * nothing.
   */
  void enableLookups() {
    if (lookupsEnabled) {
      return;
    }
    lookupsEnabled = true;
    HandlerPermissions.grantLookups(namespace, functions.isComplete());
    ProviderNagFindings.suppressLookups(functions.isComplete());
  }

  /**
   * Lets the handlers read one connection's or host's status, for a readiness check.
   *
   * @param check the check, the policy's parent
   * @param namespaces the prefixes to grant the action with
   * @param action {@link HandlerPermissions#CHECK_CONNECTION} or {@link
   *     HandlerPermissions#CHECK_HOST}
   * @param arn the resource
   * @return the policy, which the check must depend on
   */
  Policy grantCheck(Construct check, List<ServiceNamespace> namespaces, String action, String arn) {
    return HandlerPermissions.grantCheck(check, functions.isComplete(), namespaces, action, arn);
  }

  /**
   * The policy with the EC2 statements a host in a VPC needs, on both handler roles: made on the
   * first call, so only stacks with such a host have it. Each VPC host depends on it (see {@link
   * HandlerPermissions#vpcPolicy}).
   *
   * @return the policy
   */
  Policy vpcPolicy() {
    if (vpcPolicy == null) {
      vpcPolicy = HandlerPermissions.vpcPolicy(this, functions.onEvent(), functions.isComplete());
      ProviderNagFindings.suppressVpc(vpcPolicy);
    }
    return vpcPolicy;
  }

  /**
   * Lets the handlers change and tag one host, by its name (see {@link HandlerPermissions}).
   *
   * @param host the host construct, parent of the policies
   * @param name the host's name
   * @param hostPath the host's construct path, which the policies' name is made from
   * @return the role policies the host must depend on; empty when its ARN cannot be known at synth,
   *     in which case the handlers may change and tag every host of the namespace
   */
  List<CfnRolePolicy> allowHost(
      software.constructs.Construct host, String name, Supplier<String> hostPath) {
    if (HandlerPermissions.knowsArnOf(name)) {
      if (++namedHosts == HandlerPermissions.MAX_NAMED_HOSTS + 1) {
        Annotations.of(host)
            .addWarningV2(
                HandlerPermissions.TOO_MANY_NAMED_HOSTS,
                "The stack has more than "
                    + HandlerPermissions.MAX_NAMED_HOSTS
                    + " custom-resource hosts in "
                    + namespace.getArnService()
                    + " whose names are known; each adds its own role policies to the host"
                    + " provider's two roles, and IAM caps a role's inline policies at 10,240"
                    + " characters in all, so the deployment will likely be refused (and roll"
                    + " back). Split the hosts over several stacks, or use backend NATIVE.");
      }
      if (roleNames == null) {
        roleNames = HandlerPermissions.RoleNames.of(functions.onEvent(), functions.isComplete());
        ownHostNagPrefix = ProviderNagFindings.ownHostPrefix(this, namespace);
        ownHostArnPrefix = HandlerPermissions.hostArnPrefix(stack, namespace);
      }
      List<CfnRolePolicy> policies =
          HandlerPermissions.grantOwnHostActions(
              host, hostPath.get(), name, namespace, ownHostArnPrefix, roleNames);
      ProviderNagFindings.suppressOwnHost(policies, ownHostNagPrefix, name);
      return policies;
    }
    if (!anyHost) {
      anyHost = true;
      HandlerPermissions.grantOwnHostActionsOnAnyHost(
          namespace, functions.onEvent(), functions.isComplete());
    }
    return List.of();
  }

  private static int seconds(Duration d) {
    return d.toSeconds().intValue();
  }
}
