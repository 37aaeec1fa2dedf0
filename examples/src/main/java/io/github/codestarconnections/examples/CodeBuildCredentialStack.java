package io.github.codestarconnections.examples;

import io.github.codestarconnections.CodeBuildSourceCredential;
import io.github.codestarconnections.Connection;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Makes the shared GitHub connection (published in SSM by {@link SharedConnectionsStack}) the
 * account's default CodeBuild credential for GitHub, for projects whose source names no credential.
 * <b>Account-wide</b>: there is one such credential per server type per account and region, so
 * deploy this stack (or another that defines one for GitHub) once per account and region.
 */
public class CodeBuildCredentialStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public CodeBuildCredentialStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("Account-wide default CodeBuild credential for GitHub: a connection")
            .build());

    // --- snippet: codebuild-credential
    IConnection github =
        Connection.fromConnectionArnParameter(
            this,
            "GitHub",
            SharedConnectionsStack.GITHUB_PARAMETER,
            ServiceNamespace.CODECONNECTIONS);

    CodeBuildSourceCredential.Builder.create(this, "GitHubCredential")
        .connection(github)
        .providerType(ProviderType.GITHUB) // an import's provider is not known at synth
        .build();
    // --- end snippet
  }
}
