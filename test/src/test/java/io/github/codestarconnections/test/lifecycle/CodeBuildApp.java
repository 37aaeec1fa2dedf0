package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.CodeBuildSource;
import io.github.codestarconnections.CodeBuildSourceCredential;
import io.github.codestarconnections.CodeBuildSourceProps;
import io.github.codestarconnections.Connection;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ReadinessCheck;
import io.github.codestarconnections.ReadinessMode;
import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codebuild.GitHubSourceProps;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.codebuild.Source;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * A stack with a CodeBuild project that reads a GitHub repository through a connection, as a user
 * writes one (or, {@link Grant#BY_HAND_IN_THE_DEFAULT_POLICY}, as the library wrote the grant
 * before issue 22). Described by value, synthesized once per JVM.
 *
 * @param importedArn the ARN of a connection made elsewhere, or null for a connection the stack
 *     makes, named {@value #CONNECTION_NAME}
 * @param grant how the project's role gets the use of the connection
 * @param waiting how the project waits for the connection's handshake
 * @param webhook whether the project has a webhook
 * @param removal the removal policy of the connection the stack makes, or null for the default
 * @param breaks whether the stack has a resource of the test-only type {@link
 *     CloudFormationRules#FAILING_TYPE} that fails once everything else is made
 */
public record CodeBuildApp(
    String importedArn,
    Grant grant,
    Wait waiting,
    boolean webhook,
    RemovalPolicy removal,
    boolean breaks) {
  /** The name of the connection the stack makes. */
  static final String CONNECTION_NAME = "first-deploy-github";

  private static final Map<CodeBuildApp, Map<String, Object>> TEMPLATES = new ConcurrentHashMap<>();

  /** How the project's role gets the use of the connection. */
  enum Grant {
    /** A {@link CodeBuildSource}, which grants it. */
    SOURCE,
    /**
     * aws-cdk's {@code Source.gitHub} with the source's Auth and the grant written by hand into the
     * role's default policy: what the library made before issue 22.
     */
    BY_HAND_IN_THE_DEFAULT_POLICY,
    /**
     * aws-cdk's {@code Source.gitHub} on the account's default credential ({@link
     * CodeBuildSourceCredential}), with {@code connection.grantCodeBuildUse(project)}.
     */
    TO_THE_PROJECT,
    /** The same, with {@code connection.grantCodeBuildUse(project.getRole())}. */
    TO_THE_ROLE
  }

  /** How the project waits for the connection's handshake. */
  enum Wait {
    /** It does not. */
    NONE,
    /** {@code CodeBuildSourceProps.waitForAvailable(true)}. */
    SOURCE_OPTION,
    /** A ReadinessCheck in WAIT_FOR_AVAILABLE mode that the project depends on. */
    OWN_CHECK
  }

  /**
   * A webhook project on a connection the stack makes, waiting for its handshake.
   *
   * @return the app
   */
  static CodeBuildApp onANewConnection() {
    return new CodeBuildApp(null, Grant.SOURCE, Wait.SOURCE_OPTION, true, null, false);
  }

  /**
   * A webhook project on a connection made elsewhere.
   *
   * @param arn the connection's ARN
   * @return the app
   */
  static CodeBuildApp on(String arn) {
    return new CodeBuildApp(arn, Grant.SOURCE, Wait.NONE, true, null, false);
  }

  CodeBuildApp granted(Grant g) {
    return new CodeBuildApp(importedArn, g, waiting, webhook, removal, breaks);
  }

  CodeBuildApp waiting(Wait w) {
    return new CodeBuildApp(importedArn, grant, w, webhook, removal, breaks);
  }

  CodeBuildApp removal(RemovalPolicy r) {
    return new CodeBuildApp(importedArn, grant, waiting, webhook, r, breaks);
  }

  CodeBuildApp breaking() {
    return new CodeBuildApp(importedArn, grant, waiting, webhook, removal, true);
  }

  /**
   * The stack's template, synthesized on first use.
   *
   * @return the template (shared: never change it)
   */
  public Map<String, Object> template() {
    return TEMPLATES.computeIfAbsent(this, CodeBuildApp::synthesize);
  }

  private static Map<String, Object> synthesize(CodeBuildApp spec) {
    App app = new App();
    Stack stack = new Stack(app, LifecycleApp.STACK);
    IConnection github =
        spec.importedArn == null
            ? Connection.Builder.create(stack, "GitHub")
                .connectionName(CONNECTION_NAME)
                .providerType(ProviderType.GITHUB)
                .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
                .removalPolicy(spec.removal)
                .handshakeOutput(false)
                .build()
            : Connection.fromConnectionArn(stack, "GitHub", spec.importedArn);
    Project project;
    if (spec.grant == Grant.SOURCE) {
      project =
          project(
              stack,
              CodeBuildSource.gitHub(
                  CodeBuildSourceProps.builder()
                      .connection(github)
                      .owner("acme")
                      .repo("service")
                      .webhook(spec.webhook)
                      .waitForAvailable(spec.waiting == Wait.SOURCE_OPTION)
                      .build()));
    } else {
      project =
          project(
              stack,
              Source.gitHub(
                  GitHubSourceProps.builder()
                      .owner("acme")
                      .repo("service")
                      .webhook(spec.webhook)
                      .build()));
      switch (spec.grant) {
        case BY_HAND_IN_THE_DEFAULT_POLICY -> {
          ((CfnProject) project.getNode().getDefaultChild())
              .addPropertyOverride(
                  "Source.Auth",
                  Map.of("Type", "CODECONNECTIONS", "Resource", github.getConnectionArn()));
          project.addToRolePolicy(
              PolicyStatement.Builder.create()
                  .actions(
                      List.of(
                          "codeconnections:GetConnectionToken",
                          "codeconnections:GetConnection",
                          "codeconnections:UseConnection"))
                  .resources(List.of(github.getConnectionArn()))
                  .build());
        }
        case TO_THE_PROJECT -> github.grantCodeBuildUse(project);
        case TO_THE_ROLE -> github.grantCodeBuildUse(project.getRole());
        default -> throw new IllegalStateException(spec.grant.name());
      }
      if (spec.grant != Grant.BY_HAND_IN_THE_DEFAULT_POLICY) {
        // Made after the project, so that only a dependency puts it first.
        CodeBuildSourceCredential.Builder.create(stack, "Credential")
            .connection(github)
            .providerType(ProviderType.GITHUB)
            .build();
      }
    }
    if (spec.waiting == Wait.OWN_CHECK) {
      project
          .getNode()
          .addDependency(
              ReadinessCheck.Builder.create(stack, "GitHubReady")
                  .connection(github)
                  .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
                  .build());
    }
    if (spec.breaks) {
      CfnResource breaks =
          CfnResource.Builder.create(stack, "Breaks")
              .type(CloudFormationRules.FAILING_TYPE)
              .build();
      breaks.getNode().addDependency(project);
    }
    return Template.fromStack(stack).toJSON();
  }

  private static Project project(
      Stack stack, software.amazon.awscdk.services.codebuild.ISource source) {
    return Project.Builder.create(stack, "Build")
        .source(source)
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
  }
}
