package io.github.codestarconnections;

import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;

/** Properties of a {@link Connection}. Immutable; make one with {@link #builder()}. */
public final class ConnectionProps {
  private final String connectionName;
  private final ProviderType providerType;
  private final IHost host;
  private final Map<String, String> tags;
  private final RemovalPolicy removalPolicy;
  private final Boolean handshakeOutput;
  private final ServiceNamespace serviceNamespace;

  ConnectionProps(Setters<?> b) {
    this.connectionName = b.connectionName;
    this.providerType = b.providerType;
    this.host = b.host;
    this.tags = InitialTags.sortedCopy(b.tags);
    this.removalPolicy = b.removalPolicy;
    this.handshakeOutput = b.handshakeOutput;
    this.serviceNamespace = b.serviceNamespace;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The connection's name, 1 to 32 characters, unique in the account ("Connection names must be
   * unique in an AWS account", API reference, Connection), whichever namespace made the other one.
   * A connection that is replaced (its host replaced, or a new namespace) is made before the old
   * one is deleted, so it needs a new name in the same deploy. Synth refuses a connection whose
   * name another connection of the app already has, where both land in the same account and Region.
   *
   * @return the name, or null for the default
   * @default a unique name of at most 32 characters derived from the stack name and construct path
   */
  public String getConnectionName() {
    return connectionName;
  }

  /**
   * The provider the connection reaches.
   *
   * @return the provider type, or null
   * @default none; required unless {@link #getHost() host} is given
   */
  public ProviderType getProviderType() {
    return providerType;
  }

  /**
   * The host of a self-managed provider (GitHub Enterprise Server, GitLab self-managed).
   *
   * @return the host, or null
   * @default none; required for providers that need a host
   */
  public IHost getHost() {
    return host;
  }

  /**
   * Tags for the connection, sorted by key. A key may not start with {@code aws:}: refused here,
   * and at synth when added through {@code Tags.of(scope)}.
   *
   * @return the tags, or null
   * @default no tags (tags from {@code Tags.of(scope)} still apply)
   */
  public Map<String, String> getTags() {
    return tags;
  }

  /**
   * What CloudFormation does with the connection when it leaves the stack. On a {@link Host} of
   * this library, a connection replaced with its host is deleted whatever this policy, and a
   * retained connection on a host with {@link RemovalPolicy#DESTROY} is refused at synth (the
   * service deletes a host only once no connection uses it).
   *
   * <p>The default keeps the connection when it leaves the stack or the stack is deleted, but not
   * when the deployment that made it fails: CloudFormation then deletes it in the rollback ({@code
   * DeletionPolicy: RetainExceptOnCreate}, "RetainExceptOnCreate behaves like Retain for stack
   * operations, except for the stack operation that initially created the resource", DeletionPolicy
   * attribute,
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html),
   * so that the next deploy can make a connection of the same name ("Connection names must be
   * unique in an AWS account"). {@link RemovalPolicy#RETAIN} keeps it then too, and the retry
   * collides on the name.
   *
   * @return the policy, or null
   * @default {@link RemovalPolicy#RETAIN_ON_UPDATE_OR_DELETE}: a deleted connection cannot be
   *     brought back, and every user of a new one must go through the console handshake with the
   *     provider again; one that was never deployed is not worth keeping
   */
  public RemovalPolicy getRemovalPolicy() {
    return removalPolicy;
  }

  /**
   * Whether to add a stack output with the console address where the connection's handshake is
   * finished.
   *
   * @return the flag, or null
   * @default true
   */
  public Boolean getHandshakeOutput() {
    return handshakeOutput;
  }

  /**
   * The API namespace to make the connection in. {@link ServiceNamespace#CODESTAR_CONNECTIONS}
   * emits {@code AWS::CodeStarConnections::Connection} (ARN {@code
   * arn:...:codestar-connections:...}); {@link ServiceNamespace#CODECONNECTIONS} emits {@code
   * AWS::CodeConnections::Connection} (ARN {@code arn:...:codeconnections:...}). Grants follow it.
   *
   * <p>The APIs' rules: a CODECONNECTIONS connection may use a host of either namespace; a
   * CODESTAR_CONNECTIONS connection only a codestar-connections host; {@link
   * ProviderType#AZURE_DEVOPS} exists in CODECONNECTIONS only. Anything else fails at construction.
   *
   * <p>Changing it on a deployed stack replaces the connection (a new logical id): a new ARN, and a
   * new console handshake before pipelines can use it.
   *
   * @return the namespace, or null
   * @default the host's namespace when it is known at synth (a {@link Host}, or a host imported
   *     from a literal ARN); {@link ServiceNamespace#CODECONNECTIONS} for {@link
   *     ProviderType#AZURE_DEVOPS}; else {@link ServiceNamespace#CODESTAR_CONNECTIONS}, also for a
   *     host whose ARN is a token (set it explicitly for a codeconnections host imported that way)
   */
  public ServiceNamespace getServiceNamespace() {
    return serviceNamespace;
  }

  /**
   * The setters of {@link ConnectionProps}, written once for {@link Builder} and {@link
   * Connection.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private String connectionName;
    private ProviderType providerType;
    private IHost host;
    private Map<String, String> tags;
    private RemovalPolicy removalPolicy;
    private Boolean handshakeOutput;
    private ServiceNamespace serviceNamespace;

    Setters() {}

    /**
     * Sets {@link ConnectionProps#getConnectionName()}.
     *
     * @param connectionName 1 to 32 characters
     * @return this builder
     */
    public B connectionName(String connectionName) {
      this.connectionName = connectionName;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionProps#getProviderType()}.
     *
     * @param providerType the provider
     * @return this builder
     */
    public B providerType(ProviderType providerType) {
      this.providerType = providerType;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionProps#getHost()}.
     *
     * @param host the host of a self-managed provider
     * @return this builder
     */
    public B host(IHost host) {
      this.host = host;
      return (B) this;
    }

    /**
     * Sets the host from aws-cdk's reference (an L1 {@code CfnHost}, or any implementer), as {@link
     * Host#fromHostRef} reads it.
     *
     * @param host the reference
     * @return this builder
     */
    public B host(software.amazon.awscdk.interfaces.codeconnections.IHostRef host) {
      return host(CdkReferences.host(host));
    }

    /**
     * Sets {@link ConnectionProps#getTags()}.
     *
     * @param tags keys 1 to 128 characters not starting with {@code aws:}, values 0 to 256; at most
     *     50 with those of {@code Tags.of}
     * @return this builder
     */
    public B tags(Map<String, String> tags) {
      this.tags = tags;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionProps#getRemovalPolicy()}.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public B removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = removalPolicy;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionProps#getHandshakeOutput()}.
     *
     * @param handshakeOutput false to leave out the handshake address output
     * @return this builder
     */
    public B handshakeOutput(Boolean handshakeOutput) {
      this.handshakeOutput = handshakeOutput;
      return (B) this;
    }

    /**
     * Sets {@link ConnectionProps#getServiceNamespace()}.
     *
     * @param serviceNamespace the namespace to make the connection in
     * @return this builder
     */
    public B serviceNamespace(ServiceNamespace serviceNamespace) {
      this.serviceNamespace = serviceNamespace;
      return (B) this;
    }
  }

  /** Builds {@link ConnectionProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props.
     *
     * @return an immutable copy of what was set
     */
    public ConnectionProps build() {
      return new ConnectionProps(this);
    }
  }
}
