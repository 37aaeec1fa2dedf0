package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ConnectionSourceAction;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ReadinessCheck;
import io.github.codestarconnections.ReadinessMode;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.ManualApprovalAction;
import software.constructs.Construct;

/**
 * A pipeline stack as another app writes it: it knows its connection by name only (here the one
 * {@link SharedConnectionsStack} makes), finds it at deploy time, and stops the deployment while
 * nobody has finished the connection's handshake in the console. No ARN is copied between apps.
 */
public class LookupPipelineStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public LookupPipelineStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("Pipeline on a connection found by name, required AVAILABLE at deploy")
            .build());

    // --- snippet: lookup
    IConnection github = Connection.fromConnectionName(this, "GitHub", "examples-shared-github");
    ReadinessCheck ready =
        ReadinessCheck.Builder.create(this, "GitHubReady")
            .connection(github)
            .mode(ReadinessMode.REQUIRE_AVAILABLE) // stop the deploy while it is PENDING
            .build();
    // --- end snippet

    Artifact source = new Artifact("Source");
    Pipeline pipeline =
        Pipeline.Builder.create(this, "Pipeline")
            .pipelineType(PipelineType.V2)
            .stages(
                List.of(
                    StageProps.builder()
                        .stageName("Source")
                        .actions(
                            List.of(
                                ConnectionSourceAction.Builder.create()
                                    .actionName("GitHub")
                                    .connection(github) // found by name: the lookup's ARN
                                    .owner("codestarconnections")
                                    .repo("codestarconnections-cdk")
                                    .branch("main")
                                    .output(source)
                                    .build()))
                        .build(),
                    StageProps.builder()
                        .stageName("Release")
                        .actions(
                            List.of(
                                ManualApprovalAction.Builder.create()
                                    .actionName("Approve")
                                    .build()))
                        .build()))
            .build();
    // No pipeline on a connection the check refused.
    pipeline.getNode().addDependency(ready);
  }
}
