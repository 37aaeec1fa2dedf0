package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitConfiguration;
import software.amazon.awscdk.services.codepipeline.GitPullRequestEvent;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageOptions;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.TriggerProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeStarConnectionsSourceAction;
import software.amazon.awscdk.services.codepipeline.actions.S3SourceAction;
import software.amazon.awscdk.services.s3.Bucket;

/** Pipeline V2 triggers made from a {@link ConnectionSourceAction}'s filters. */
class PipelineTriggerTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");
  private final IConnection connection =
      Connection.fromConnectionArn(stack, "C", ConnectionSourceActionTest.CODESTAR_ARN);

  private static final GitPushFilter MAIN_SOURCES =
      GitPushFilter.builder()
          .branchesIncludes(List.of("main", "release/*"))
          .filePathsIncludes(List.of("src/**"))
          .build();
  private static final GitPullRequestFilter PULL_REQUESTS_TO_MAIN =
      GitPullRequestFilter.builder()
          .events(List.of(GitPullRequestEvent.OPEN, GitPullRequestEvent.UPDATED))
          .branchesIncludes(List.of("main"))
          .build();

  private ConnectionSourceAction.Builder source(Artifact out) {
    return ConnectionSourceActionTest.source(connection, out).actionName("GitHub");
  }

  private Pipeline pipeline(ConnectionSourceAction action, Artifact out, PipelineType type) {
    Pipeline p =
        Pipeline.Builder.create(stack, "Pipeline")
            .pipelineType(type)
            .stages(
                List.of(StageProps.builder().stageName("Source").actions(List.of(action)).build()))
            .build();
    p.addStage(ConnectionSourceActionTest.buildStage(stack, out));
    return p;
  }

  private Map<String, Object> pipelineProperties() {
    return Template.fromStack(stack).findResources("AWS::CodePipeline::Pipeline").values().stream()
        .findFirst()
        .map(r -> CodeBuildSourceTest.castMap(r.get("Properties")))
        .orElseThrow();
  }

  @Test
  void filtersBecomeTheV2PipelinesTriggerForTheActionItself() {
    Artifact out = new Artifact("Source");
    pipeline(
        source(out)
            .pushFilters(List.of(MAIN_SOURCES))
            .pullRequestFilters(List.of(PULL_REQUESTS_TO_MAIN))
            .build(),
        out,
        PipelineType.V2);

    assertThat(pipelineProperties().get("Triggers"))
        .isEqualTo(
            List.of(
                Map.of(
                    "ProviderType",
                    "CodeStarSourceConnection",
                    "GitConfiguration",
                    Map.of(
                        "SourceActionName",
                        "GitHub",
                        "Push",
                        List.of(
                            Map.of(
                                "Branches",
                                Map.of("Includes", List.of("main", "release/*")),
                                "FilePaths",
                                Map.of("Includes", List.of("src/**")))),
                        "PullRequest",
                        List.of(
                            Map.of(
                                "Events",
                                List.of("OPEN", "UPDATED"),
                                "Branches",
                                Map.of("Includes", List.of("main"))))))));
    // A filtered trigger comes with the action's change detection off.
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodePipeline::Pipeline",
            Map.of(
                "Stages",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Actions",
                                List.of(
                                    Match.objectLike(
                                        Map.of(
                                            "Configuration",
                                            Match.objectLike(
                                                Map.of("DetectChanges", false)))))))))));
  }

  @Test
  void pullRequestEventsDefaultToAllThreeAndEmptyListsAreDropped() {
    Artifact out = new Artifact("Source");
    pipeline(
        source(out)
            .pullRequestFilters(
                List.of(
                    GitPullRequestFilter.builder()
                        .branchesIncludes(List.of("main"))
                        .filePathsExcludes(List.of())
                        .build()))
            .pushFilters(List.of())
            .build(),
        out,
        PipelineType.V2);

    assertThat(pipelineProperties().get("Triggers"))
        .isEqualTo(
            List.of(
                Map.of(
                    "ProviderType",
                    "CodeStarSourceConnection",
                    "GitConfiguration",
                    Map.of(
                        "SourceActionName",
                        "GitHub",
                        "PullRequest",
                        List.of(
                            Map.of(
                                "Events",
                                List.of("OPEN", "UPDATED", "CLOSED"),
                                "Branches",
                                Map.of("Includes", List.of("main"))))))));
  }

  @Test
  void withoutFiltersThereIsNoTriggerAndTheTemplateIsAsBefore() {
    Artifact out = new Artifact("Source");
    pipeline(source(out).build(), out, PipelineType.V2);

    assertThat(pipelineProperties()).doesNotContainKey("Triggers");
  }

  @Test
  void aV1PipelineFailsAtSynthNamingTheAction() {
    Artifact out = new Artifact("Source");
    pipeline(source(out).pushFilters(List.of(MAIN_SOURCES)).build(), out, PipelineType.V1);

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Stack/Pipeline/Source/GitHub] ConnectionSourceAction at"
                + " 'Stack/Pipeline/Source/GitHub': pushFilters or"
                + " pullRequestFilters make a pipeline trigger, but pipeline at 'Stack/Pipeline' is"
                + " V1; CodePipeline takes triggers in V2 pipelines only"
                + " (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types-planning.html):"
                + " set pipelineType(PipelineType.V2)");
  }

  @Test
  void aTriggerForACopyOfTheActionFailsAtSynth() {
    // aws-cdk issue 28694: the trigger's action is a new object, not the one in the stage.
    Artifact out = new Artifact("Source");
    Pipeline p = pipeline(source(out).build(), out, PipelineType.V2);
    p.addTrigger(
        TriggerProps.builder()
            .providerType(
                software.amazon.awscdk.services.codepipeline.ProviderType
                    .CODE_STAR_SOURCE_CONNECTION)
            .gitConfiguration(
                GitConfiguration.builder()
                    .sourceAction(
                        CodeStarConnectionsSourceAction.Builder.create()
                            .actionName("Bitbucket_Source")
                            .connectionArn(ConnectionSourceActionTest.CODESTAR_ARN)
                            .owner("acme")
                            .repo("service")
                            .output(new Artifact("Other"))
                            .build())
                    .pushFilter(List.of(MAIN_SOURCES))
                    .build())
            .build());

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Stack/Pipeline] Pipeline at 'Stack/Pipeline': a trigger names source action"
                + " 'Bitbucket_Source', which"
                + " is not a CodeStarSourceConnection action of this pipeline; CodePipeline"
                + " refuses it (\"Triggers for connections must reference a"
                + " CodeStarSourceConnection action\"");
  }

  @Test
  void aTriggerNamingANonConnectionActionFailsAtSynth() {
    Artifact out = new Artifact("Source");
    Artifact s3Out = new Artifact("S3");
    Pipeline p =
        Pipeline.Builder.create(stack, "Pipeline")
            .pipelineType(PipelineType.V2)
            .stages(
                List.of(
                    StageProps.builder()
                        .stageName("Source")
                        .actions(
                            List.of(
                                source(out).build(),
                                S3SourceAction.Builder.create()
                                    .actionName("Archive")
                                    .bucket(new Bucket(stack, "Bucket"))
                                    .bucketKey("src.zip")
                                    .output(s3Out)
                                    .build()))
                        .build()))
            .build();
    p.addStage(ConnectionSourceActionTest.buildStage(stack, out));
    // A connection action named like the S3 action: aws-cdk's provider check passes.
    p.addTrigger(
        TriggerProps.builder()
            .providerType(
                software.amazon.awscdk.services.codepipeline.ProviderType
                    .CODE_STAR_SOURCE_CONNECTION)
            .gitConfiguration(
                GitConfiguration.builder()
                    .sourceAction(source(new Artifact("Copy")).actionName("Archive").build())
                    .pushFilter(List.of(MAIN_SOURCES))
                    .build())
            .build());

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "a trigger names source action 'Archive', which is not a CodeStarSourceConnection"
                + " action of this pipeline");
  }

  @Test
  void aSecondTriggerForTheActionIsRefusedNamingIt() {
    // Thrown while the pipeline binds the action: jsii hands it back as a RuntimeException.
    Artifact out = new Artifact("Source");
    ConnectionSourceAction action = source(out).pushFilters(List.of(MAIN_SOURCES)).build();
    Pipeline p = Pipeline.Builder.create(stack, "Pipeline").pipelineType(PipelineType.V2).build();
    p.addTrigger(
        TriggerProps.builder()
            .providerType(
                software.amazon.awscdk.services.codepipeline.ProviderType
                    .CODE_STAR_SOURCE_CONNECTION)
            .gitConfiguration(
                GitConfiguration.builder()
                    .sourceAction(action)
                    .pushFilter(List.of(MAIN_SOURCES))
                    .build())
            .build());

    assertThatThrownBy(
            () ->
                p.addStage(
                    StageOptions.builder().stageName("Source").actions(List.of(action)).build()))
        .hasMessageStartingWith(
            "ConnectionSourceAction at 'Stack/Pipeline/Source/GitHub': pushFilters or"
                + " pullRequestFilters make a trigger for source action 'GitHub', but the pipeline"
                + " refused it:")
        .hasMessageContaining("duplicate source action 'GitHub'");
  }

  @Test
  void cdkPipelinesSourceCarriesTheFilters() {
    CodePipeline.Builder.create(stack, "Pipeline")
        .pipelineType(PipelineType.V2)
        .synth(
            ShellStep.Builder.create("Synth")
                .input(
                    ConnectionSource.Builder.create(connection, "acme/service", "main")
                        .actionName("GitHub")
                        .pushFilters(List.of(MAIN_SOURCES))
                        .build())
                .commands(List.of("npx cdk synth"))
                .build())
        .build();

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodePipeline::Pipeline",
            Map.of(
                "PipelineType",
                "V2",
                "Triggers",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "GitConfiguration",
                            Match.objectLike(Map.of("SourceActionName", "GitHub")))))));
  }

  @Test
  void cdkPipelinesWithoutV2FailsAtSynth() {
    CodePipeline.Builder.create(stack, "Pipeline")
        .pipelineType(PipelineType.V1)
        .synth(
            ShellStep.Builder.create("Synth")
                .input(
                    ConnectionSource.Builder.create(connection, "acme/service", "main")
                        .pullRequestFilters(List.of(PULL_REQUESTS_TO_MAIN))
                        .build())
                .commands(List.of("npx cdk synth"))
                .build())
        .build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining("pushFilters or pullRequestFilters make a pipeline trigger, but")
        .hasMessageContaining("CodePipeline takes triggers in V2 pipelines only");
  }
}
