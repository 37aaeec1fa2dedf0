package io.github.codestarconnections;

import software.amazon.awscdk.Duration;

/**
 * Properties of {@link HostProviderSettings}. Immutable; make one with {@link #builder()}.
 *
 * <p>The waits between status checks of a host that is not ready yet start at {@link
 * #getQueryInterval()} and double up to {@link #getMaxQueryInterval()}, until {@link
 * #getTotalTimeout()}; the first check is made at once.
 */
public final class HostProviderSettingsProps {
  private final Duration queryInterval;
  private final Duration maxQueryInterval;
  private final Duration totalTimeout;
  private final Boolean snapStart;

  HostProviderSettingsProps(Setters<?> b) {
    this.queryInterval = b.queryInterval;
    this.maxQueryInterval = b.maxQueryInterval;
    this.totalTimeout = b.totalTimeout;
    this.snapStart = b.snapStart;
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
   * How long the provider waits before it first asks again whether a host is ready (a host without
   * a VPC is ready at once; one in a VPC takes minutes). The waits then double, up to {@link
   * #getMaxQueryInterval()}. At least 1 second, and {@link #getTotalTimeout()} must be a whole
   * multiple of it (the CDK Provider framework divides one by the other).
   *
   * @return the interval, or null for the default
   * @default 30 seconds
   */
  public Duration getQueryInterval() {
    return queryInterval;
  }

  /**
   * The longest wait between two checks of a host that is not ready yet: the waits start at {@link
   * #getQueryInterval()} and double up to this, so a long VPC set-up costs fewer status checks than
   * a fixed interval would (the counts are in docs/PERFORMANCE.md). Give it the queryInterval's
   * value to poll at a fixed interval.
   *
   * @return the longest wait, or null for the default
   * @default 60 seconds, or the queryInterval when that is longer
   */
  public Duration getMaxQueryInterval() {
    return maxQueryInterval;
  }

  /**
   * How long the provider waits for a host to be ready before failing the deployment (VPC set-up
   * takes minutes).
   *
   * @return the timeout, or null for the default
   * @default 30 minutes
   */
  public Duration getTotalTimeout() {
    return totalTimeout;
  }

  /**
   * Whether the provider's two Java functions start from a Lambda SnapStart snapshot: each
   * publishes a version with SnapStart on, the provider invokes those versions, and the handler
   * prepares itself before the snapshot is taken (clients built, request and response paths run
   * without a network call). A cold invocation then restores the snapshot instead of starting a
   * JVM; a deployment that changes the functions publishes new versions, each taking a snapshot.
   * Needs a region where Lambda offers SnapStart.
   *
   * @return whether SnapStart is on, or null for the default
   * @default false
   */
  public Boolean getSnapStart() {
    return snapStart;
  }

  /**
   * The setters of {@link HostProviderSettingsProps}, written once for {@link Builder} and {@link
   * HostProviderSettings.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private Duration queryInterval;
    private Duration maxQueryInterval;
    private Duration totalTimeout;
    private Boolean snapStart;

    Setters() {}

    /**
     * Sets {@link HostProviderSettingsProps#getQueryInterval()}.
     *
     * @param queryInterval the first wait, at least 1 second
     * @return this builder
     */
    public B queryInterval(Duration queryInterval) {
      this.queryInterval = queryInterval;
      return (B) this;
    }

    /**
     * Sets {@link HostProviderSettingsProps#getMaxQueryInterval()}.
     *
     * @param maxQueryInterval the longest wait, at least the queryInterval
     * @return this builder
     */
    public B maxQueryInterval(Duration maxQueryInterval) {
      this.maxQueryInterval = maxQueryInterval;
      return (B) this;
    }

    /**
     * Sets {@link HostProviderSettingsProps#getTotalTimeout()}.
     *
     * @param totalTimeout the timeout, a whole multiple of the queryInterval
     * @return this builder
     */
    public B totalTimeout(Duration totalTimeout) {
      this.totalTimeout = totalTimeout;
      return (B) this;
    }

    /**
     * Sets {@link HostProviderSettingsProps#getSnapStart()}.
     *
     * @param snapStart whether the functions start from a SnapStart snapshot
     * @return this builder
     */
    public B snapStart(Boolean snapStart) {
      this.snapStart = snapStart;
      return (B) this;
    }
  }

  /** Builds {@link HostProviderSettingsProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props.
     *
     * @return an immutable copy of what was set
     */
    public HostProviderSettingsProps build() {
      return new HostProviderSettingsProps(this);
    }
  }
}
