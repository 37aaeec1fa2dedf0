package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codepipeline.CfnPipeline;
import software.amazon.awscdk.services.codepipeline.GitConfiguration;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.codepipeline.IAction;
import software.amazon.awscdk.services.codepipeline.IPipeline;
import software.amazon.awscdk.services.codepipeline.IStage;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.TriggerProps;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The triggers of the {@link ConnectionSourceAction}s of one pipeline, and the pipeline-wide check
 * of every trigger at synth. A trigger is added through aws-cdk's {@code Pipeline.addTrigger} with
 * the action itself as its source action, so its {@code SourceActionName} is that of an action in
 * the pipeline. That is what CodePipeline checks ("Triggers for connections must reference a
 * CodeStarSourceConnection action"): aws-cdk checks only the provider of the action object it is
 * given, so a copy of the action that is not in any stage deploys and fails (aws-cdk issue 28694).
 *
 * <p>Found or made as the pipeline's child {@value #ID}: no construct resources, so the template
 * does not change. The check runs in the pipeline's validation; an error about an action is
 * reported under that action's construct ({@link PlacedErrors}).
 */
final class PipelineTriggers extends Construct {
  static final String ID = "ConnectionSourceTriggers";

  // Triggers are a V2 pipeline's
  // (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types-planning.html).
  private static final String TYPES_DOC =
      "https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types-planning.html";

  private record Filtered(IConstruct scope, String path, String actionName) {}

  private final Pipeline pipeline;
  private final List<Filtered> filtered = new ArrayList<>();

  private PipelineTriggers(Pipeline pipeline) {
    super(pipeline, ID);
    this.pipeline = pipeline;
    new PlacedErrors(pipeline, this, this::errors);
  }

  /**
   * Registers a bound action with its pipeline and, when it has filters, adds its trigger.
   *
   * @param action the action
   * @param scope the action's scope in the pipeline
   * @param stage the action's stage
   * @param push the checked push filters (may be null)
   * @param pullRequest the checked pull request filters (may be null)
   * @throws IllegalArgumentException when the pipeline cannot take the trigger
   */
  static void bind(
      ConnectionSourceAction action,
      Construct scope,
      IStage stage,
      List<GitPushFilter> push,
      List<GitPullRequestFilter> pullRequest) {
    boolean filters = TriggerRules.present(push) || TriggerRules.present(pullRequest);
    IPipeline iPipeline = stage.getPipeline();
    Owner who = new Owner("ConnectionSourceAction", scope);
    if (!(iPipeline instanceof Pipeline pipeline)) {
      if (filters) {
        throw new IllegalArgumentException(
            who
                + ": pushFilters or pullRequestFilters need a codepipeline.Pipeline to add the"
                + " trigger to");
      }
      return;
    }
    PipelineTriggers triggers =
        pipeline.getNode().tryFindChild(ID) instanceof PipelineTriggers found
            ? found
            : new PipelineTriggers(pipeline);
    if (!filters) {
      return;
    }
    String name = action.getActionProperties().getActionName();
    triggers.filtered.add(new Filtered(scope, scope.getNode().getPath(), name));
    try {
      pipeline.addTrigger(
          TriggerProps.builder()
              .providerType(
                  software.amazon.awscdk.services.codepipeline.ProviderType
                      .CODE_STAR_SOURCE_CONNECTION)
              .gitConfiguration(
                  GitConfiguration.builder()
                      .sourceAction(action)
                      .pushFilter(TriggerRules.normalizePush(push))
                      .pullRequestFilter(TriggerRules.normalizePullRequest(pullRequest))
                      .build())
              .build());
    } catch (RuntimeException e) {
      // aws-cdk refuses a second trigger for the same source action name; CodePipeline takes one
      // trigger per source action (TriggerRules.CONFIGURATION).
      throw new IllegalArgumentException(
          who
              + ": pushFilters or pullRequestFilters make a trigger for source action '"
              + name
              + "', but the pipeline refused it: "
              + e.getMessage(),
          e);
    }
  }

  private Map<IConstruct, List<String>> errors() {
    Map<IConstruct, List<String>> errors = new LinkedHashMap<>();
    CfnPipeline cfn = (CfnPipeline) pipeline.getNode().getDefaultChild();
    String type = cfn.getPipelineType();
    for (Filtered f : filtered) {
      if (!"V2".equals(type)) {
        errors.put(
            f.scope(),
            List.of(
                "ConnectionSourceAction at '"
                    + f.path()
                    + "': pushFilters or pullRequestFilters make a pipeline trigger, but pipeline at '"
                    + pipeline.getNode().getPath()
                    + "' is "
                    + (type == null ? "of no pipelineType (V1)" : type)
                    + "; CodePipeline takes triggers in V2 pipelines only ("
                    + TYPES_DOC
                    + "): set pipelineType(PipelineType.V2)"));
      }
    }
    List<String> pipelineErrors = new ArrayList<>();
    Set<String> connectionActions = new HashSet<>();
    for (IStage stage : pipeline.getStages()) {
      for (IAction action : stage.getActions()) {
        if (ConnectionSourceAction.PROVIDER.equals(action.getActionProperties().getProvider())) {
          connectionActions.add(action.getActionProperties().getActionName());
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (String name : triggerSourceActionNames(cfn)) {
      if (!connectionActions.contains(name)) {
        pipelineErrors.add(
            new Owner("Pipeline", pipeline)
                + ": a trigger names source action '"
                + name
                + "', which is not a CodeStarSourceConnection action of this pipeline;"
                + " CodePipeline refuses it (\"Triggers for connections must reference a"
                + " CodeStarSourceConnection action\", "
                + TriggerRules.CONFIGURATION
                + "): give the trigger the action that is in the pipeline's stage, or give that"
                + " ConnectionSourceAction pushFilters or pullRequestFilters");
      } else if (!seen.add(name)) {
        pipelineErrors.add(
            new Owner("Pipeline", pipeline)
                + ": two triggers name source action '"
                + name
                + "'; CodePipeline takes one trigger per source action ("
                + TriggerRules.CONFIGURATION
                + ")");
      }
    }
    if (!pipelineErrors.isEmpty()) {
      errors.put(pipeline, pipelineErrors);
    }
    return errors;
  }

  /** The SourceActionName of each of the pipeline's rendered triggers. */
  private static List<String> triggerSourceActionNames(CfnPipeline cfn) {
    List<String> names = new ArrayList<>();
    Object resolved = Stack.of(cfn).resolve(cfn.getTriggers());
    if (!(resolved instanceof List<?> triggers)) {
      return names;
    }
    for (Object trigger : triggers) {
      Object git = get(trigger, "gitConfiguration");
      Object name = get(git, "sourceActionName");
      if (name instanceof String s) {
        names.add(s);
      }
    }
    return names;
  }

  /** A key of a resolved struct, whichever case the rendering used. */
  private static Object get(Object map, String key) {
    if (!(map instanceof Map<?, ?> m)) {
      return null;
    }
    Object v = m.get(key);
    return v != null ? v : m.get(Character.toUpperCase(key.charAt(0)) + key.substring(1));
  }
}
