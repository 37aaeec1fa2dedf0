package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * A stack that owns the team's connections, made in the {@code codeconnections} namespace, and
 * publishes each ARN twice: as a CloudFormation export (for stacks of other apps, with {@code
 * Fn.importValue}) and as an SSM parameter (for {@code Connection.fromConnectionArnParameter}).
 * Stacks of the same app take the {@link Connection} object itself.
 */
public class SharedConnectionsStack extends Stack {
  /** The export that carries the GitHub connection's ARN. */
  public static final String GITHUB_EXPORT = "SharedConnections-GitHubArn";

  /** The SSM parameter that carries the GitHub connection's ARN. */
  public static final String GITHUB_PARAMETER = "/codestarconnections-examples/connections/github";

  private final Connection github;

  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public SharedConnectionsStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("Shared codeconnections-namespace connection, exported and in SSM")
            .build());

    // --- snippet: shared-connections
    github =
        Connection.Builder.create(this, "GitHub")
            .connectionName("examples-shared-github")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS) // AWS::CodeConnections::Connection
            .build();
    github.exportConnectionArn(GITHUB_EXPORT); // for Fn.importValue in other apps
    github.publishConnectionArnParameter(GITHUB_PARAMETER); // for fromConnectionArnParameter
    // --- end snippet
  }

  /**
   * The shared GitHub connection, for pipeline stacks of the same app.
   *
   * @return the connection
   */
  public Connection getGitHub() {
    return github;
  }
}
