package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ReadinessCheck;
import io.github.codestarconnections.ReadinessMode;
import io.github.codestarconnections.RepositoryLink;
import io.github.codestarconnections.SyncConfiguration;
import io.github.codestarconnections.SyncTrigger;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * A platform team's stack for CloudFormation Git sync: a GitHub connection, a link to the
 * repository where an application team keeps its template and stack deployment file, and the sync
 * that keeps the application's stack ({@code example-app}) in step with its {@code main} branch.
 * The application stack is not part of this app: Git sync makes and updates it from the repository.
 */
public class GitSyncStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public GitSyncStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("Git sync of an application stack from its repository")
            .build());

    // --- snippet: git-sync
    Connection github =
        Connection.Builder.create(this, "GitHub")
            .connectionName("examples-github-gitsync")
            .providerType(ProviderType.GITHUB)
            .build();
    // A repository link needs its connection AVAILABLE: the first deploy waits for the handshake.
    ReadinessCheck ready =
        ReadinessCheck.Builder.create(this, "GitHubReady")
            .connection(github)
            .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
            .timeout(Duration.minutes(20))
            .build();

    RepositoryLink infrastructure =
        RepositoryLink.Builder.create(this, "Infrastructure")
            .connection(github)
            .ownerId("codestarconnections")
            .repositoryName("example-app-infrastructure")
            .build();
    infrastructure.getNode().addDependency(ready);

    SyncConfiguration app =
        SyncConfiguration.Builder.create(this, "AppSync")
            .repositoryLink(infrastructure)
            .branch("main")
            .deploymentFile("deployments/example-app.yaml")
            .stackName("example-app")
            .publishDeploymentStatus(true) // commit statuses on GitHub
            .triggerResourceUpdateOn(SyncTrigger.FILE_CHANGE)
            .build();
    // The app's template makes one SQS queue; the app stack has no service role, so CloudFormation
    // makes it with the Git sync role's rights.
    app.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(
                List.of(
                    "sqs:CreateQueue",
                    "sqs:DeleteQueue",
                    "sqs:GetQueueAttributes",
                    "sqs:SetQueueAttributes",
                    "sqs:TagQueue",
                    "sqs:UntagQueue",
                    "sqs:ListQueueTags"))
            .resources(
                List.of(
                    formatArn(
                        ArnComponents.builder()
                            .service("sqs")
                            .resource("example-app-jobs")
                            .build())))
            .build());
    // --- end snippet
  }
}
