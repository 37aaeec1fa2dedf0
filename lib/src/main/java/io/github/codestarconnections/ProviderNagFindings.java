package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnRolePolicy;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.IVersion;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * The cdk-nag findings on a host provider that stay, each suppressed with the reason it is right,
 * in the granular form cdk-nag matches ({@code Resource::<LogicalId.Arn>:*} and the like).
 */
final class ProviderNagFindings {
  private static final String INVOKE_WILDCARD =
      "The CDK Provider framework invokes the handler functions and their versions"
          + " (Fn.Arn:*), as CDK itself grants";

  private ProviderNagFindings() {}

  /**
   * Suppresses the findings on the handler functions, the framework's roles and its waiter.
   *
   * @param functions the handler functions
   * @param frameworkRoles the framework's onEvent and waiter roles
   * @param provider the CDK Provider's node
   */
  static void suppress(HandlerFunctions functions, List<Role> frameworkRoles, Node provider) {
    for (Function fn : List.of(functions.onEvent(), functions.isComplete())) {
      NagSuppressions.suppress(
          fn,
          "AwsSolutions-L1",
          "java21 is pinned on purpose: the handler is tested on it; a new runtime is adopted"
              + " with a release, not by drift",
          List.of());
    }
    List<String> invoked = new ArrayList<>();
    for (IFunction target : List.of(functions.onEventTarget(), functions.isCompleteTarget())) {
      // A version is granted by its ARN alone: no wildcard to suppress.
      if (!(target instanceof IVersion)) {
        invoked.add("Resource::<" + logicalId(target) + ".Arn>:*");
      }
    }
    if (!invoked.isEmpty()) {
      for (Role role : frameworkRoles) {
        NagSuppressions.suppress(
            role.getNode().findChild("DefaultPolicy"),
            "AwsSolutions-IAM5",
            INVOKE_WILDCARD,
            invoked);
      }
    }
    IConstruct waiter = FrameworkWaiter.child(provider, FrameworkWaiter.WAITER);
    if (waiter == null) {
      return;
    }
    NagSuppressions.suppress(
        waiter,
        "AwsSolutions-SF2",
        "The CDK Provider framework's waiter only loops isComplete and offers no X-Ray option;"
            + " the handlers' own logs trace each call",
        List.of());
    IConstruct waiterRole = waiter.getNode().tryFindChild("Role");
    if (waiterRole != null) {
      IConstruct policy = waiterRole.getNode().findChild("DefaultPolicy");
      NagSuppressions.suppress(
          policy, "AwsSolutions-IAM5", INVOKE_WILDCARD, waiterInvokeFindings(provider));
      NagSuppressions.suppress(
          policy,
          "AwsSolutions-IAM5",
          "Step Functions log delivery (logs:CreateLogDelivery and friends) takes no"
              + " resource-level permissions",
          List.of("Resource::*"));
    }
  }

  /**
   * Suppresses the wildcard findings of the host actions, once a host uses the provider.
   *
   * @param namespace the provider's namespace
   * @param functions the handler functions
   */
  static void suppressHostActions(ServiceNamespace namespace, HandlerFunctions functions) {
    for (Function fn : List.of(functions.onEvent(), functions.isComplete())) {
      NagSuppressions.suppress(
          fn.getRole().getNode().findChild("DefaultPolicy"),
          "AwsSolutions-IAM5",
          "CreateHost, ListHosts and ListConnections take no resource-level permissions; GetHost"
              + " and DeleteHost reach this account's and region's hosts so that a host is always"
              + " waited for and deleted, whatever id the service gives it; the actions that change"
              + " a host are scoped to the stack's host names",
          List.of("Resource::*", "Resource::" + nagArn(fn, namespace.getArnService(), "host/*")));
    }
  }

  /**
   * Suppresses the wildcard finding of ListConnections, once a connection lookup uses the provider.
   *
   * @param isComplete the function that looks connections up
   */
  static void suppressLookups(Function isComplete) {
    NagSuppressions.suppress(
        isComplete.getRole().getNode().findChild("DefaultPolicy"),
        "AwsSolutions-IAM5",
        "ListConnections, which a connection lookup calls, takes no resource-level permissions",
        List.of("Resource::*"));
  }

  /**
   * Suppresses the wildcard findings of the EC2 actions a VPC host needs.
   *
   * @param vpcPolicy the policy with the EC2 statements
   */
  static void suppressVpc(Policy vpcPolicy) {
    NagSuppressions.suppress(
        vpcPolicy,
        "AwsSolutions-IAM5",
        "The service makes a VPC host's network interfaces and VPC endpoint in subnets and groups"
            + " it is given, with the caller's rights: scoped to this account and region;"
            + " EC2 Describe actions take no resource-level permissions",
        List.of("Resource::" + nagArn(vpcPolicy, "ec2", "*"), "Resource::*"));
  }

  /**
   * How cdk-nag writes the ARN of a host of a stack and namespace, up to the host's name: the same
   * for every host of the provider, so the provider reads it once.
   *
   * @param in a construct in the stack
   * @param namespace the provider's namespace
   * @return e.g. {@code arn:<AWS::Partition>:codestar-connections:us-east-1:123456789012:host/}
   */
  static String ownHostPrefix(IConstruct in, ServiceNamespace namespace) {
    return nagArn(in, namespace.getArnService(), "host/");
  }

  /**
   * Suppresses the wildcard finding of a host's own role policies, which it has just made: the id
   * the service appends.
   *
   * @param policies the role policies
   * @param ownHostPrefix {@link #ownHostPrefix} of the provider
   * @param name the host's literal name
   */
  static void suppressOwnHost(List<CfnRolePolicy> policies, String ownHostPrefix, String name) {
    NagSuppressions.suppressNew(
        policies,
        "AwsSolutions-IAM5",
        "Scoped to this host's name; the wildcard stands for the id the service appends to it",
        List.of("Resource::" + ownHostPrefix + name + "-*"));
  }

  private static List<String> waiterInvokeFindings(Node provider) {
    List<String> out = new ArrayList<>();
    for (String id : List.of(FrameworkWaiter.IS_COMPLETE, FrameworkWaiter.ON_TIMEOUT)) {
      IConstruct child = FrameworkWaiter.child(provider, id);
      if (child != null) {
        out.add("Resource::<" + logicalId(child) + ".Arn>:*");
      }
    }
    return out;
  }

  private static String logicalId(IConstruct construct) {
    return Stack.of(construct).getLogicalId((CfnElement) construct.getNode().getDefaultChild());
  }

  /**
   * How cdk-nag writes an ARN of this stack's account and region ending in {@code tail}: pseudo
   * parameters in angle brackets, literals as they are.
   */
  static String nagArn(IConstruct in, String service, String tail) {
    Stack stack = Stack.of(in);
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
}
