package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
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
 * project. Within one app this is checked at synth.
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
    getNode().addValidation(() -> conflicts(who));
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
   * The conflicts with credentials defined earlier in the app for the same server type, in an
   * account and region that may be the same (equal, or either unknown at synth).
   */
  private List<String> conflicts(Owner who) {
    List<String> errors = new ArrayList<>();
    Stack mine = Stack.of(this);
    for (IConstruct node : getNode().getRoot().getNode().findAll()) {
      if (node == this) {
        break;
      }
      if (node instanceof CodeBuildSourceCredential other
          && other.serverType.equals(serverType)
          && mayBeSame(Stack.of(other).getAccount(), mine.getAccount())
          && mayBeSame(Stack.of(other).getRegion(), mine.getRegion())) {
        errors.add(
            who
                + ": a CodeBuildSourceCredential for "
                + serverType
                + " is already defined at '"
                + other.getNode().getPath()
                + "' for what may be the same account and region; there is one default credential"
                + " per server type per account and region: keep one of them");
      }
    }
    return errors;
  }

  private static boolean mayBeSame(String a, String b) {
    return JsiiShortcuts.isUnresolved(a) || JsiiShortcuts.isUnresolved(b) || a.equals(b);
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
