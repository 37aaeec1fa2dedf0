package io.github.codestarconnections.examples;

import io.github.codestarconnections.ConnectionSourceAction;
import io.github.codestarconnections.IConnection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildEnvironmentVariable;
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
 * A pipeline stack in the same app as {@link SharedConnectionsStack}, using its connection by plain
 * reference: CDK passes the ARN from the connections stack to this one and deploys the connections
 * stack first. Under cdk.json's weak cross-stack references, this stack reads a stack output of the
 * connections stack ({@code Fn::GetStackOutput}) and no export pins that stack. The connection is
 * in the {@code codeconnections} namespace, so the source action's role gets {@code
 * codeconnections:UseConnection}.
 */
public class SharedConnectionPipelineStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   * @param connection the shared connection, e.g. {@link SharedConnectionsStack#getGitHub()}
   */
  public SharedConnectionPipelineStack(Construct scope, String id, IConnection connection) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("Pipeline using the shared connection of another stack in the same app")
            .build());

    // --- snippet: cross-stack
    Artifact source = new Artifact("Source");
    ConnectionSourceAction checkout =
        ConnectionSourceAction.Builder.create()
            .actionName("GitHub")
            .connection(connection) // a Connection of another stack: a plain reference
            .owner("codestarconnections")
            .repo("codestarconnections-cdk")
            .branch("main")
            .variablesNamespace("Source")
            .output(source)
            .build();
    // --- end snippet

    PipelineProject build =
        PipelineProject.Builder.create(this, "Build")
            .environment(
                BuildEnvironment.builder().buildImage(LinuxBuildImage.STANDARD_7_0).build())
            .buildSpec(
                BuildSpec.fromObject(
                    new TreeMap<>(
                        Map.of(
                            "version",
                            "0.2",
                            "phases",
                            Map.of("build", Map.of("commands", List.of("mvn -B verify")))))))
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
                                .environmentVariables(
                                    new TreeMap<>(
                                        Map.of(
                                            "COMMIT_ID",
                                            BuildEnvironmentVariable.builder()
                                                .value(checkout.getVariables().getCommitId())
                                                .build())))
                                .build()))
                    .build()))
        .build();
  }
}
