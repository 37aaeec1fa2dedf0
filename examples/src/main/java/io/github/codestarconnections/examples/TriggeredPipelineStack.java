package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ConnectionSourceAction;
import io.github.codestarconnections.ProviderType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codebuild.PipelineProject;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitPullRequestEvent;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeBuildAction;
import software.constructs.Construct;

/**
 * A V2 pipeline started by the trigger of its connection source action: pushes of release tags,
 * pushes to {@code main} that change the code, and pull requests opened or updated against {@code
 * main}. The pipeline type is set here, whatever the app's feature flags.
 */
public class TriggeredPipelineStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public TriggeredPipelineStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("V2 pipeline started by push and pull request filters on a connection")
            .build());

    // --- snippet: pipeline-triggers
    Connection github =
        Connection.Builder.create(this, "GitHub")
            .connectionName("examples-github-triggers")
            .providerType(ProviderType.GITHUB)
            .build();

    Artifact source = new Artifact("Source");
    ConnectionSourceAction checkout =
        ConnectionSourceAction.Builder.create()
            .actionName("GitHub")
            .connection(github)
            .owner("codestarconnections")
            .repo("codestarconnections-cdk")
            .branch("main") // what a manual start builds
            .pushFilters(
                List.of(
                    GitPushFilter.builder().tagsIncludes(List.of("v*")).build(),
                    GitPushFilter.builder()
                        .branchesIncludes(List.of("main"))
                        .filePathsIncludes(List.of("lib/**", "lambda/**", "pom.xml"))
                        .build()))
            .pullRequestFilters(
                List.of(
                    GitPullRequestFilter.builder()
                        .events(List.of(GitPullRequestEvent.OPEN, GitPullRequestEvent.UPDATED))
                        .branchesIncludes(List.of("main"))
                        .build()))
            .output(source)
            .build();
    // --- end snippet

    PipelineProject build =
        PipelineProject.Builder.create(this, "Build")
            .environment(
                BuildEnvironment.builder().buildImage(LinuxBuildImage.STANDARD_7_0).build())
            .buildSpec(
                // Ordered maps: the buildspec becomes a JSON string in the template.
                BuildSpec.fromObject(
                    new TreeMap<>(
                        Map.of(
                            "version",
                            "0.2",
                            "phases",
                            Map.of("build", Map.of("commands", List.of("mvn -B -ntp verify")))))))
            .build();

    Pipeline.Builder.create(this, "Pipeline")
        .pipelineType(PipelineType.V2) // triggers need a V2 pipeline
        .stages(
            List.of(
                StageProps.builder().stageName("Source").actions(List.of(checkout)).build(),
                StageProps.builder()
                    .stageName("Build")
                    .actions(
                        List.of(
                            CodeBuildAction.Builder.create()
                                .actionName("Build")
                                .project(build)
                                .input(source)
                                .build()))
                    .build()))
        .build();
  }
}
