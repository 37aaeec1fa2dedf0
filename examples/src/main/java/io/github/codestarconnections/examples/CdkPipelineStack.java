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
        .synth(
            ShellStep.Builder.create("Synth")
                .input(
                    ConnectionSource.of(
                        github, "codestarconnections/codestarconnections-cdk", "main"))
                .commands(List.of("mvn -B -ntp package -DskipTests", "npx aws-cdk@2.1148.1 synth"))
                .build())
        .build();
    // --- end snippet
  }
}
