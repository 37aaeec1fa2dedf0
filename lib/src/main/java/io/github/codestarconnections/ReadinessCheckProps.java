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

  private ReadinessCheckProps(Builder b) {
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

  /** A builder for {@link ReadinessCheckProps}. */
  public static final class Builder {
    private IConnection connection;
    private IHost host;
    private ReadinessMode mode;
    private Duration timeout;
    private Rerun rerun;
    private Boolean output;

    private Builder() {}

    /**
     * Sets {@link ReadinessCheckProps#getConnection()}.
     *
     * @param connection the connection
     * @return this builder
     */
    public Builder connection(IConnection connection) {
      this.connection = connection;
      return this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getHost()}.
     *
     * @param host the host
     * @return this builder
     */
    public Builder host(IHost host) {
      this.host = host;
      return this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getMode()}.
     *
     * @param mode REPORT, REQUIRE_AVAILABLE or WAIT_FOR_AVAILABLE
     * @return this builder
     */
    public Builder mode(ReadinessMode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getTimeout()}.
     *
     * @param timeout how long WAIT_FOR_AVAILABLE waits
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getRerun()}.
     *
     * @param rerun when the check runs again
     * @return this builder
     */
    public Builder rerun(Rerun rerun) {
      this.rerun = rerun;
      return this;
    }

    /**
     * Sets {@link ReadinessCheckProps#getOutput()}.
     *
     * @param output false to leave out the stack output
     * @return this builder
     */
    public Builder output(Boolean output) {
      this.output = output;
      return this;
    }

    /**
     * Builds the props.
     *
     * @return the props
     */
    public ReadinessCheckProps build() {
      return new ReadinessCheckProps(this);
    }
  }
}
