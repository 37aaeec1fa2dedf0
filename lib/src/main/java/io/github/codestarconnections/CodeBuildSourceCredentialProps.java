package io.github.codestarconnections;

/**
 * Properties of a {@link CodeBuildSourceCredential}. Immutable; make one with {@link #builder()}.
 */
public final class CodeBuildSourceCredentialProps {
  private final IConnection connection;
  private final ProviderType providerType;

  CodeBuildSourceCredentialProps(Setters<?> b) {
    this.connection = b.connection;
    this.providerType = b.providerType;
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
   * The connection that becomes the account's default credential for its server type (the
   * credential's {@code Token} is the connection's ARN).
   *
   * @return the connection
   * @default none; required
   */
  public IConnection getConnection() {
    return connection;
  }

  /**
   * The connection's provider, which picks the credential's server type ({@code GITHUB}, {@code
   * GITHUB_ENTERPRISE}, {@code GITLAB}, {@code GITLAB_SELF_MANAGED} or {@code BITBUCKET}).
   *
   * @return the provider
   * @default the provider of a {@link Connection} made in this app; required for an import
   */
  public ProviderType getProviderType() {
    return providerType;
  }

  /**
   * The setters of {@link CodeBuildSourceCredentialProps}, written once for {@link Builder} and
   * {@link CodeBuildSourceCredential.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private IConnection connection;
    private ProviderType providerType;

    Setters() {}

    /**
     * @param connection the connection: {@link CodeBuildSourceCredentialProps#getConnection()}
     * @return this builder
     */
    public B connection(IConnection connection) {
      this.connection = connection;
      return (B) this;
    }

    /**
     * Sets the connection from aws-cdk's codestar-connections reference (an L1 {@code
     * codestarconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public B connection(
        software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * Sets the connection from aws-cdk's codeconnections reference (an L1 {@code
     * codeconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codeconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public B connection(
        software.amazon.awscdk.interfaces.codeconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * @param providerType the provider: {@link CodeBuildSourceCredentialProps#getProviderType()}
     * @return this builder
     */
    public B providerType(ProviderType providerType) {
      this.providerType = providerType;
      return (B) this;
    }
  }

  /** Builds {@link CodeBuildSourceCredentialProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props.
     *
     * @return an immutable copy of what was set
     */
    public CodeBuildSourceCredentialProps build() {
      return new CodeBuildSourceCredentialProps(this);
    }
  }
}
