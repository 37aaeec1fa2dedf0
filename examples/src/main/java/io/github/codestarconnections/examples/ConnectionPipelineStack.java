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
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeBuildAction;
import software.constructs.Construct;

/**
 * A GitHub connection feeding a classic CodePipeline through {@link ConnectionSourceAction}, with a
 * full-clone output so the build sees the Git history. The action's role and the CodeBuild
 * project's role each get {@code codestar-connections:UseConnection} on the connection, and nothing
 * more.
 */
public class ConnectionPipelineStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public ConnectionPipelineStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description(
                "GitHub connection feeding a classic pipeline through ConnectionSourceAction")
            .build());

    // --- snippet: classic-pipeline
    Connection github =
        Connection.Builder.create(this, "GitHub")
            .connectionName("examples-github-clone")
            .providerType(ProviderType.GITHUB)
            .build();

    Artifact source = new Artifact("Source");
    ConnectionSourceAction checkout =
        ConnectionSourceAction.Builder.create()
            .actionName("GitHub")
            .connection(github)
            .owner("codestarconnections")
            .repo("codestarconnections-cdk")
            .branch("main")
            .codeBuildCloneOutput(true) // the build gets a full clone, with history
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
                            Map.of(
                                "build",
                                Map.of("commands", List.of("git log -1", "mvn -B verify")))))))
            .build();

    Pipeline.Builder.create(this, "Pipeline")
        .pipelineType(PipelineType.V2)
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
