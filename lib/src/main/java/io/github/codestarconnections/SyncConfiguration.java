package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.codestarconnections.ISyncConfigurationRef;
import software.amazon.awscdk.interfaces.codestarconnections.SyncConfigurationReference;
import software.amazon.awscdk.services.codestarconnections.CfnSyncConfiguration;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Keeps a CloudFormation stack in step with a branch of a repository: CloudFormation Git sync
 * ({@code AWS::CodeStarConnections::SyncConfiguration}, sync type {@code CFN_STACK_SYNC}). Git sync
 * watches the branch's stack deployment file (which names the stack's template, parameters and
 * tags) and updates the stack, making it first if need be, whenever they change.
 *
 * <p>Unless given a role, it makes the one Git sync assumes, with the permissions and trust the
 * CloudFormation User Guide lists (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/
 * git-sync-prereq.html), the CloudFormation actions scoped to this one stack. Without a service
 * role on the synced stack, CloudFormation makes the stack's resources with that role's
 * permissions: grant them with {@link #addToRolePolicy}.
 *
 * <p>Changing {@code stackName} replaces the sync configuration (its registry schema's
 * createOnlyProperties: {@code ResourceName} and {@code SyncType}); the branch, the deployment
 * file, the repository link, the role, {@code publishDeploymentStatus} and {@code
 * triggerResourceUpdateOn} change in place. Pull request comments (the codeconnections API's {@code
 * PullRequestComment}) are not a property of the resource type, so CloudFormation cannot set them:
 * turn them on in the console, or with {@code aws codeconnections update-sync-configuration}.
 *
 * <pre>{@code
 * SyncConfiguration.Builder.create(this, "AppSync")
 *     .repositoryLink(infra)
 *     .branch("main")
 *     .deploymentFile("deployments/app.yaml")
 *     .stackName("app")
 *     .build();
 * }</pre>
 */
public class SyncConfiguration extends Resource implements ISyncConfigurationRef {
  private final CfnSyncConfiguration resource;
  private final IRole role;
  private final PolicyDocument ownPolicy;
  private final String stackName;

  /**
   * Defines a sync configuration.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException on a property the service would reject
   */
  public SyncConfiguration(Construct scope, String id, SyncConfigurationProps props) {
    super(scope, id, ResourceProps.builder().build());
    Owner owner = new Owner("SyncConfiguration", this);
    if (props == null || props.getRepositoryLink() == null) {
      throw new IllegalArgumentException(
          owner
              + ": repositoryLink is required (a RepositoryLink, an import, or aws-cdk's"
              + " IRepositoryLinkRef such as a CfnRepositoryLink)");
    }
    IRepositoryLink link = props.getRepositoryLink();
    this.stackName = GitSyncRules.stackName(owner, props.getStackName());
    String branch = GitSyncRules.branch(owner, props.getBranch());
    String deploymentFile = GitSyncRules.deploymentFile(owner, props.getDeploymentFile());
    Stack stack = JsiiShortcuts.stackOf(scope, this);
    if (stackName.equals(stack.getStackName())) {
      throw new IllegalArgumentException(
          owner
              + ": stackName '"
              + stackName
              + "' is the stack that holds this sync configuration; Git sync and CDK deployments"
              + " would each overwrite the other's template: sync another stack");
    }
    if (props.getRole() == null) {
      this.ownPolicy =
          PolicyDocument.Builder.create()
              .statements(GitSyncRole.statements(stack, stackName))
              .build();
      this.role =
          GitSyncRole.make(this, stack, stackName, link.getConnection().orElse(null), ownPolicy);
    } else {
      this.ownPolicy = null;
      this.role = props.getRole();
      GitSyncRole.grant(role, stack, stackName);
    }
    this.resource =
        CfnSyncConfiguration.Builder.create(this, PrimaryChildId.DEFAULT)
            .repositoryLinkId(link.getRepositoryLinkId())
            .branch(branch)
            .configFile(deploymentFile)
            .resourceName(stackName)
            .syncType(GitSyncRules.SYNC_TYPE)
            .roleArn(role.getRoleArn())
            .publishDeploymentStatus(enabled(props.getPublishDeploymentStatus()))
            .triggerResourceUpdateOn(
                props.getTriggerResourceUpdateOn() == null
                    ? null
                    : props.getTriggerResourceUpdateOn().name())
            .build();
    if (props.getRole() != null) {
      // Git sync may begin at once: the permissions added to the given role come first.
      resource.getNode().addDependency(role);
    }
    resource.applyRemovalPolicy(
        props.getRemovalPolicy() == null
            ? GitSyncRules.DEFAULT_REMOVAL_POLICY
            : props.getRemovalPolicy());
    if (link instanceof RepositoryLink owned) {
      getNode().addValidation(() -> keptOnDeletedLink(owner, owned));
    }
  }

  /**
   * The role Git sync assumes: the one made for this stack, or the one given.
   *
   * @return the role
   */
  public IRole getRole() {
    return role;
  }

  /**
   * Allows Git sync's role more: what CloudFormation needs to make the synced stack's resources
   * when that stack has no service role of its own. On the role made for this stack the statement
   * goes into the role's own policy, which exists before the sync configuration (so before Git
   * sync's first update); on a given role it goes into the role's default policy, on which the sync
   * configuration depends.
   *
   * @param statement the statement, e.g. the actions on the resources the synced stack's template
   *     makes
   */
  public void addToRolePolicy(PolicyStatement statement) {
    if (ownPolicy != null) {
      ownPolicy.addStatements(statement);
    } else {
      role.addToPrincipalPolicy(statement);
    }
  }

  /**
   * The name of the stack Git sync keeps in step.
   *
   * @return the name
   */
  public String getStackName() {
    return stackName;
  }

  /**
   * The repository's owner, as the service has it.
   *
   * @return a token for {@code Fn::GetAtt OwnerId}
   */
  public String getOwnerId() {
    return resource.getAttrOwnerId();
  }

  /**
   * The repository's name, as the service has it.
   *
   * @return a token for {@code Fn::GetAtt RepositoryName}
   */
  public String getRepositoryName() {
    return resource.getAttrRepositoryName();
  }

  /**
   * This sync configuration as aws-cdk's reference: its stack name and sync type, the resource
   * type's primary identifier.
   *
   * @return the reference, as the L1 gives it
   */
  @Override
  public SyncConfigurationReference getSyncConfigurationRef() {
    return resource.getSyncConfigurationRef();
  }

  private static String enabled(Boolean flag) {
    return flag == null ? null : flag ? "ENABLED" : "DISABLED";
  }

  /**
   * A link CloudFormation deletes, with this sync configuration on it kept: the service deletes a
   * link only once no sync configuration uses it (DeleteRepositoryLink:
   * SyncConfigurationStillExistsException), so the link's deletion would fail.
   */
  private List<String> keptOnDeletedLink(Owner owner, RepositoryLink link) {
    List<String> errors = new ArrayList<>();
    if (deletes(link.resource().getCfnOptions().getDeletionPolicy())
        && !deletes(resource.getCfnOptions().getDeletionPolicy())) {
      errors.add(
          owner
              + ": is retained, but its repository link at '"
              + link.getNode().getPath()
              + "' is deleted with the stack; the service deletes a link only once no sync"
              + " configuration uses it (DeleteRepositoryLink: SyncConfigurationStillExists), so"
              + " that deletion would fail: give the link the same removal policy, or this"
              + " configuration DESTROY");
    }
    return errors;
  }

  private static boolean deletes(CfnDeletionPolicy p) {
    return p == null || p == CfnDeletionPolicy.DELETE;
  }

  /** A fluent builder for {@link SyncConfiguration}. */
  public static final class Builder extends SyncConfigurationProps.Setters<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a sync configuration.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * Builds the sync configuration.
     *
     * @return the sync configuration
     */
    public SyncConfiguration build() {
      return new SyncConfiguration(scope, id, new SyncConfigurationProps(this));
    }
  }
}
