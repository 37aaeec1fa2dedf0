package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The role Git sync assumes to update a stack: the permissions and trust the CloudFormation User
 * Guide gives for it ("Git sync service role",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/git-sync-prereq.html), with the
 * CloudFormation actions scoped to the one stack where IAM allows it. ListStacks and
 * ValidateTemplate take no resource-level permissions, and the EventBridge rules Git sync makes
 * have names it chooses, so those keep the guide's {@code *} (the rule actions with its {@code
 * events:ManagedBy} condition).
 */
final class GitSyncRole {
  /** Git sync's service principal, which the role trusts. */
  static final String PRINCIPAL = "cloudformation.sync.codeconnections.amazonaws.com";

  /** The guide's CloudFormation actions that take a stack as their resource. */
  static final List<String> STACK_ACTIONS =
      List.of(
          "cloudformation:CreateChangeSet",
          "cloudformation:DeleteChangeSet",
          "cloudformation:DescribeChangeSet",
          "cloudformation:DescribeStackEvents",
          "cloudformation:DescribeStacks",
          "cloudformation:ExecuteChangeSet",
          "cloudformation:GetTemplate",
          "cloudformation:ListChangeSets");

  /** The guide's CloudFormation actions that take no resource. */
  static final List<String> ACCOUNT_ACTIONS =
      List.of("cloudformation:ListStacks", "cloudformation:ValidateTemplate");

  /** The guide's actions on the EventBridge rules Git sync manages. */
  static final List<String> RULE_ACTIONS = List.of("events:PutRule", "events:PutTargets");

  /** The guide's action to read those rules. */
  static final String DESCRIBE_RULE = "events:DescribeRule";

  private GitSyncRole() {}

  /**
   * A role for one synced stack, trusted by Git sync for this account and, when known, the link's
   * connection (the guide's {@code aws:SourceAccount} and {@code aws:SourceArn} against the
   * confused deputy problem).
   *
   * @param scope the sync configuration
   * @param stack its stack (the synced stack's account and region)
   * @param stackName the synced stack's name
   * @param connection the link's connection, or null when unknown (an imported link)
   * @param policy the role's one policy: {@link #statements}, and what is added to it later
   * @return the role
   */
  static Role make(
      Construct scope,
      Stack stack,
      String stackName,
      IConnection connection,
      PolicyDocument policy) {
    Map<String, PolicyDocument> policies = new LinkedHashMap<>();
    policies.put("GitSync", policy);
    Role role =
        Role.Builder.create(scope, "Role")
            .assumedBy(principal(stack, connection))
            .description("Git sync of stack " + stackName)
            .inlinePolicies(policies)
            .build();
    List<String> findings = new ArrayList<>();
    findings.add("Resource::*");
    if (!JsiiShortcuts.isUnresolved(stackName)) {
      findings.add(
          "Resource::"
              + ProviderNagFindings.nagArn(stack, "cloudformation", stackArnTail(stackName)));
    }
    NagSuppressions.suppressNew(
        List.of((CfnResource) role.getNode().getDefaultChild()),
        "AwsSolutions-IAM5",
        "The CloudFormation actions are scoped to the synced stack (the wildcard is the stack id);"
            + " ListStacks, ValidateTemplate and the EventBridge rule actions Git sync needs take no"
            + " resource, or rules named by Git sync (PutRule and PutTargets only with"
            + " events:ManagedBy Git sync)",
        findings);
    return role;
  }

  /**
   * Adds the permissions to a role the user gives (nothing happens to an immutable import).
   *
   * @param role the role
   * @param stack the sync configuration's stack
   * @param stackName the synced stack's name
   */
  static void grant(IRole role, Stack stack, String stackName) {
    for (PolicyStatement statement : statements(stack, stackName)) {
      role.addToPrincipalPolicy(statement);
    }
  }

  /** The guide's four statements, the first scoped to the synced stack. */
  static List<PolicyStatement> statements(Stack stack, String stackName) {
    Map<String, Object> managedBy = new LinkedHashMap<>();
    managedBy.put("events:ManagedBy", PRINCIPAL);
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("StringEquals", managedBy);
    return List.of(
        PolicyStatement.Builder.create()
            .sid("SyncToCloudFormation")
            .actions(STACK_ACTIONS)
            .resources(List.of(stackArn(stack, stackName)))
            .build(),
        PolicyStatement.Builder.create()
            .sid("ListAndValidate")
            .actions(ACCOUNT_ACTIONS)
            .resources(List.of("*"))
            .build(),
        PolicyStatement.Builder.create()
            .sid("PolicyForManagedRules")
            .actions(RULE_ACTIONS)
            .resources(List.of("*"))
            .conditions(condition)
            .build(),
        PolicyStatement.Builder.create()
            .sid("PolicyForDescribingRule")
            .actions(List.of(DESCRIBE_RULE))
            .resources(List.of("*"))
            .build());
  }

  /** The synced stack's ARN, in every incarnation ({@code stack/<name>/<id>}). */
  static String stackArn(Stack stack, String stackName) {
    return stack.formatArn(
        ArnComponents.builder()
            .service("cloudformation")
            .resource("stack")
            .resourceName(stackName + "/*")
            .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
            .build());
  }

  private static String stackArnTail(String stackName) {
    return "stack/" + stackName + "/*";
  }

  /**
   * Git sync's principal, for this account and (when known) the connection: its ARN in both
   * namespaces, since a connection answers to either and the guide's example shows the
   * codeconnections one.
   */
  private static IPrincipal principal(Stack stack, IConnection connection) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("aws:SourceAccount", stack.getAccount());
    Map<String, Object> conditions = new LinkedHashMap<>();
    conditions.put("StringEquals", account);
    if (connection != null) {
      Map<String, Object> source = new LinkedHashMap<>();
      source.put(
          "aws:SourceArn",
          connectionArnForms(
              connection.getConnectionArn(), connection.getServiceNamespace().orElse(null)));
      conditions.put("ArnLike", source);
    }
    return new ServicePrincipal(PRINCIPAL).withConditions(conditions);
  }

  /**
   * A connection's ARN in each namespace: in its own (when known) the ARN itself, in another one
   * formed from the ARN's parts (split at deploy time when the ARN is a token).
   */
  static List<String> connectionArnForms(String connectionArn, ServiceNamespace own) {
    ArnComponents parts = Arn.split(connectionArn, ArnFormat.SLASH_RESOURCE_NAME);
    List<String> forms = new ArrayList<>();
    for (ServiceNamespace namespace : ServiceNamespace.values()) {
      if (namespace == own) {
        forms.add(connectionArn);
        continue;
      }
      forms.add(
          "arn:"
              + parts.getPartition()
              + ":"
              + namespace.getArnService()
              + ":"
              + parts.getRegion()
              + ":"
              + parts.getAccount()
              + ":connection/"
              + parts.getResourceName());
    }
    return forms;
  }
}
