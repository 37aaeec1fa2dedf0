package io.github.codestarconnections.examples;

import io.github.codestarconnections.CodeBuildSource;
import io.github.codestarconnections.CodeBuildSourceProps;
import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import io.github.codestarconnections.WebhookFilterGroup;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.EventAction;
import software.amazon.awscdk.services.codebuild.Project;
import software.constructs.Construct;

/**
 * A CodeBuild project that reads a GitHub repository through a connection and builds on a webhook:
 * pushes to {@code main} unless only docs changed, and pull requests into {@code main}. The
 * project's role gets {@code codeconnections:GetConnectionToken}, {@code GetConnection} and {@code
 * UseConnection} on the connection, in a policy the project depends on, and nothing more of it. No
 * pipeline runs this project (a pipeline and a webhook would build each change twice).
 *
 * <p>It deploys on a fresh account in one go: the connection is made in the same deploy, so it is
 * {@code PENDING}, and CodeBuild makes the webhook through it when the project is created. The
 * project waits ({@code waitForAvailable}) up to 10 minutes for a person to finish the handshake in
 * the console while {@code cdk deploy} runs.
 */
public class CodeBuildWebhookStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public CodeBuildWebhookStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("CodeBuild project on a GitHub connection, built by a webhook")
            .build());

    // --- snippet: codebuild-webhook
    Connection github =
        Connection.Builder.create(this, "GitHub")
            .connectionName("examples-github-codebuild")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    Project.Builder.create(this, "Build")
        .source(
            CodeBuildSource.gitHub(
                CodeBuildSourceProps.builder()
                    .connection(github) // Auth: CODECONNECTIONS, this connection's ARN
                    // The connection is new, so PENDING: the project waits for the handshake.
                    .waitForAvailable(true)
                    .owner("codestarconnections")
                    .repo("codestarconnections-cdk")
                    .cloneDepth(1)
                    .webhookFilters(
                        List.of(
                            WebhookFilterGroup.inEventOf(EventAction.PUSH)
                                .andBranchIs("main") // ^refs/heads/main$
                                .andFilePathIsNot("^docs/"),
                            WebhookFilterGroup.inEventOf(
                                    EventAction.PULL_REQUEST_CREATED,
                                    EventAction.PULL_REQUEST_UPDATED,
                                    EventAction.PULL_REQUEST_REOPENED)
                                .andBaseBranchIs("main")
                                .andCommitMessageIsNot("\\[skip ci\\]")))
                    .build()))
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
    // --- end snippet
  }
}
