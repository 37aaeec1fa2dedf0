package io.github.codestarconnections;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.iam.AddToPrincipalPolicyResult;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PrincipalPolicyFragment;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The connection grants of one CodeBuild service role, in an IAM policy of their own that every
 * project of that role depends on.
 *
 * <p>Why: CodeBuild checks a project's connection through the project's role while CloudFormation
 * creates or updates the project: its {@code CreateWebhook} fails with "Access denied to
 * connection" (aws-cdk issue #31726), and {@code CreateProject} with an {@code
 * OAuthProviderException} (aws-cdk issue #38504), unless the role already has the grant. The role's
 * default policy cannot carry it: that policy names the project (its log group and report group
 * ARNs), so CloudFormation makes it after the project. aws-cdk's CodeBuild project puts its VPC
 * permissions in a policy of their own for the same reason; this does it for the connection.
 *
 * <p>It is the principal {@link IConnection#grantCodeBuildUse} grants to, for a project whose role
 * is an owned {@code iam.Role} and for such a role itself. Which projects depend on the policy is
 * settled when the tree is complete (the project's {@code CfnProject} does not exist yet when its
 * source is bound): for a project grantee, that project; for a role grantee, every project of the
 * role's stack whose {@code ServiceRole} is that role's ARN (a project in another stack waits for
 * the role's whole stack anyway).
 */
final class CodeBuildRoleGrants extends Construct implements IPrincipal {
  /** The id under the role. */
  static final String ID = "CodeStarConnectionsGrants";

  private final Role role;
  private final String roleArn;
  private final Policy policy;
  private final Set<String> orderedScopes = new HashSet<>();

  private CodeBuildRoleGrants(Role role) {
    super(role, ID);
    this.role = role;
    this.roleArn = role.getRoleArn();
    this.policy = Policy.Builder.create(this, "Policy").roles(List.of(role)).build();
  }

  /**
   * The principal to grant a CodeBuild project's connection rights to, so that the project can have
   * them while it is created.
   *
   * @param grantee a project, a role, or any other grantee
   * @return the role's grants for a project whose role is an owned {@code Role}, and for such a
   *     role; else the grantee itself (an imported role or project: its policies are not ours to
   *     order)
   */
  static IGrantable principalFor(IGrantable grantee) {
    if (grantee instanceof IProject project) {
      if (project.getRole() instanceof Role owned) {
        return of(owned).orderedIn(project);
      }
      return grantee;
    }
    if (grantee instanceof Role owned) {
      return of(owned).orderedIn(Stack.of(owned));
    }
    return grantee;
  }

  private static CodeBuildRoleGrants of(Role role) {
    CodeBuildRoleGrants found =
        ReservedChild.find(
            role,
            ID,
            CodeBuildRoleGrants.class,
            "its connection grants",
            new Owner("grantCodeBuildUse to role", role));
    return found != null ? found : new CodeBuildRoleGrants(role);
  }

  /**
   * Makes the projects of this role in a scope depend on the policy, once the tree is complete.
   *
   * @param scope a project, or the role's stack
   * @return this
   */
  private CodeBuildRoleGrants orderedIn(IConstruct scope) {
    if (orderedScopes.add(scope.getNode().getPath())) {
      Aspects.of(scope).add(new ProjectDependency(roleArn, policy));
    }
    return this;
  }

  /**
   * The policy the grants are in.
   *
   * @return the policy
   */
  Policy policy() {
    return policy;
  }

  @Override
  public IPrincipal getGrantPrincipal() {
    return this;
  }

  @Override
  public String getAssumeRoleAction() {
    return role.getAssumeRoleAction();
  }

  @Override
  public PrincipalPolicyFragment getPolicyFragment() {
    return role.getPolicyFragment();
  }

  @Override
  public String getPrincipalAccount() {
    return role.getPrincipalAccount();
  }

  @Override
  public AddToPrincipalPolicyResult addToPrincipalPolicy(PolicyStatement statement) {
    policy.addStatements(statement);
    return AddToPrincipalPolicyResult.builder()
        .statementAdded(true)
        .policyDependable(policy)
        .build();
  }
}
