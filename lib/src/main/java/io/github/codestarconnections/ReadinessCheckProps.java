package io.github.codestarconnections;

import software.amazon.awscdk.Duration;

/**
 * Properties of a {@link ReadinessCheck}: one connection or one host, and what to do when it is not
 * {@code AVAILABLE}. Immutable; make one with {@link #builder()}.
 */
public final class ReadinessCheckProps {
  private final IConnection connection;
  private final IHost host;
  private final ReadinessMode mode;
  private final Duration timeout;
  private final Rerun rerun;
  private final Boolean output;

  ReadinessCheckProps(Setters<?> b) {
    this.connection = b.connection;
    this.host = b.host;
    this.mode = b.mode;
    this.timeout = b.timeout;
    this.rerun = b.rerun;
    this.output = b.output;
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
   * The connection to check: owned, imported or looked up.
   *
   * @return the connection, or null
   * @default none; give exactly one of connection and host
   */
  public IConnection getConnection() {
    return connection;
  }

  /**
   * The host to check: owned or imported.
   *
   * @return the host, or null
   * @default none; give exactly one of connection and host
   */
  public IHost getHost() {
    return host;
  }

  /**
   * What to do when the status is not {@code AVAILABLE}.
   *
   * @return the mode, or null
   * @default {@link ReadinessMode#REPORT}: the deployment is never stopped by the check
   */
  public ReadinessMode getMode() {
    return mode;
  }

  /**
   * How long {@link ReadinessMode#WAIT_FOR_AVAILABLE} waits; whole seconds, at most the stack's
   * provider {@code totalTimeout} less its {@code maxQueryInterval} ({@link HostProviderSettings}),
   * so that the check, not the provider, says why the wait ended.
   *
   * @return the timeout, or null
   * @default 10 minutes, or that bound when it is shorter; only with WAIT_FOR_AVAILABLE
   */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * When the check runs again.
   *
   * @return the policy, or null
   * @default {@link Rerun#ON_CHANGE}: when the check is new or its properties change
   */
  public Rerun getRerun() {
    return rerun;
  }

  /**
   * Whether the check adds a stack output with its summary (status, console address, what to do).
   *
   * @return the choice, or null
   * @default true
   */
  public Boolean getOutput() {
    return output;
  }

  /**
   * The setters of {@link ReadinessCheckProps}, written once for {@link Builder} and {@link
   * ReadinessCheck.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private IConnection connection;
    private IHost host;
    private ReadinessMode mode;
    private Duration timeout;
    private Rerun rerun;
    private Boolean output;

    Setters() {}

    /**
     * Sets {@link ReadinessCheckProps#getConnection()}.
     *
     * @param connection the connection
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
     * Sets {@link ReadinessCheckProps#getHost()}.
     *
     * @param host the host
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
     * Sets {@link ReadinessCheckProps#getMode()}.
     *
     * @param mode REPORT, REQUIRE_AVAILABLE or WAIT_FOR_AVAILABLE
     * @return this builder
     */
    public B mode(ReadinessMode mode) {
      this.mode = mode;
      return (B) this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getTimeout()}.
     *
     * @param timeout how long WAIT_FOR_AVAILABLE waits
     * @return this builder
     */
    public B timeout(Duration timeout) {
      this.timeout = timeout;
      return (B) this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getRerun()}.
     *
     * @param rerun when the check runs again
     * @return this builder
     */
    public B rerun(Rerun rerun) {
      this.rerun = rerun;
      return (B) this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getOutput()}.
     *
     * @param output false to leave out the stack output
     * @return this builder
     */
    public B output(Boolean output) {
      this.output = output;
      return (B) this;
    }
  }

  /** Builds {@link ReadinessCheckProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props.
     *
     * @return an immutable copy of what was set
     */
    public ReadinessCheckProps build() {
      return new ReadinessCheckProps(this);
    }
  }
}
