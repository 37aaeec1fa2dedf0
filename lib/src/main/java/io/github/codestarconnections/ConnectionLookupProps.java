package io.github.codestarconnections;

/**
 * What {@link Connection#fromConnectionLookup} looks for: a connection by name, narrowed by
 * namespace, provider type or host. Immutable; make one with {@link #builder()}.
 */
public final class ConnectionLookupProps {
  /** The custom resource type a lookup renders, served by the stack's host provider. */
  public static final String RESOURCE_TYPE = "Custom::CodeStarConnectionsConnectionLookup";

  private final String connectionName;
  private final ServiceNamespace serviceNamespace;
  private final ProviderType providerType;
  private final IHost host;
  private final Rerun rerun;

  private ConnectionLookupProps(Builder b) {
    this.connectionName = b.connectionName;
    this.serviceNamespace = b.serviceNamespace;
    this.providerType = b.providerType;
    this.host = b.host;
    this.rerun = b.rerun;
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
   * The connection's name, matched exactly (case-sensitive), 1 to 32 characters.
   *
   * @return the name
   */
  public String getConnectionName() {
    return connectionName;
  }

  /**
   * The namespace the connection's ARN is in: only such a connection matches, {@code grantUse}
   * grants only that namespace's actions, and the lookup runs on the stack's provider of that
   * namespace.
   *
   * @return the namespace, or null
   * @default unknown: a connection in either namespace matches, grants name both, and the lookup
   *     runs on the stack's {@code codeconnections} provider (its API accepts both namespaces' host
   *     ARNs)
   */
  public ServiceNamespace getServiceNamespace() {
    return serviceNamespace;
  }

  /**
   * The provider type, sent as ListConnections' {@code ProviderTypeFilter}.
   *
   * @return the provider type, or null
   * @default any provider; a self-managed one ({@code GITHUB_ENTERPRISE_SERVER}, {@code
   *     GITLAB_SELF_MANAGED}) needs {@link #getHost() host} too
   */
  public ProviderType getProviderType() {
    return providerType;
  }

  /**
   * The host the connection goes through, sent as ListConnections' {@code HostArnFilter}.
   *
   * @return the host, or null
   * @default any host, or none
   */
  public IHost getHost() {
    return host;
  }

  /**
   * When the lookup runs again.
   *
   * @return the policy, or null
   * @default {@link Rerun#ON_CHANGE}
   */
  public Rerun getRerun() {
    return rerun;
  }

  /** A builder for {@link ConnectionLookupProps}. */
  public static final class Builder {
    private String connectionName;
    private ServiceNamespace serviceNamespace;
    private ProviderType providerType;
    private IHost host;
    private Rerun rerun;

    private Builder() {}

    /**
     * Sets {@link ConnectionLookupProps#getConnectionName()}.
     *
     * @param connectionName the name, 1 to 32 characters
     * @return this builder
     */
    public Builder connectionName(String connectionName) {
      this.connectionName = connectionName;
      return this;
    }

    /**
     * Sets {@link ConnectionLookupProps#getServiceNamespace()}.
     *
     * @param serviceNamespace the namespace of the connection's ARN
     * @return this builder
     */
    public Builder serviceNamespace(ServiceNamespace serviceNamespace) {
      this.serviceNamespace = serviceNamespace;
      return this;
    }

    /**
     * Sets {@link ConnectionLookupProps#getProviderType()}.
     *
     * @param providerType the provider type
     * @return this builder
     */
    public Builder providerType(ProviderType providerType) {
      this.providerType = providerType;
      return this;
    }

    /**
     * Sets {@link ConnectionLookupProps#getHost()}.
     *
     * @param host the host
     * @return this builder
     */
    public Builder host(IHost host) {
      this.host = host;
      return this;
    }

    /**
     * Sets the host from aws-cdk's reference (an L1 {@code CfnHost}, or any implementer), as {@link
     * Host#fromHostRef} reads it.
     *
     * @param host the reference
     * @return this builder
     */
    public Builder host(software.amazon.awscdk.interfaces.codeconnections.IHostRef host) {
      return host(CdkReferences.host(host));
    }

    /**
     * Sets {@link ConnectionLookupProps#getRerun()}.
     *
     * @param rerun when the lookup runs again
     * @return this builder
     */
    public Builder rerun(Rerun rerun) {
      this.rerun = rerun;
      return this;
    }

    /**
     * Builds the props.
     *
     * @return the props
     */
    public ConnectionLookupProps build() {
      return new ConnectionLookupProps(this);
    }
  }
}
