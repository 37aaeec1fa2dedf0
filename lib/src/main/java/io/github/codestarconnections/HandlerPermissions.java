package io.github.codestarconnections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.CfnRolePolicy;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * What the host handler functions may do: every IAM action they get is listed at the top of this
 * class. Host actions take the provider's namespace as prefix; CreateHost, ListHosts and
 * ListConnections take no resource-level permissions, every other host action names hosts (Service
 * Authorization Reference, "Actions, resources, and condition keys for AWS CodeStar Connections" /
 * "... AWS CodeConnections": resource type host, {@code host/${HostId}}).
 *
 * <p>Which hosts. A host ARN's resource is the host's name and an id the service appends ({@code
 * host/My-Host-28aef605} for the host named {@code My-Host} in the AWS CLI reference's {@code
 * list-hosts} example, and in the console guide's CLI examples, e.g. "Delete a host"); the Service
 * Authorization Reference calls the whole part {@code ${HostId}}, and two of the console guide's
 * examples pair the name {@code MyHost} with that same ARN. The actions that change a host or read
 * and change its tags are therefore scoped to {@code host/<name>-*} for each host whose name is a
 * literal of letters, digits, '-' and '_' (the examples' form), and to {@code host/*} only when a
 * name is a token or has other characters. GetHost and DeleteHost stay on {@code host/*}: should
 * the service ever form an ARN otherwise than the examples show, the handler can still wait for and
 * delete the host it made (the deployment then fails and rolls back, and nothing is left behind)
 * instead of losing it.
 *
 * <p>When. A host's scoped statements are in two {@code AWS::IAM::RolePolicy} resources of its own
 * (one per role), on which the host depends, named after the host's name. CloudFormation creates
 * them before the host and deletes them after it (a resource is deleted before those it depends on:
 * DependsOn attribute,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html).
 * Removed with the host, they go after its deletion in cleanup. Renamed with it, they are replaced
 * (PolicyName and RoleName are create-only in the AWS::IAM::RolePolicy registry schema), so the old
 * name's policies stay until cleanup deletes them after the old host, and a rollback still reaches
 * the original host: both in the same cleanup group, whatever order CloudFormation gives the
 * replaced and the removed resources.
 */
final class HandlerPermissions {
  /**
   * onEvent's host actions on {@code *}: none of them takes a resource ARN. ListConnections: a
   * host's connections are checked before DeleteHost.
   */
  static final List<String> ON_EVENT_ANY_RESOURCE =
      List.of("CreateHost", "ListHosts", "ListConnections");

  /** onEvent's host actions on every host of the namespace (see the class comment). */
  static final List<String> ON_EVENT_ANY_HOST = List.of("GetHost", "DeleteHost");

  /** onEvent's host actions on the stack's own hosts ({@code host/<name>-*}). */
  static final List<String> ON_EVENT_OWN_HOSTS =
      List.of("UpdateHost", "TagResource", "UntagResource", "ListTagsForResource");

  /**
   * isComplete's host actions on {@code *}: ListHosts carries the status message and finds a host
   * by its marker; ListConnections checks a host's connections before a DeleteHost it retries.
   */
  static final List<String> IS_COMPLETE_ANY_RESOURCE = List.of("ListHosts", "ListConnections");

  /** isComplete's host actions on every host of the namespace: waiting, DeleteHost again. */
  static final List<String> IS_COMPLETE_ANY_HOST = List.of("GetHost", "DeleteHost");

  /**
   * isComplete's host actions on the stack's own hosts: ListTagsForResource resolves a create by
   * its marker tag, UntagResource removes the marker once the host is ready.
   */
  static final List<String> IS_COMPLETE_OWN_HOSTS = List.of("ListTagsForResource", "UntagResource");

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
   * How many hosts with known names a provider takes before synth warns: a host's role policy is at
   * most about 350 characters (four actions, and an ARN with the longest partition and Region names
   * and a 64-character host name), the roles' other inline policies about 1,100, and IAM allows a
   * role 10,240 characters of inline policies in all (IAM and AWS STS quotas,
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
   */
  static final int MAX_NAMED_HOSTS = 25;

  /** The id of that warning. */
  static final String TOO_MANY_NAMED_HOSTS = "codestarconnections-cdk:tooManyNamedHosts";

  /** Host names whose ARN the examples show: letters, digits, '-' and '_'. */
  private static final Pattern KNOWN_ARN_FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
   * Grants the host actions every host of the stack needs, whatever its name.
   *
   * @param namespace the provider's namespace, the actions' prefix
   * @param onEvent the onEvent function
   * @param isComplete the isComplete function
   */
  static void grantHostActions(ServiceNamespace namespace, Function onEvent, Function isComplete) {
    String hosts = hostArn(onEvent, namespace, "*");
    allow(onEvent, prefixed(namespace, ON_EVENT_ANY_RESOURCE), "*");
    allow(onEvent, prefixed(namespace, ON_EVENT_ANY_HOST), hosts);
    allow(isComplete, prefixed(namespace, IS_COMPLETE_ANY_RESOURCE), "*");
    allow(isComplete, prefixed(namespace, IS_COMPLETE_ANY_HOST), hosts);
  }

  /**
   * Grants the own-host actions on every host of the namespace: for hosts whose ARN cannot be known
   * at synth.
   *
   * @param namespace the provider's namespace
   * @param onEvent the onEvent function
   * @param isComplete the isComplete function
   */
  static void grantOwnHostActionsOnAnyHost(
      ServiceNamespace namespace, Function onEvent, Function isComplete) {
    String hosts = hostArn(onEvent, namespace, "*");
    allow(onEvent, prefixed(namespace, ON_EVENT_OWN_HOSTS), hosts);
    allow(isComplete, prefixed(namespace, IS_COMPLETE_OWN_HOSTS), hosts);
  }

  /**
   * Whether the ARN of a host with this name is known at synth up to the service's id.
   *
   * @param name the host's name, maybe a token
   * @return true for a literal of the examples' form
   */
  static boolean knowsArnOf(String name) {
    return !JsiiShortcuts.isUnresolved(name) && KNOWN_ARN_FORM.matcher(name).matches();
  }

  /**
   * The own-host actions on one host, in a role policy per handler role under the host.
   *
   * @param host the host construct, parent of the policies
   * @param hostPath its construct path
   * @param name its literal name ({@link #knowsArnOf})
   * @param namespace the provider's namespace
   * @param arnPrefix {@link #hostArnPrefix} of the provider's stack and namespace
   * @param roleNames {@link #roleNames} of the handler functions
   * @return the two policies, which the host's resource must depend on
   */
  static List<CfnRolePolicy> grantOwnHostActions(
      Construct host,
      String hostPath,
      String name,
      ServiceNamespace namespace,
      String arnPrefix,
      RoleNames roleNames) {
    String arns = arnPrefix + name + "-*";
    String policyName = "CodeStarConnectionsHost-" + digest(hostPath + "\n" + name);
    return List.of(
        rolePolicy(
            host,
            "OnEventAccess",
            policyName,
            roleNames.onEvent(),
            ON_EVENT_OWN_HOSTS,
            namespace,
            arns),
        rolePolicy(
            host,
            "IsCompleteAccess",
            policyName,
            roleNames.isComplete(),
            IS_COMPLETE_OWN_HOSTS,
            namespace,
            arns));
  }

  /**
   * The names of the handler functions' roles (tokens), which every host's role policies name.
   *
   * @param onEvent the onEvent role's
   * @param isComplete the isComplete role's
   */
  record RoleNames(String onEvent, String isComplete) {
    /**
     * Reads the names, once per provider rather than once per host.
     *
     * @param onEvent the onEvent function
     * @param isComplete the isComplete function
     * @return the names
     */
    static RoleNames of(Function onEvent, Function isComplete) {
      return new RoleNames(onEvent.getRole().getRoleName(), isComplete.getRole().getRoleName());
    }
  }

  /**
   * The EC2 statements a VPC host needs, in a policy of their own on both handler roles, which
   * every custom-resource VPC host depends on: made only while the stack has such a host, it leaves
   * with the last one, and is deleted after it (see the class comment).
   *
   * @param scope the provider
   * @param onEvent the onEvent function
   * @param isComplete the isComplete function
   * @return the policy
   */
  static Policy vpcPolicy(Construct scope, Function onEvent, Function isComplete) {
    String ec2Resources =
        Stack.of(scope)
            .formatArn(
                ArnComponents.builder()
                    .service("ec2")
                    .resource("*")
                    .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                    .build());
    return Policy.Builder.create(scope, "VpcPolicy")
        .roles(List.of(onEvent.getRole(), isComplete.getRole()))
        .statements(
            List.of(statement(VPC_ACTIONS, ec2Resources), statement(VPC_DESCRIBE_ACTIONS, "*")))
        .build();
  }

  private static CfnRolePolicy rolePolicy(
      Construct host,
      String id,
      String policyName,
      String roleName,
      List<String> actions,
      ServiceNamespace namespace,
      String arns) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Action", prefixed(namespace, actions));
    statement.put("Resource", arns);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(statement));
    return CfnRolePolicy.Builder.create(host, id)
        .policyName(policyName)
        .roleName(roleName)
        .policyDocument(document)
        .build();
  }

  /**
   * The ARN of the stack's hosts up to their name, {@code arn:<partition>:<service>:<region>:
   * <account>:host/}, formatted once per provider rather than once per host: the stack's {@code
   * formatArn} joins its parts as a string, so the prefix followed by a literal name is the string
   * {@code formatArn} gives for that name, and resolves to the same template.
   *
   * @param stack the provider's stack
   * @param namespace the provider's namespace
   * @return the prefix (with tokens for what the stack does not know)
   */
  static String hostArnPrefix(Stack stack, ServiceNamespace namespace) {
    String any = hostArn(stack, namespace, "*");
    if (!any.endsWith("/*")) {
      throw new IllegalStateException("formatArn gave a host ARN not ending in '/*': " + any);
    }
    return any.substring(0, any.length() - 1);
  }

  private static String hostArn(Construct scope, ServiceNamespace namespace, String resourceName) {
    return hostArn(Stack.of(scope), namespace, resourceName);
  }

  private static String hostArn(Stack stack, ServiceNamespace namespace, String resourceName) {
    return stack.formatArn(
        ArnComponents.builder()
            .service(namespace.getArnService())
            .resource("host")
            .resourceName(resourceName)
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
            .build());
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }

  private static List<String> prefixed(ServiceNamespace namespace, List<String> actions) {
    return actions.stream().map(namespace::action).toList();
  }

  private static PolicyStatement statement(List<String> actions, String resource) {
    return PolicyStatement.Builder.create().actions(actions).resources(List.of(resource)).build();
  }

  private static void allow(Function fn, List<String> actions, String resource) {
    fn.addToRolePolicy(statement(actions, resource));
  }
}
