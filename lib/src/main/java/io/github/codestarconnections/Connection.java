package io.github.codestarconnections;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.codestarconnections.CfnConnection;
import software.amazon.awscdk.services.codestarconnections.CfnConnectionProps;
import software.constructs.Construct;

/**
 * A CodeStar Connections connection ({@code AWS::CodeStarConnections::Connection}) to GitHub,
 * GitLab, Bitbucket, Azure DevOps, or through a {@link IHost} to a self-managed GitHub Enterprise
 * Server or GitLab.
 *
 * <p><b>Every new connection is {@code PENDING}.</b> CloudFormation can create it, but only a
 * person can authorize it with the provider: open the address in the stack output {@code
 * ...HandshakeUrl...} (or the CodePipeline console's Settings, Connections), choose "Update pending
 * connection" and finish the provider's sign-in. Until then any pipeline using it fails at its
 * source stage. That is also why the default removal policy is {@link RemovalPolicy#RETAIN}.
 *
 * <pre>{@code
 * Connection github = Connection.Builder.create(this, "GitHub")
 *     .providerType(ProviderType.GITHUB)
 *     .build();
 * github.grantUse(pipeline.getRole());
 * }</pre>
 */
public class Connection extends ConnectionBase {
  /** Longest connection name the service takes. */
  static final int MAX_NAME_LENGTH = 32;

  private final CfnConnection resource;
  private final String connectionName;

  /**
   * Defines a connection.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException on a property the service would reject
   */
  public Connection(Construct scope, String id, ConnectionProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getConnectionName()).build());
    String owner = "Connection at '" + getNode().getPath() + "'";
    this.connectionName =
        props.getConnectionName() != null
            ? validateName(owner, props.getConnectionName())
            : Names.uniqueResourceName(
                this, UniqueResourceNameOptions.builder().maxLength(MAX_NAME_LENGTH).build());
    validateProvider(owner, props.getProviderType(), props.getHost());
    TagRules.validate(owner, "tags", props.getTags());

    this.resource =
        new CfnConnection(
            this,
            "Resource",
            CfnConnectionProps.builder()
                .connectionName(connectionName)
                .providerType(props.getHost() == null ? props.getProviderType().getApiName() : null)
                .hostArn(props.getHost() == null ? null : props.getHost().getHostArn())
                .build());
    resource.applyRemovalPolicy(
        props.getRemovalPolicy() == null ? RemovalPolicy.RETAIN : props.getRemovalPolicy());
    if (props.getTags() != null) {
      props.getTags().forEach((key, value) -> Tags.of(this).add(key, value));
    }
    getNode()
        .addValidation(
            () -> {
              Map<String, String> all = resource.getTags().tagValues();
              return all.size() <= TagRules.MAX_TAGS
                  ? List.of()
                  : List.of(
                      owner
                          + ": has "
                          + all.size()
                          + " tags (its own and those from Tags.of); the service allows at most "
                          + TagRules.MAX_TAGS);
            });
    if (!Boolean.FALSE.equals(props.getHandshakeOutput())) {
      addHandshakeOutput();
    }
  }

  /**
   * Imports a connection made elsewhere by its ARN, in either namespace ({@code
   * codestar-connections} or {@code codeconnections}) or as a token (e.g. {@code Fn.importValue}).
   * A literal ARN is checked now. The import has no name: use {@link #fromConnectionAttributes}
   * when you need it.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param connectionArn the ARN
   * @return the connection
   * @throws IllegalArgumentException when a literal ARN is not a connection ARN
   */
  public static IConnection fromConnectionArn(Construct scope, String id, String connectionArn) {
    return fromConnectionAttributes(scope, id, new ConnectionAttributes(connectionArn, null));
  }

  /**
   * Imports a connection made elsewhere by its ARN and, if known, its name.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param attributes the ARN (either namespace, or a token) and the name (may be null)
   * @return the connection
   * @throws IllegalArgumentException when a literal ARN is not a connection ARN
   */
  public static IConnection fromConnectionAttributes(
      Construct scope, String id, ConnectionAttributes attributes) {
    return new ImportedConnection(scope, id, attributes);
  }

  @Override
  public String getConnectionArn() {
    return resource.getAttrConnectionArn();
  }

  @Override
  public String getConnectionName() {
    return connectionName;
  }

  /**
   * The connection's status: {@code PENDING} until the handshake is done, then {@code AVAILABLE}
   * ({@code ERROR} when the provider side broke). Read at deploy time.
   *
   * @return a token for {@code Fn::GetAtt ConnectionStatus}
   */
  public String getConnectionStatus() {
    return resource.getAttrConnectionStatus();
  }

  /**
   * The AWS account that owns the connection.
   *
   * @return a token for {@code Fn::GetAtt OwnerAccountId}
   */
  public String getOwnerAccountId() {
    return resource.getAttrOwnerAccountId();
  }

  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.of(ServiceNamespace.CODESTAR_CONNECTIONS);
  }

  private static String validateName(String owner, String name) {
    if (!Token.isUnresolved(name) && (name.isEmpty() || name.length() > MAX_NAME_LENGTH)) {
      throw new IllegalArgumentException(
          owner
              + ": connectionName '"
              + name
              + "' is "
              + name.length()
              + " characters; the service allows 1 to "
              + MAX_NAME_LENGTH);
    }
    return name;
  }

  private static void validateProvider(String owner, ProviderType type, IHost host) {
    if (host == null && type == null) {
      throw new IllegalArgumentException(
          owner
              + ": neither providerType nor host is set; give providerType for a cloud provider"
              + " (GITHUB, GITLAB, BITBUCKET, AZURE_DEVOPS) or host for a self-managed one");
    }
    if (host == null && type.needsHost()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " is a self-managed provider and needs a host; give host (a Host or"
              + " Host.fromHostArn)");
    }
    if (host != null && type != null && !type.needsHost()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " is a cloud provider and cannot go with a host (the service rejects a"
              + " ProviderType of a cloud provider together with a HostArn); drop host, or use"
              + " GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED");
    }
    if (host instanceof Host owned && type != null && type != owned.getProviderType()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " differs from the host's "
              + owned.getProviderType()
              + " ("
              + owned.getNode().getPath()
              + "); leave providerType out to take the host's");
    }
  }

  private void addHandshakeOutput() {
    // The ARN ends in connection/<id>; the console page is keyed by that id.
    String connectionId = Fn.select(1, Fn.split("/", getConnectionArn()));
    String region = Aws.REGION;
    CfnOutput.Builder.create(this, "HandshakeUrl")
        .description(
            "Connection "
                + getNode().getPath()
                + " is PENDING after deploy: open this address, choose 'Update pending"
                + " connection' and authorize the provider")
        .value(
            Fn.join(
                "",
                List.of(
                    "https://console.aws.amazon.com/codesuite/settings/",
                    Aws.ACCOUNT_ID,
                    "/",
                    region,
                    "/connections/",
                    connectionId,
                    "?region=",
                    region)))
        .build();
  }

  /** A fluent builder for {@link Connection}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private final ConnectionProps.Builder props = ConnectionProps.builder();

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a connection.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * See {@link ConnectionProps#getConnectionName()}.
     *
     * @param connectionName 1 to 32 characters
     * @return this builder
     */
    public Builder connectionName(String connectionName) {
      props.connectionName(connectionName);
      return this;
    }

    /**
     * See {@link ConnectionProps#getProviderType()}.
     *
     * @param providerType the provider
     * @return this builder
     */
    public Builder providerType(ProviderType providerType) {
      props.providerType(providerType);
      return this;
    }

    /**
     * See {@link ConnectionProps#getHost()}.
     *
     * @param host the host of a self-managed provider
     * @return this builder
     */
    public Builder host(IHost host) {
      props.host(host);
      return this;
    }

    /**
     * See {@link ConnectionProps#getTags()}.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Map<String, String> tags) {
      props.tags(tags);
      return this;
    }

    /**
     * See {@link ConnectionProps#getRemovalPolicy()}.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public Builder removalPolicy(RemovalPolicy removalPolicy) {
      props.removalPolicy(removalPolicy);
      return this;
    }

    /**
     * See {@link ConnectionProps#getHandshakeOutput()}.
     *
     * @param handshakeOutput false to leave out the handshake address output
     * @return this builder
     */
    public Builder handshakeOutput(Boolean handshakeOutput) {
      props.handshakeOutput(handshakeOutput);
      return this;
    }

    /**
     * Builds the connection.
     *
     * @return the connection
     */
    public Connection build() {
      return new Connection(scope, id, props.build());
    }
  }
}
