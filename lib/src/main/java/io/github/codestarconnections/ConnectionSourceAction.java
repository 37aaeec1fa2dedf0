package io.github.codestarconnections;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.services.codepipeline.ActionArtifactBounds;
import software.amazon.awscdk.services.codepipeline.ActionBindOptions;
import software.amazon.awscdk.services.codepipeline.ActionCategory;
import software.amazon.awscdk.services.codepipeline.ActionConfig;
import software.amazon.awscdk.services.codepipeline.ActionProperties;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.codepipeline.IPipeline;
import software.amazon.awscdk.services.codepipeline.IStage;
import software.amazon.awscdk.services.codepipeline.actions.Action;
import software.amazon.awscdk.services.codepipeline.actions.CodeStarSourceVariables;
import software.constructs.Construct;

/**
 * A CodePipeline source action that reads a GitHub, GitLab, Bitbucket, Azure DevOps or self-managed
 * repository through an {@link IConnection} (provider {@code CodeStarSourceConnection}).
 *
 * <p>Unlike aws-cdk's {@code CodeStarConnectionsSourceAction}, which always grants {@code
 * codestar-connections:UseConnection}, the action's role gets {@code UseConnection} in the
 * connection's own namespace ({@code codeconnections:} for a {@code codeconnections} ARN), and in
 * both when the ARN is a token of unknown namespace. With {@link
 * ConnectionSourceActionProps#getCodeBuildCloneOutput() codeBuildCloneOutput}, every CodeBuild
 * project that reads the output gets the same grant on its role.
 *
 * <p>With {@link ConnectionSourceActionProps#getPushFilters() pushFilters} or {@link
 * ConnectionSourceActionProps#getPullRequestFilters() pullRequestFilters}, the action adds the V2
 * pipeline's trigger for itself, so the trigger names the very action of the stage (which
 * CodePipeline requires); the filters are checked against CodePipeline's rules when the action is
 * made, the pipeline's type and all its triggers at synth.
 *
 * <pre>{@code
 * Artifact source = new Artifact("Source");
 * ConnectionSourceAction.Builder.create()
 *     .actionName("GitHub")
 *     .connection(github)
 *     .owner("acme")
 *     .repo("service")
 *     .branch("main")
 *     .output(source)
 *     .build();
 * }</pre>
 */
public class ConnectionSourceAction extends Action {
  /** The CodePipeline provider of connection source actions. */
  static final String PROVIDER = "CodeStarSourceConnection";

  private final IConnection connection;
  private final RepositoryRef repository;
  private final Artifact output;
  private final boolean cloneOutput;
  private final Boolean triggerOnPush;
  private final List<GitPushFilter> pushFilters;
  private final List<GitPullRequestFilter> pullRequestFilters;

  /**
   * Defines the action.
   *
   * @param props the properties
   * @throws IllegalArgumentException when a required property is missing, owner, repo or branch is
   *     not valid, or a trigger filter breaks CodePipeline's rules
   */
  public ConnectionSourceAction(ConnectionSourceActionProps props) {
    super(actionProperties(props));
    this.connection = props.getConnection();
    this.repository =
        RepositoryRef.of(describe(props), props.getOwner(), props.getRepo(), props.getBranch());
    this.output = props.getOutput();
    this.cloneOutput = Boolean.TRUE.equals(props.getCodeBuildCloneOutput());
    this.triggerOnPush = props.getTriggerOnPush();
    this.pushFilters = props.getPushFilters();
    this.pullRequestFilters = props.getPullRequestFilters();
  }

  /**
   * The variables the action emits, for later actions' configuration. Using one gives the action a
   * variables namespace.
   *
   * @return the variables, as {@code #{namespace.Variable}} expressions
   */
  public CodeStarSourceVariables getVariables() {
    return CodeStarSourceVariables.builder()
        .fullRepositoryName(variableExpression("FullRepositoryName"))
        .branchName(variableExpression("BranchName"))
        .authorDate(variableExpression("AuthorDate"))
        .commitId(variableExpression("CommitId"))
        .commitMessage(variableExpression("CommitMessage"))
        .connectionArn(variableExpression("ConnectionArn"))
        .build();
  }

  /**
   * The connection the action reads through.
   *
   * @return the connection
   */
  public IConnection getConnection() {
    return connection;
  }

  /**
   * Grants the action's role what it needs, adds the pipeline trigger of the filters, and renders
   * the action's configuration. Called by the pipeline.
   *
   * @param scope the action's scope in the pipeline
   * @param stage the stage
   * @param options the action's role and the artifact bucket
   * @return the configuration
   */
  @Override
  protected ActionConfig bound(Construct scope, IStage stage, ActionBindOptions options) {
    connection.grantUse(options.getRole());
    // The action writes its output to the pipeline's artifact bucket.
    options.getBucket().grantReadWrite(options.getRole());
    options.getBucket().grantPutAcl(options.getRole());
    if (cloneOutput) {
      IPipeline pipeline = stage.getPipeline();
      Aspects.of(pipeline).add(new CloneOutputGrants(pipeline, output, connection));
    }
    PipelineTriggers.bind(this, scope, stage, pushFilters, pullRequestFilters);
    boolean filtered =
        TriggerRules.present(pushFilters) || TriggerRules.present(pullRequestFilters);
    // Ordered: the configuration becomes template JSON.
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("ConnectionArn", connection.getConnectionArn());
    configuration.put("FullRepositoryId", repository.fullRepositoryId());
    configuration.put("BranchName", repository.branch());
    if (cloneOutput) {
      configuration.put("OutputArtifactFormat", "CODEBUILD_CLONE_REF");
    }
    if (triggerOnPush != null || filtered) {
      // A filtered trigger comes with change detection off
      // (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html).
      configuration.put("DetectChanges", triggerOnPush != null ? triggerOnPush : false);
    }
    return ActionConfig.builder().configuration(configuration).build();
  }

  private static Owner describe(ConnectionSourceActionProps props) {
    return Owner.unplaced("ConnectionSourceAction '" + props.getActionName() + "'");
  }

  private static ActionProperties actionProperties(ConnectionSourceActionProps props) {
    if (props == null) {
      throw new IllegalArgumentException(
          Owner.unplaced("ConnectionSourceAction") + ": props is null");
    }
    Owner who = describe(props);
    if (props.getActionName() == null || props.getActionName().isEmpty()) {
      throw new IllegalArgumentException(who + ": actionName is required");
    }
    if (props.getConnection() == null) {
      throw new IllegalArgumentException(
          who + ": connection is required (a Connection, or Connection.fromConnectionArn)");
    }
    if (props.getOutput() == null) {
      throw new IllegalArgumentException(
          who + ": output is required (the artifact the source is written to)");
    }
    RepositoryRef.of(who, props.getOwner(), props.getRepo(), props.getBranch());
    TriggerRules.check(
        who, props.getPushFilters(), props.getPullRequestFilters(), props.getTriggerOnPush());
    return ActionProperties.builder()
        .actionName(props.getActionName())
        .category(ActionCategory.SOURCE)
        .owner("AWS")
        .provider(PROVIDER)
        .artifactBounds(
            ActionArtifactBounds.builder()
                .minInputs(0)
                .maxInputs(0)
                .minOutputs(1)
                .maxOutputs(1)
                .build())
        .outputs(List.of(props.getOutput()))
        .runOrder(props.getRunOrder())
        .variablesNamespace(props.getVariablesNamespace())
        .role(props.getRole())
        .build();
  }

  /** A fluent builder for {@link ConnectionSourceAction}. */
  public static final class Builder extends ConnectionSourceActionProps.Setters<Builder> {

    private Builder() {}

    /**
     * Starts an action.
     *
     * @return the builder
     */
    public static Builder create() {
      return new Builder();
    }

    /**
     * Builds the action.
     *
     * @return the action
     */
    public ConnectionSourceAction build() {
      return new ConnectionSourceAction(new ConnectionSourceActionProps(this));
    }
  }
}
