package io.github.codestarconnections;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * What the host handler functions may do: every IAM action they get is listed at the top of this
 * class. Host actions take the provider's namespace as prefix; CreateHost, ListHosts and
 * ListConnections take no resource-level permissions, every other host action is scoped to this
 * account's and region's hosts (Service Authorization Reference, "Actions, resources, and condition
 * keys for AWS CodeStar Connections" / "... AWS CodeConnections").
 */
final class HandlerPermissions {
  /**
   * onEvent's host actions on {@code *}: none of them takes a resource ARN. ListConnections: a
   * host's connections are checked before DeleteHost.
   */
  static final List<String> ON_EVENT_ANY_RESOURCE =
      List.of("CreateHost", "ListHosts", "ListConnections");

  /** onEvent's host actions on this account's and region's hosts. */
  static final List<String> ON_EVENT_HOSTS =
      List.of(
          "GetHost",
          "UpdateHost",
          "DeleteHost",
          "TagResource",
          "UntagResource",
          "ListTagsForResource");

  /**
   * isComplete's host actions on {@code *}: ListHosts carries the status message and finds a host
   * by its marker; ListConnections checks a host's connections before a DeleteHost it retries.
   */
  static final List<String> IS_COMPLETE_ANY_RESOURCE = List.of("ListHosts", "ListConnections");

  /**
   * isComplete's host actions on this account's and region's hosts: ListTagsForResource resolves a
   * create by its marker tag, UntagResource removes the marker once the host is ready.
   */
  static final List<String> IS_COMPLETE_HOSTS =
      List.of("GetHost", "DeleteHost", "ListTagsForResource", "UntagResource");

  /**
   * EC2 actions a VPC host needs, on this account's and region's EC2 resources: the service makes
   * the host's network interfaces and VPC endpoint with the caller's rights.
   */
  static final List<String> VPC_ACTIONS =
      List.of(
          "ec2:CreateNetworkInterface",
          "ec2:DeleteNetworkInterface",
          "ec2:CreateTags",
          "ec2:CreateVpcEndpoint",
          "ec2:DeleteVpcEndpoints",
          "ec2:ModifyVpcEndpoint");

  /** EC2 Describe actions a VPC host needs; they take no resource-level permissions. */
  static final List<String> VPC_DESCRIBE_ACTIONS =
      List.of(
          "ec2:DescribeDhcpOptions",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcEndpoints",
          "ec2:DescribeVpcs");

  /**
   * isComplete's action for connection lookups, on {@code *}: ListConnections takes no
   * resource-level permissions. onEvent reads nothing for them.
   */
  static final List<String> LOOKUP_ANY_RESOURCE = List.of("ListConnections");

  /** isComplete's action for a readiness check of a connection, on that connection only. */
  static final String CHECK_CONNECTION = "GetConnection";

  /** isComplete's action for a readiness check of a host, on that host only. */
  static final String CHECK_HOST = "GetHost";

  private HandlerPermissions() {}

  /**
   * Grants what connection lookups need.
   *
   * @param namespace the provider's namespace, the action's prefix
   * @param isComplete the isComplete function, which does the lookups
   */
  static void grantLookups(ServiceNamespace namespace, Function isComplete) {
    allow(isComplete, prefixed(namespace, LOOKUP_ANY_RESOURCE), "*");
  }

  /**
   * Grants a readiness check's one action on its one resource, in a policy of its own: the role's
   * default policy is what the provider's functions depend on, and a connection on a
   * custom-resource host of the same stack depends on the provider, so a statement naming that
   * connection there would make a cycle. The check depends on this policy instead.
   *
   * @param scope the check, the policy's parent
   * @param isComplete the isComplete function, which reads the status
   * @param namespaces the prefixes to grant the action with (both when the ARN's is unknown)
   * @param action {@link #CHECK_CONNECTION} or {@link #CHECK_HOST}
   * @param arn the connection or host
   * @return the policy
   */
  static Policy grantCheck(
      Construct scope,
      Function isComplete,
      List<ServiceNamespace> namespaces,
      String action,
      String arn) {
    return Policy.Builder.create(scope, "HandlerPolicy")
        .roles(List.of(isComplete.getRole()))
        .statements(
            List.of(
                PolicyStatement.Builder.create()
                    .actions(namespaces.stream().map(n -> n.action(action)).toList())
                    .resources(List.of(arn))
                    .build()))
        .build();
  }

  /**
   * Grants the host actions.
   *
   * @param namespace the provider's namespace, the actions' prefix
   * @param onEvent the onEvent function
   * @param isComplete the isComplete function
   */
  static void grantHostActions(ServiceNamespace namespace, Function onEvent, Function isComplete) {
    String hosts =
        Stack.of(onEvent)
            .formatArn(
                ArnComponents.builder()
                    .service(namespace.getArnService())
                    .resource("host")
                    .resourceName("*")
                    .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                    .build());
    allow(onEvent, prefixed(namespace, ON_EVENT_ANY_RESOURCE), "*");
    allow(onEvent, prefixed(namespace, ON_EVENT_HOSTS), hosts);
    allow(isComplete, prefixed(namespace, IS_COMPLETE_ANY_RESOURCE), "*");
    allow(isComplete, prefixed(namespace, IS_COMPLETE_HOSTS), hosts);
  }

  /**
   * Grants the EC2 actions a host in a VPC needs.
   *
   * @param fn a handler function
   * @return the ARN pattern the non-Describe actions are scoped to
   */
  static String grantVpcActions(Function fn) {
    String ec2Resources =
        Stack.of(fn)
            .formatArn(
                ArnComponents.builder()
                    .service("ec2")
                    .resource("*")
                    .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                    .build());
    allow(fn, VPC_ACTIONS, ec2Resources);
    allow(fn, VPC_DESCRIBE_ACTIONS, "*");
    return ec2Resources;
  }

  private static List<String> prefixed(ServiceNamespace namespace, List<String> actions) {
    return actions.stream().map(namespace::action).toList();
  }

  private static void allow(Function fn, List<String> actions, String resource) {
    fn.addToRolePolicy(
        PolicyStatement.Builder.create().actions(actions).resources(List.of(resource)).build());
  }
}
