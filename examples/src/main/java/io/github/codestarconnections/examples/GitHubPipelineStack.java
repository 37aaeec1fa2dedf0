package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
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
import software.amazon.awscdk.services.codepipeline.actions.CodeStarConnectionsSourceAction;
import software.constructs.Construct;

/**
 * A GitHub connection feeding a CodePipeline: source from GitHub through the connection, then a
 * CodeBuild project. After the first deploy, open the stack output {@code ...HandshakeUrl...} and
 * finish the handshake with GitHub; the pipeline's source stage fails until then.
 */
public class GitHubPipelineStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public GitHubPipelineStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder().description("GitHub connection feeding a pipeline").build());

    Connection github =
        Connection.Builder.create(this, "GitHub")
            .connectionName("examples-github")
            .providerType(ProviderType.GITHUB)
            .tags(Map.of("team", "platform"))
            .build();

    Artifact source = new Artifact("Source");
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
                            Map.of("build", Map.of("commands", List.of("mvn -B verify")))))))
            .build();

    Pipeline pipeline =
        Pipeline.Builder.create(this, "Pipeline")
            .pipelineType(PipelineType.V2)
            .stages(
                List.of(
                    StageProps.builder()
                        .stageName("Source")
                        .actions(
                            List.of(
                                CodeStarConnectionsSourceAction.Builder.create()
                                    .actionName("GitHub")
                                    .connectionArn(github.getConnectionArn())
                                    .owner("codestarconnections")
                                    .repo("codestarconnections-cdk")
                                    .branch("main")
                                    .output(source)
                                    .build()))
                        .build(),
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
    github.grantUse(pipeline.getRole());
  }
}
