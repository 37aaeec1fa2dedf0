package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.iam.IRole;

/**
 * Properties of a {@link ConnectionSourceAction}. Immutable; make one with {@link #builder()}. They
 * are those of aws-cdk's {@code CodeStarConnectionsSourceAction}, with the connection as an {@link
 * IConnection} instead of an ARN string.
 */
public final class ConnectionSourceActionProps {
  private final String actionName;
  private final IConnection connection;
  private final String owner;
  private final String repo;
  private final String branch;
  private final Artifact output;
  private final Boolean codeBuildCloneOutput;
  private final Boolean triggerOnPush;
  private final List<GitPushFilter> pushFilters;
  private final List<GitPullRequestFilter> pullRequestFilters;
  private final Number runOrder;
  private final String variablesNamespace;
  private final IRole role;

  ConnectionSourceActionProps(Setters<?> b) {
    this.actionName = b.actionName;
    this.connection = b.connection;
    this.owner = b.owner;
    this.repo = b.repo;
    this.branch = b.branch;
    this.output = b.output;
    this.codeBuildCloneOutput = b.codeBuildCloneOutput;
    this.triggerOnPush = b.triggerOnPush;
    this.pushFilters = copy(b.pushFilters);
    this.pullRequestFilters = copy(b.pullRequestFilters);
    this.runOrder = b.runOrder;
    this.variablesNamespace = b.variablesNamespace;
    this.role = b.role;
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
   * The action's name in its stage.
   *
   * @return the name
   * @default none; required
   */
  public String getActionName() {
    return actionName;
  }

  /**
   * The connection the action reads through: owned, or imported by ARN (either namespace), export
   * or SSM parameter.
   *
   * @return the connection
   * @default none; required
   */
  public IConnection getConnection() {
    return connection;
  }

  /**
   * The owning user, organization or group of the repository, e.g. {@code aws}.
   *
   * @return the owner
   * @default none; required
   */
  public String getOwner() {
    return owner;
  }

  /**
   * The repository's name, e.g. {@code aws-cdk}.
   *
   * @return the repository
   * @default none; required
   */
  public String getRepo() {
    return repo;
  }

  /**
   * The branch to build.
   *
   * @return the branch
   * @default none; required (aws-cdk's action defaults to {@code master}, which is rarely right)
   */
  public String getBranch() {
    return branch;
  }

  /**
   * The artifact the action writes.
   *
   * @return the artifact
   * @default none; required
   */
  public Artifact getOutput() {
    return output;
  }

  /**
   * Whether the output is a reference that CodeBuild clones (full Git history) instead of a zip of
   * the files. Only CodeBuild actions can read such an output; each CodeBuild project that reads it
   * gets {@code UseConnection} on the connection.
   *
   * @return the flag, or null
   * @default false
   */
  public Boolean getCodeBuildCloneOutput() {
    return codeBuildCloneOutput;
  }

  /**
   * Whether a push to the branch starts the pipeline.
   *
   * @return the flag, or null
   * @default true
   */
  public Boolean getTriggerOnPush() {
    return triggerOnPush;
  }

  /**
   * Push filters of the V2 pipeline's trigger for this action: the pipeline starts on a push that
   * matches one of them (tags; branches; or branches and file paths, with glob patterns). aws-cdk's
   * {@code codepipeline.GitPushFilter}. The pipeline must be V2; the action's change detection is
   * then off (do not set {@link #getTriggerOnPush()}).
   *
   * @return up to 3 filters, or null
   * @default no push filter: with no pull request filter either, no trigger, and a push to {@link
   *     #getBranch()} starts the pipeline
   */
  public List<GitPushFilter> getPushFilters() {
    return pushFilters;
  }

  /**
   * Pull request filters of the V2 pipeline's trigger for this action: the pipeline starts on a
   * pull request event (OPEN, UPDATED, CLOSED) on matching branches (and file paths). aws-cdk's
   * {@code codepipeline.GitPullRequestFilter}; each needs branches.
   *
   * @return up to 3 filters, or null
   * @default no pull request filter
   */
  public List<GitPullRequestFilter> getPullRequestFilters() {
    return pullRequestFilters;
  }

  /**
   * The action's run order in its stage.
   *
   * @return the run order, or null
   * @default 1
   */
  public Number getRunOrder() {
    return runOrder;
  }

  /**
   * The namespace of the action's variables.
   *
   * @return the namespace, or null
   * @default a namespace made by the pipeline when a variable is used
   */
  public String getVariablesNamespace() {
    return variablesNamespace;
  }

  /**
   * The role the action runs as.
   *
   * @return the role, or null
   * @default a new role made by the pipeline
   */
  public IRole getRole() {
    return role;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * The setters of {@link ConnectionSourceActionProps}, written once for {@link Builder} and {@link
   * ConnectionSourceAction.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private String actionName;
    private IConnection connection;
    private String owner;
    private String repo;
    private String branch;
    private Artifact output;
    private Boolean codeBuildCloneOutput;
    private Boolean triggerOnPush;
    private List<GitPushFilter> pushFilters;
    private List<GitPullRequestFilter> pullRequestFilters;
    private Number runOrder;
    private String variablesNamespace;
    private IRole role;

    Setters() {}

    /**
     * Sets {@link ConnectionSourceActionProps#getActionName()}.
     *
     * @param actionName the name
     * @return this builder
     */
    public B actionName(String actionName) {
      this.actionName = actionName;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getConnection()}.
     *
     * @param connection the connection
     * @return this builder
     */
    public B connection(IConnection connection) {
      this.connection = connection;
      return (B) this;
    }

    /**
     * Sets the connection from aws-cdk's codestar-connections reference (an L1 {@code
     * codestarconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public B connection(
        software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * Sets the connection from aws-cdk's codeconnections reference (an L1 {@code
     * codeconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codeconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public B connection(
        software.amazon.awscdk.interfaces.codeconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getOwner()}.
     *
     * @param owner the owner
     * @return this builder
     */
    public B owner(String owner) {
      this.owner = owner;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getRepo()}.
     *
     * @param repo the repository
     * @return this builder
     */
    public B repo(String repo) {
      this.repo = repo;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getBranch()}.
     *
     * @param branch the branch
     * @return this builder
     */
    public B branch(String branch) {
      this.branch = branch;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getOutput()}.
     *
     * @param output the artifact
     * @return this builder
     */
    public B output(Artifact output) {
      this.output = output;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getCodeBuildCloneOutput()}.
     *
     * @param codeBuildCloneOutput true for a full-clone output
     * @return this builder
     */
    public B codeBuildCloneOutput(Boolean codeBuildCloneOutput) {
      this.codeBuildCloneOutput = codeBuildCloneOutput;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getTriggerOnPush()}.
     *
     * @param triggerOnPush false to start the pipeline only by hand or schedule
     * @return this builder
     */
    public B triggerOnPush(Boolean triggerOnPush) {
      this.triggerOnPush = triggerOnPush;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getPushFilters()}.
     *
     * @param pushFilters up to 3 push filters
     * @return this builder
     */
    public B pushFilters(List<GitPushFilter> pushFilters) {
      this.pushFilters = pushFilters;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getPullRequestFilters()}.
     *
     * @param pullRequestFilters up to 3 pull request filters
     * @return this builder
     */
    public B pullRequestFilters(List<GitPullRequestFilter> pullRequestFilters) {
      this.pullRequestFilters = pullRequestFilters;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getRunOrder()}.
     *
     * @param runOrder the run order
     * @return this builder
     */
    public B runOrder(Number runOrder) {
      this.runOrder = runOrder;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getVariablesNamespace()}.
     *
     * @param variablesNamespace the namespace
     * @return this builder
     */
    public B variablesNamespace(String variablesNamespace) {
      this.variablesNamespace = variablesNamespace;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionSourceActionProps#getRole()}.
     *
     * @param role the role
     * @return this builder
     */
    public B role(IRole role) {
      this.role = role;
      return (B) this;
    }
  }

  /** Builds {@link ConnectionSourceActionProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props.
     *
     * @return an immutable copy of what was set
     */
    public ConnectionSourceActionProps build() {
      return new ConnectionSourceActionProps(this);
    }
  }
}
