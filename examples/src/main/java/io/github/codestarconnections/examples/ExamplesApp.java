package io.github.codestarconnections.examples;

import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * The examples app: every stack here uses the library exactly as a user would. {@code cdk.json} at
 * the repository root runs it; the test module snapshots and lints its templates.
 */
public final class ExamplesApp {
  private ExamplesApp() {}

  /**
   * Defines every example stack in the app.
   *
   * @param app the app
   * @return the stacks, in definition order
   */
  public static List<Stack> define(App app) {
    SharedConnectionsStack shared = new SharedConnectionsStack(app, "SharedConnections");
    return List.of(
        new GitHubPipelineStack(app, "GitHubPipeline"),
        new GhesHostStack(app, "GhesHost"),
        new GhesNativeHostStack(app, "GhesNativeHost"),
        new ConnectionPipelineStack(app, "ConnectionPipeline"),
        shared,
        new SharedConnectionPipelineStack(app, "SharedConnectionPipeline", shared.getGitHub()),
        new CdkPipelineStack(app, "CdkPipeline"),
        new CodeBuildWebhookStack(app, "CodeBuildWebhook"),
        new TriggeredPipelineStack(app, "TriggeredPipeline"),
        new CodeBuildCredentialStack(app, "CodeBuildCredential"),
        new LookupPipelineStack(app, "LookupPipeline"),
        new GitSyncStack(app, "GitSync"));
  }

  /**
   * Synthesizes the examples into {@code cdk.out}.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    App app = new App();
    define(app);
    app.synth();
  }
}
