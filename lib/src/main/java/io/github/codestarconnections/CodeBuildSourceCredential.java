package io.github.codestarconnections;

import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codebuild.CfnSourceCredential;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Makes a connection the account's default CodeBuild credential for its server type ({@code
 * AWS::CodeBuild::SourceCredential} with {@code AuthType} {@code CODECONNECTIONS} and the
 * connection's ARN as {@code Token},
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-sourcecredential.html,
 * https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ImportSourceCredentials.html).
 * Projects whose source has no {@code Auth} of their own, such as aws-cdk's {@code
 * Source.gitHub(...)}, then read through the connection; their roles still need {@link
 * IConnection#grantCodeBuildUse}. A {@link CodeBuildSource} names its connection itself and needs
 * no default credential.
 *
 * <p><b>There is one default credential per server type per account and region</b> (CodeBuild
 * overwrites it on import, see {@code shouldOverwrite} in ImportSourceCredentials). Opt in from one
 * stack only: two stacks or apps that each define one for the same server type in the same account
 * and region take the credential from each other, and deleting either stack removes it for every
 * project. Within one app this is checked at synth: a second credential of a server type is refused
 * where the two stacks' accounts and regions are equal or either is unknown at synth
 * (environment-agnostic), since CodeBuild would replace the first without an error.
 *
 * <p>The CodeBuild projects of the credential's stack that read through it (source of its server
 * type, no {@code Auth} of their own) depend on it: CodeBuild needs the credential when it creates
 * such a project. One with a webhook on a connection made in this app (a {@link Connection}, or an
 * L1 {@code CfnConnection} of either namespace) must wait for the connection's handshake (a {@link
 * ReadinessCheck} in {@link ReadinessMode#WAIT_FOR_AVAILABLE} mode that the project depends on), or
 * is refused at synth, as a {@link CodeBuildSource} webhook is.
 *
 * <pre>{@code
 * CodeBuildSourceCredential.Builder.create(this, "GitHubCredential").connection(github).build();
 * }</pre>
 */
public class CodeBuildSourceCredential extends Resource {
  private final CfnSourceCredential resource;
  private final String serverType;

  /**
   * Defines the credential.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException when the connection is missing, or its provider is unknown or
   *     has no CodeBuild server type
   */
  public CodeBuildSourceCredential(
      Construct scope, String id, CodeBuildSourceCredentialProps props) {
    super(scope, id, ResourceProps.builder().build());
    Owner who = new Owner("CodeBuildSourceCredential", this);
    IConnection connection = props == null ? null : props.getConnection();
    if (connection == null) {
      throw new IllegalArgumentException(
          who + ": connection is required (a Connection, or Connection.fromConnectionArn)");
    }
    Optional<ProviderType> known = connection.getProviderType();
    ProviderType given = props.getProviderType();
    if (given != null && known.isPresent() && given != known.get()) {
      throw new IllegalArgumentException(
          who
              + ": providerType "
              + given
              + " differs from the provider of connection at '"
              + connection.getNode().getPath()
              + "', "
              + known.get());
    }
    ProviderType provider = given != null ? given : known.orElse(null);
    if (provider == null) {
      throw new IllegalArgumentException(
          who
              + ": providerType is required: the provider of connection at '"
              + connection.getNode().getPath()
              + "' is not known at synth (an import, or a connection on an imported host)");
    }
    // ServerType takes the names of CodeBuild's source types
    // (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_SourceCredentialsInfo.html).
    this.serverType = CodeBuildSourceType.of(who, provider).name();
    this.resource =
        CfnSourceCredential.Builder.create(this, "Resource")
            .authType("CODECONNECTIONS")
            .serverType(serverType)
            .token(connection.getConnectionArn())
            .build();
    Stack stack = JsiiShortcuts.stackOf(scope, this);
    StackChecks.of(stack, who).sourceCredential(who, this, serverType);
    Aspects.of(stack).add(new Users(resource, serverType, connection, who));
  }

  /**
   * The credential's server type, e.g. {@code GITHUB}.
   *
   * @return the server type
   */
  public String getServerType() {
    return serverType;
  }

  /**
   * The credential's ARN.
   *
   * @return a token for {@code Ref}
   */
  public String getCredentialArn() {
    return resource.getRef();
  }

  /**
   * The CodeBuild projects of the stack that read through the credential: a source of its server
   * type without an {@code Auth} of its own. They depend on it, and one with a webhook on a
   * connection made in this app must wait for the handshake ({@link HandshakeWait}).
   */
  private static final class Users implements IAspect {
    private final CfnSourceCredential credential;
    private final String serverType;
    private final IConnection connection;
    private final Owner who;

    Users(CfnSourceCredential credential, String serverType, IConnection connection, Owner who) {
      this.credential = credential;
      this.serverType = serverType;
      this.connection = connection;
      this.who = who;
    }

    @Override
    public void visit(IConstruct node) {
      if (!(node instanceof CfnProject project)) {
        return;
      }
      Stack stack = Stack.of(project);
      if (!(stack.resolve(project.getSource()) instanceof Map<?, ?> source)
          || !serverType.equals(source.get("type"))
          || source.get("auth") != null) {
        return;
      }
      project.getNode().addDependency(credential);
      if (stack.resolve(project.getTriggers()) instanceof Map<?, ?> triggers
          && Boolean.TRUE.equals(triggers.get("webhook"))) {
        IConstruct user = project.getNode().getScope();
        HandshakeWait.requireWait(
            user,
            who,
            connection,
            "project at '"
                + user.getNode().getPath()
                + "' reads through this default credential and has a webhook, which CodeBuild"
                + " makes through the connection when CloudFormation creates the project"
                + " (CreateWebhook)",
            null);
      }
    }
  }

  /** A fluent builder for {@link CodeBuildSourceCredential}. */
  public static final class Builder extends CodeBuildSourceCredentialProps.Setters<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a credential.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * Builds the credential.
     *
     * @return the credential
     */
    public CodeBuildSourceCredential build() {
      return new CodeBuildSourceCredential(scope, id, new CodeBuildSourceCredentialProps(this));
    }
  }
}
