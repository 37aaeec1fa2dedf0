package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The settings of a stack's host provider: how it waits for hosts to be ready, and whether its
 * functions start from a Lambda SnapStart snapshot. A stack has at most one, at construct id
 * {@value #ID}, and it applies to every {@link Host} of the stack that is backed by the custom
 * resource, in both namespaces (each namespace has its own provider). Without it the provider uses
 * the defaults documented on {@link HostProviderSettingsProps}.
 *
 * <p>Make it before the stack's first such Host (or connection lookup, or {@link ReadinessCheck},
 * which the provider serves too): the provider is built with the first of them and reads the
 * settings then.
 *
 * <pre>{@code
 * HostProviderSettings.Builder.create(stack)
 *     .queryInterval(Duration.seconds(20))
 *     .totalTimeout(Duration.minutes(40))
 *     .snapStart(true)
 *     .build();
 * Host.Builder.create(stack, "Ghes")...build();
 * }</pre>
 */
public class HostProviderSettings extends Construct {
  /** The construct id of the settings under their stack. */
  public static final String ID = "HostProviderSettings";

  private static final String KEPT_FOR = "the host provider settings";

  static final Duration DEFAULT_QUERY_INTERVAL = Duration.seconds(30);

  /** The longest wait between two status checks, unless queryInterval is longer. */
  static final Duration DEFAULT_MAX_QUERY_INTERVAL = Duration.seconds(60);

  static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.minutes(30);

  /** What a provider is built with: the settings of its stack, or the defaults. */
  static final Values DEFAULTS =
      new Values(DEFAULT_QUERY_INTERVAL, DEFAULT_MAX_QUERY_INTERVAL, DEFAULT_TOTAL_TIMEOUT, false);

  private final Values values;

  /**
   * Resolved settings, defaults filled in.
   *
   * @param queryInterval the first wait
   * @param maxQueryInterval the longest wait
   * @param totalTimeout how long the provider waits in all
   * @param snapStart whether the functions use SnapStart
   */
  record Values(
      Duration queryInterval,
      Duration maxQueryInterval,
      Duration totalTimeout,
      boolean snapStart) {}

  /**
   * Defines the settings of a stack's host provider.
   *
   * @param stack the stack whose host providers these settings configure
   * @param props the settings
   * @throws IllegalArgumentException when the stack already has settings or a host provider, or on
   *     intervals the waiter cannot use
   */
  public HostProviderSettings(Stack stack, HostProviderSettingsProps props) {
    // Checked before the construct joins the tree, so a refused one leaves nothing behind.
    this(firstInStack(stack), resolve(Owner.child("HostProviderSettings", stack, ID), props));
  }

  private HostProviderSettings(Stack stack, Values values) {
    super(stack, ID);
    this.values = values;
    // Settings without a custom-resource host configure nothing; say so rather than drop them.
    Owner owner = new Owner("HostProviderSettings", this);
    getNode().addValidation(() -> unusedErrors(stack, owner));
  }

  /**
   * The settings of a stack, or the defaults when it has none.
   *
   * @param stack the stack
   * @param host the host whose provider is being built, for the error message
   * @return the values
   * @throws IllegalArgumentException when a construct that is not ours holds {@link #ID}
   */
  static Values of(Stack stack, Owner host) {
    HostProviderSettings found =
        ReservedChild.find(stack, ID, HostProviderSettings.class, KEPT_FOR, host);
    return found == null ? DEFAULTS : found.values;
  }

  /**
   * The first wait between two status checks.
   *
   * @return the interval
   */
  public Duration getQueryInterval() {
    return values.queryInterval();
  }

  /**
   * The longest wait between two status checks.
   *
   * @return the longest wait
   */
  public Duration getMaxQueryInterval() {
    return values.maxQueryInterval();
  }

  /**
   * How long the provider waits for a host in all.
   *
   * @return the timeout
   */
  public Duration getTotalTimeout() {
    return values.totalTimeout();
  }

  /**
   * Whether the provider's functions start from a SnapStart snapshot.
   *
   * @return true when SnapStart is on
   */
  public boolean isSnapStart() {
    return values.snapStart();
  }

  /** Refuses a second settings construct, and settings made after a provider already exists. */
  private static Stack firstInStack(Stack stack) {
    Owner where = Owner.child("HostProviderSettings", stack, ID);
    if (ReservedChild.find(stack, ID, HostProviderSettings.class, KEPT_FOR, where) != null) {
      throw new IllegalArgumentException(
          where
              + ": the stack already has HostProviderSettings; a stack has one, shared by every"
              + " host provider in it: set every option on that one");
    }
    for (ServiceNamespace namespace : ServiceNamespace.values()) {
      if (stack.getNode().tryFindChild(HostProvider.idFor(namespace))
          instanceof HostProvider built) {
        throw new IllegalArgumentException(
            where
                + ": the stack's host provider "
                + built.getNode().getPath()
                + " was already built, with the settings it had then, for "
                + built.builtFor()
                + "; make HostProviderSettings before the stack's first Host, connection lookup or"
                + " ReadinessCheck");
      }
    }
    return stack;
  }

  private static Values resolve(Owner owner, HostProviderSettingsProps props) {
    Duration interval =
        props.getQueryInterval() == null ? DEFAULT_QUERY_INTERVAL : props.getQueryInterval();
    // Step Functions' IntervalSeconds and MaxDelaySeconds are positive whole seconds
    // (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
    wholePositiveSeconds(owner, "queryInterval", interval);
    Duration maxInterval = props.getMaxQueryInterval();
    if (maxInterval == null) {
      maxInterval =
          seconds(interval) > seconds(DEFAULT_MAX_QUERY_INTERVAL)
              ? interval
              : DEFAULT_MAX_QUERY_INTERVAL;
    } else {
      wholePositiveSeconds(owner, "maxQueryInterval", maxInterval);
      if (seconds(maxInterval) < seconds(interval)) {
        throw new IllegalArgumentException(
            owner
                + ": maxQueryInterval "
                + maxInterval.toHumanString()
                + " is shorter than queryInterval "
                + interval.toHumanString()
                + "; the waits between status checks start at queryInterval and grow up to"
                + " maxQueryInterval (give both the same value for a fixed interval)");
      }
    }
    Duration total =
        props.getTotalTimeout() == null ? DEFAULT_TOTAL_TIMEOUT : props.getTotalTimeout();
    wholePositiveSeconds(owner, "totalTimeout", total);
    // The Provider framework refuses a totalTimeout that queryInterval does not divide
    // (aws-cdk-lib custom-resources/lib/provider-framework/util.ts, calculateRetryPolicy).
    if (seconds(total) % seconds(interval) != 0) {
      throw new IllegalArgumentException(
          owner
              + ": totalTimeout "
              + total.toHumanString()
              + " is not a whole multiple of queryInterval "
              + interval.toHumanString()
              + "; the CDK Provider framework counts its checks as totalTimeout / queryInterval");
    }
    return new Values(interval, maxInterval, total, Boolean.TRUE.equals(props.getSnapStart()));
  }

  private static void wholePositiveSeconds(Owner owner, String property, Duration value) {
    double millis = value.toMilliseconds().doubleValue();
    if (millis < 1000 || millis % 1000 != 0) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " "
              + value.toHumanString()
              + " is not a whole number of seconds of at least 1; the waiter counts in whole"
              + " seconds");
    }
  }

  private static long seconds(Duration d) {
    return d.toMilliseconds().longValue() / 1000;
  }

  private static List<String> unusedErrors(Stack stack, Owner owner) {
    List<String> errors = new ArrayList<>();
    for (ServiceNamespace namespace : ServiceNamespace.values()) {
      if (stack.getNode().tryFindChild(HostProvider.idFor(namespace)) != null) {
        return errors;
      }
    }
    errors.add(
        owner
            + ": the stack has no Host backed by the custom resource ("
            + Host.RESOURCE_TYPE
            + "), so no host provider reads these settings; remove them, or put them in the stack"
            + " of such a Host");
    return errors;
  }

  /** A fluent builder for {@link HostProviderSettings}. */
  public static final class Builder extends HostProviderSettingsProps.Setters<Builder> {
    private final Stack stack;

    private Builder(Stack stack) {
      this.stack = stack;
    }

    /**
     * Starts the settings of a stack's host provider.
     *
     * @param stack the stack
     * @return the builder
     */
    public static Builder create(Stack stack) {
      return new Builder(stack);
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public HostProviderSettings build() {
      return new HostProviderSettings(stack, new HostProviderSettingsProps(this));
    }
  }
}
