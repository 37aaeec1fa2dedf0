package io.github.codestarconnections;

import java.util.List;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.FileSet;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.codepipeline.actions.Action;

/**
 * A CDK Pipelines ({@code software.amazon.awscdk.pipelines}) source that reads a repository through
 * an {@link IConnection}: the counterpart of {@code CodePipelineSource.connection(repo, branch,
 * options)} that takes the connection itself and grants {@code UseConnection} in the right
 * namespace (both for a token ARN of unknown namespace) through a {@link ConnectionSourceAction}.
 *
 * <pre>{@code
 * CodePipeline pipeline = CodePipeline.Builder.create(this, "Pipeline")
 *     .synth(ShellStep.Builder.create("Synth")
 *         .input(ConnectionSource.of(github, "acme/service", "main"))
 *         .commands(List.of("npx cdk synth"))
 *         .build())
 *     .build();
 * }</pre>
 */
public class ConnectionSource extends CodePipelineSource {
  // No public getters: jsii would take getConnection() for an override of the static
  // CodePipelineSource.connection and refuse the class.
  private final IConnection connection;
  private final RepositoryRef repository;
  private final String actionName;
  private final Boolean codeBuildCloneOutput;
  private final Boolean triggerOnPush;
  private final List<GitPushFilter> pushFilters;
  private final List<GitPullRequestFilter> pullRequestFilters;

  private ConnectionSource(Builder b, RepositoryRef repository) {
    super(repository.fullRepositoryId());
    this.connection = b.connection;
    this.repository = repository;
    this.actionName = b.actionName;
    this.codeBuildCloneOutput = b.codeBuildCloneOutput;
    this.triggerOnPush = b.triggerOnPush;
    this.pushFilters = b.pushFilters;
    this.pullRequestFilters = b.pullRequestFilters;
    configurePrimaryOutput(new FileSet("Source", this));
  }

  /**
   * A source reading a branch of a repository through a connection.
   *
   * @param connection the connection (owned or imported, either namespace)
   * @param repoString {@code "owner/repo"}, or {@code "group/subgroup/repo"} for GitLab
   * @param branch the branch, e.g. {@code "main"}
   * @return the source, for {@code ShellStep.input} or {@code CodeBuildStep.input}
   * @throws IllegalArgumentException when repoString or branch is not valid
   */
  public static ConnectionSource of(IConnection connection, String repoString, String branch) {
    return Builder.create(connection, repoString, branch).build();
  }

  /**
   * A source reading a branch of a repository through a connection given as aws-cdk's
   * codestar-connections reference (an L1 {@code codestarconnections.CfnConnection}, or any
   * implementer; see {@link
   * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef)}).
   *
   * @param connection the reference
   * @param repoString {@code "owner/repo"}, or {@code "group/subgroup/repo"} for GitLab
   * @param branch the branch, e.g. {@code "main"}
   * @return the source
   * @throws IllegalArgumentException when repoString or branch is not valid
   */
  public static ConnectionSource of(
      software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef connection,
      String repoString,
      String branch) {
    return of(CdkReferences.connection(connection), repoString, branch);
  }

  /**
   * A source reading a branch of a repository through a connection given as aws-cdk's
   * codeconnections reference (an L1 {@code codeconnections.CfnConnection}, or any implementer; see
   * {@link
   * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codeconnections.IConnectionRef)}).
   *
   * @param connection the reference
   * @param repoString {@code "owner/repo"}, or {@code "group/subgroup/repo"} for GitLab
   * @param branch the branch, e.g. {@code "main"}
   * @return the source
   * @throws IllegalArgumentException when repoString or branch is not valid
   */
  public static ConnectionSource of(
      software.amazon.awscdk.interfaces.codeconnections.IConnectionRef connection,
      String repoString,
      String branch) {
    return of(CdkReferences.connection(connection), repoString, branch);
  }

  /**
   * Makes the pipeline's source action. Called by CDK Pipelines.
   *
   * @param output the artifact to write
   * @param defaultActionName the name CDK Pipelines chose
   * @param runOrder the run order
   * @param variablesNamespace the variables namespace, or null
   * @return the action
   */
  @Override
  protected Action getAction(
      Artifact output, String defaultActionName, Number runOrder, String variablesNamespace) {
    return new ConnectionSourceAction(
        ConnectionSourceActionProps.builder()
            .actionName(actionName != null ? actionName : defaultActionName)
            .connection(connection)
            .owner(repository.owner())
            .repo(repository.repo())
            .branch(repository.branch())
            .output(output)
            .codeBuildCloneOutput(codeBuildCloneOutput)
            .triggerOnPush(triggerOnPush)
            .pushFilters(pushFilters)
            .pullRequestFilters(pullRequestFilters)
            .runOrder(runOrder)
            .variablesNamespace(variablesNamespace)
            .build());
  }

  /**
   * Makes the pipeline's source action without a variables namespace. Called by CDK Pipelines.
   *
   * @param output the artifact to write
   * @param defaultActionName the name CDK Pipelines chose
   * @param runOrder the run order
   * @return the action
   */
  @Override
  protected Action getAction(Artifact output, String defaultActionName, Number runOrder) {
    return getAction(output, defaultActionName, runOrder, null);
  }

  /** A fluent builder for {@link ConnectionSource}. */
  public static final class Builder {
    private final IConnection connection;
    private final String repoString;
    private final String branch;
    private String actionName;
    private Boolean codeBuildCloneOutput;
    private Boolean triggerOnPush;
    private List<GitPushFilter> pushFilters;
    private List<GitPullRequestFilter> pullRequestFilters;

    private Builder(IConnection connection, String repoString, String branch) {
      this.connection = connection;
      this.repoString = repoString;
      this.branch = branch;
    }

    /**
     * Starts a source.
     *
     * @param connection the connection (owned or imported, either namespace)
     * @param repoString {@code "owner/repo"}, or {@code "group/subgroup/repo"} for GitLab
     * @param branch the branch, e.g. {@code "main"}
     * @return the builder
     */
    public static Builder create(IConnection connection, String repoString, String branch) {
      return new Builder(connection, repoString, branch);
    }

    /**
     * Starts a source on a connection given as aws-cdk's codestar-connections reference.
     *
     * @param connection the reference (an L1 {@code codestarconnections.CfnConnection}, or any
     *     implementer)
     * @param repoString {@code "owner/repo"}, or {@code "group/subgroup/repo"} for GitLab
     * @param branch the branch, e.g. {@code "main"}
     * @return the builder
     */
    public static Builder create(
        software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef connection,
        String repoString,
        String branch) {
      return create(CdkReferences.connection(connection), repoString, branch);
    }

    /**
     * Starts a source on a connection given as aws-cdk's codeconnections reference.
     *
     * @param connection the reference (an L1 {@code codeconnections.CfnConnection}, or any
     *     implementer)
     * @param repoString {@code "owner/repo"}, or {@code "group/subgroup/repo"} for GitLab
     * @param branch the branch, e.g. {@code "main"}
     * @return the builder
     */
    public static Builder create(
        software.amazon.awscdk.interfaces.codeconnections.IConnectionRef connection,
        String repoString,
        String branch) {
      return create(CdkReferences.connection(connection), repoString, branch);
    }

    /**
     * The source action's name.
     *
     * @param actionName the name
     * @return this builder
     * @default the name CDK Pipelines derives from the repository
     */
    public Builder actionName(String actionName) {
      this.actionName = actionName;
      return this;
    }

    /**
     * See {@link ConnectionSourceActionProps#getCodeBuildCloneOutput()}: the synth and other
     * CodeBuild steps get a full clone, and their projects get {@code UseConnection}.
     *
     * @param codeBuildCloneOutput true for a full-clone output
     * @return this builder
     * @default false
     */
    public Builder codeBuildCloneOutput(Boolean codeBuildCloneOutput) {
      this.codeBuildCloneOutput = codeBuildCloneOutput;
      return this;
    }

    /**
     * See {@link ConnectionSourceActionProps#getTriggerOnPush()}.
     *
     * @param triggerOnPush false to start the pipeline only by hand or schedule
     * @return this builder
     * @default true
     */
    public Builder triggerOnPush(Boolean triggerOnPush) {
      this.triggerOnPush = triggerOnPush;
      return this;
    }

    /**
     * See {@link ConnectionSourceActionProps#getPushFilters()}: the pipeline's trigger for this
     * source. CDK Pipelines makes a V1 pipeline unless you give {@code pipelineType(V2)}.
     *
     * @param pushFilters up to 3 push filters
     * @return this builder
     * @default no push filter
     */
    public Builder pushFilters(List<GitPushFilter> pushFilters) {
      this.pushFilters = pushFilters;
      return this;
    }

    /**
     * See {@link ConnectionSourceActionProps#getPullRequestFilters()}.
     *
     * @param pullRequestFilters up to 3 pull request filters
     * @return this builder
     * @default no pull request filter
     */
    public Builder pullRequestFilters(List<GitPullRequestFilter> pullRequestFilters) {
      this.pullRequestFilters = pullRequestFilters;
      return this;
    }

    /**
     * Builds the source.
     *
     * @return the source
     * @throws IllegalArgumentException when the connection is missing, repoString or branch is not
     *     valid, or a trigger filter breaks CodePipeline's rules
     */
    public ConnectionSource build() {
      String source = "ConnectionSource '" + repoString + "'";
      if (connection == null) {
        throw new IllegalArgumentException(
            Owner.unplaced(source)
                + ": connection is required (a Connection, or Connection.fromConnectionArn)");
      }
      Owner who = CodeBuildSource.onConnection(source, connection);
      RepositoryRef repository = RepositoryRef.parse(who, repoString, branch);
      TriggerRules.check(who, pushFilters, pullRequestFilters, triggerOnPush);
      return new ConnectionSource(this, repository);
    }
  }
}
