package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ConnectionSource;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.constructs.Construct;

/**
 * A CDK Pipelines app sourced from a connection that another app (here {@link
 * SharedConnectionsStack}) published in SSM. The stack reads the parameter at deploy time; the
 * source action's role gets {@code codeconnections:UseConnection} on its value.
 */
public class CdkPipelineStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public CdkPipelineStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("CDK Pipelines app sourced from a connection published in SSM")
            .build());

    // --- snippet: cdk-pipelines
    IConnection github =
        Connection.fromConnectionArnParameter(
            this,
            "GitHub",
            SharedConnectionsStack.GITHUB_PARAMETER,
            ServiceNamespace.CODECONNECTIONS); // known: grant only codeconnections:UseConnection

    CodePipeline.Builder.create(this, "Pipeline")
        .pipelineType(PipelineType.V2)
        .synth(
            ShellStep.Builder.create("Synth")
                .input(
                    ConnectionSource.of(
                        github, "codestarconnections/codestarconnections-cdk", "main"))
                .commands(
                    List.of(
                        "mvn -B -ntp package -DskipTests",
                        // No terminal in CodeBuild: npx installs the CLI only with --yes.
                        "npx --yes aws-cdk@2.1148.1 synth --no-notices"))
                .build())
        .build();
    // --- end snippet
  }
}
