package io.github.codestarconnections;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;

/** Properties of a {@link SyncConfiguration}. Immutable; make one with {@link #builder()}. */
public final class SyncConfigurationProps {
  private final IRepositoryLink repositoryLink;
  private final String branch;
  private final String deploymentFile;
  private final String stackName;
  private final IRole role;
  private final Boolean publishDeploymentStatus;
  private final SyncTrigger triggerResourceUpdateOn;
  private final RemovalPolicy removalPolicy;

  SyncConfigurationProps(Setters<?> b) {
    this.repositoryLink = b.repositoryLink;
    this.branch = b.branch;
    this.deploymentFile = b.deploymentFile;
    this.stackName = b.stackName;
    this.role = b.role;
    this.publishDeploymentStatus = b.publishDeploymentStatus;
    this.triggerResourceUpdateOn = b.triggerResourceUpdateOn;
    this.removalPolicy = b.removalPolicy;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The repository link of the repository the stack's files are in. Changing it updates the sync
   * configuration in place.
   *
   * @return the link
   * @default none; required
   */
  public IRepositoryLink getRepositoryLink() {
    return repositoryLink;
  }

  /**
   * The branch Git sync follows, 1 to 255 characters and a name Git takes. Changing it updates the
   * sync configuration in place.
   *
   * @return the branch
   * @default none; required
   */
  public String getBranch() {
    return branch;
  }

  /**
   * The path in the repository of the stack deployment file ({@code ConfigFile}): the YAML file
   * that names the stack's template file and gives its parameters and tags. Changing it updates the
   * sync configuration in place.
   *
   * @return the path, e.g. {@code deployments/app.yaml}
   * @default none; required
   */
  public String getDeploymentFile() {
    return deploymentFile;
  }

  /**
   * The name of the stack Git sync keeps in step with the branch ({@code ResourceName}): 1 to 100
   * characters, letters, digits and hyphens, starting with a letter. Git sync creates the stack if
   * it does not exist. Changing it replaces the sync configuration (its registry schema's
   * createOnlyProperties): the new stack is synced, the old one stays as it is, no longer synced.
   *
   * @return the name
   * @default none; required
   */
  public String getStackName() {
    return stackName;
  }

  /**
   * The role Git sync assumes to update the stack. Whatever role it is, the sync configuration adds
   * the permissions Git sync needs to it (as aws-cdk's constructs do with a role they are given; an
   * import made with {@code mutable(false)} is left as it is); a role of your own must trust {@code
   * cloudformation.sync.codeconnections.amazonaws.com}. Without a service role on the stack,
   * CloudFormation makes the stack's resources with this role's permissions: grant them with {@link
   * SyncConfiguration#addToRolePolicy}.
   *
   * @return the role, or null
   * @default a role made for this one stack: trusted by Git sync's service principal for this
   *     account and connection only, allowed the CloudFormation actions Git sync needs on this
   *     stack alone, and the EventBridge actions on the rules Git sync manages
   */
  public IRole getRole() {
    return role;
  }

  /**
   * Whether Git sync publishes the deployment's status to the provider (on commits and pull
   * requests).
   *
   * @return the flag, or null
   * @default the service's default (the template leaves {@code PublishDeploymentStatus} out)
   */
  public Boolean getPublishDeploymentStatus() {
    return publishDeploymentStatus;
  }

  /**
   * When Git sync begins a stack update.
   *
   * @return the trigger, or null
   * @default the service's default (the template leaves {@code TriggerResourceUpdateOn} out)
   */
  public SyncTrigger getTriggerResourceUpdateOn() {
    return triggerResourceUpdateOn;
  }

  /**
   * What CloudFormation does with the sync configuration when it leaves the stack or is replaced.
   * Deleting a sync configuration leaves the synced stack as it is; a sync configuration retained
   * on a repository link that is deleted would keep the link from being deleted, which is refused
   * at synth.
   *
   * @return the policy, or null
   * @default {@link RemovalPolicy#DESTROY}: nothing is lost with it, and a retained one keeps the
   *     stack's name from being synced again
   */
  public RemovalPolicy getRemovalPolicy() {
    return removalPolicy;
  }

  /**
   * The setters of {@link SyncConfigurationProps}, written once for {@link Builder} and {@link
   * SyncConfiguration.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private IRepositoryLink repositoryLink;
    private String branch;
    private String deploymentFile;
    private String stackName;
    private IRole role;
    private Boolean publishDeploymentStatus;
    private SyncTrigger triggerResourceUpdateOn;
    private RemovalPolicy removalPolicy;

    Setters() {}

    /**
     * Sets {@link SyncConfigurationProps#getRepositoryLink()}.
     *
     * @param repositoryLink the link
     * @return this builder
     */
    public B repositoryLink(IRepositoryLink repositoryLink) {
      this.repositoryLink = repositoryLink;
      return (B) this;
    }

    /**
     * Sets the repository link from aws-cdk's reference (an L1 {@code CfnRepositoryLink}, or any
     * implementer), as {@link RepositoryLink#fromRepositoryLinkRef} reads it.
     *
     * @param repositoryLink the reference
     * @return this builder
     */
    public B repositoryLink(
        software.amazon.awscdk.interfaces.codestarconnections.IRepositoryLinkRef repositoryLink) {
      return repositoryLink(CdkReferences.repositoryLink(repositoryLink));
    }

    /**
     * Sets {@link SyncConfigurationProps#getBranch()}.
     *
     * @param branch the branch, e.g. {@code "main"}
     * @return this builder
     */
    public B branch(String branch) {
      this.branch = branch;
      return (B) this;
    }

    /**
     * Sets {@link SyncConfigurationProps#getDeploymentFile()}.
     *
     * @param deploymentFile the path of the stack deployment file in the repository
     * @return this builder
     */
    public B deploymentFile(String deploymentFile) {
      this.deploymentFile = deploymentFile;
      return (B) this;
    }

    /**
     * Sets {@link SyncConfigurationProps#getStackName()}.
     *
     * @param stackName the synced stack's name
     * @return this builder
     */
    public B stackName(String stackName) {
      this.stackName = stackName;
      return (B) this;
    }

    /**
     * Sets {@link SyncConfigurationProps#getRole()}.
     *
     * @param role the role Git sync assumes
     * @return this builder
     */
    public B role(IRole role) {
      this.role = role;
      return (B) this;
    }

    /**
     * Sets {@link SyncConfigurationProps#getPublishDeploymentStatus()}.
     *
     * @param publishDeploymentStatus true for {@code ENABLED}, false for {@code DISABLED}
     * @return this builder
     */
    public B publishDeploymentStatus(Boolean publishDeploymentStatus) {
      this.publishDeploymentStatus = publishDeploymentStatus;
      return (B) this;
    }

    /**
     * Sets {@link SyncConfigurationProps#getTriggerResourceUpdateOn()}.
     *
     * @param triggerResourceUpdateOn when Git sync begins a stack update
     * @return this builder
     */
    public B triggerResourceUpdateOn(SyncTrigger triggerResourceUpdateOn) {
      this.triggerResourceUpdateOn = triggerResourceUpdateOn;
      return (B) this;
    }

    /**
     * Sets {@link SyncConfigurationProps#getRemovalPolicy()}.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public B removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = removalPolicy;
      return (B) this;
    }
  }

  /** Builds {@link SyncConfigurationProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props: an immutable copy of what was set.
     *
     * @return the props
     */
    public SyncConfigurationProps build() {
      return new SyncConfigurationProps(this);
    }
  }
}
