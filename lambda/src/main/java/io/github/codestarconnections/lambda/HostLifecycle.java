package io.github.codestarconnections.lambda;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions of the host custom resource, written once over {@link HostApi}: Create in {@link
 * HostCreation}, Update in {@link HostUpdate}, Delete in {@link HostDeletion}, waiting in {@link
 * HostReadiness}. A host ends every operation carrying exactly the user's tags; the handler's
 * markers ({@link MarkerTag}) are on it only while what they mark lasts.
 */
public final class HostLifecycle {
  /** onEvent's time budget for CreateHost attempts when the Lambda context is unknown. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

  /**
   * What onEvent keeps of its remaining time for the last attempt and the last look (each call is
   * bounded by {@link ServiceClients#CALL_TIMEOUT}) and its answer.
   */
  public static final Duration BUDGET_RESERVE = Duration.ofSeconds(40);

  /** The first pause between CreateHost attempts (later ones grow, with jitter, to 10 s). */
  public static final Duration DEFAULT_RETRY_DELAY = Backoff.BASE;

  private final HostApi api;
  private final HostCreation creation;
  private final Clock clock;

  /**
   * Creates one on the system's wall clock.
   *
   * @param api the service
   * @param pacing the clock and sleep of the retries ({@link Pacing#virtual()} in tests)
   */
  public HostLifecycle(HostApi api, Pacing pacing) {
    this(api, pacing, Clock.systemUTC());
  }

  /**
   * Creates one.
   *
   * @param api the service
   * @param pacing the clock and sleep of the retries ({@link Pacing#virtual()} in tests)
   * @param clock the wall clock a Delete's wait for connections is measured on (it spans several
   *     invocations, so it cannot be the monotonic clock of {@link Pacing})
   */
  public HostLifecycle(HostApi api, Pacing pacing, Clock clock) {
    this.api = api;
    this.creation = new HostCreation(api, pacing);
    this.clock = clock;
  }

  /**
   * Handles onEvent with the default time budget.
   *
   * @param e the event
   * @return the physical id and data
   * @throws ResourceFailure with the reason for CloudFormation
   */
  public OnEventOutcome onEvent(HostEvent e) {
    return onEvent(e, DEFAULT_BUDGET);
  }

  /**
   * Handles onEvent.
   *
   * @param e the event
   * @param budget how long CreateHost attempts may go on
   * @return the physical id and data
   * @throws ResourceFailure with the reason for CloudFormation
   */
  public OnEventOutcome onEvent(HostEvent e, Duration budget) {
    if (e.requestType() != RequestType.DELETE) {
      requireOwner(e);
    }
    return switch (e.requestType()) {
      case CREATE -> {
        String id =
            creation.create(
                e,
                e.properties(),
                budget,
                "If this host is the same host moving to another namespace or backend (a new"
                    + " logical id: CloudFormation makes the new host before it deletes the old),"
                    + " keep the URL in three deploys: "
                    + Failures.inThreeDeploys("the host back")
                    + "; or give it another providerEndpoint. If it is a host made before (for"
                    + " example one an earlier stack retained), delete it or import it with"
                    + " Host.fromHostArn.",
                () -> {});
        yield new OnEventOutcome(id, data(id, e.properties().name()), creation.note(id));
      }
      case UPDATE -> new HostUpdate(api, creation).update(e, budget);
      case DELETE -> new HostDeletion(api, clock).delete(e);
    };
  }

  /**
   * Handles isComplete.
   *
   * @param e the event, with onEvent's PhysicalResourceId
   * @return whether it is done
   * @throws ResourceFailure with the reason for CloudFormation
   */
  public IsCompleteOutcome isComplete(HostEvent e) {
    return e.requestType() == RequestType.DELETE
        ? new HostDeletion(api, clock).deleteComplete(e)
        : new HostReadiness(api).ready(e);
  }

  /**
   * The time budget of one onEvent for CreateHost attempts.
   *
   * @param remainingMillis the Lambda context's remaining time, or null without a context
   * @return the remaining time less {@link #BUDGET_RESERVE}, or {@link #DEFAULT_BUDGET}
   */
  public static Duration budget(Integer remainingMillis) {
    if (remainingMillis == null) {
      return DEFAULT_BUDGET;
    }
    Duration left = Duration.ofMillis(remainingMillis).minus(BUDGET_RESERVE);
    return left.isNegative() ? Duration.ZERO : left;
  }

  // ---- Shared by the decisions ------------------------------------------------------------------

  /**
   * A Create or Update writes markers whose proof names the stack and the resource ({@link
   * MarkerTag}): CloudFormation always sends both; without them the handler could not prove later
   * which hosts are this resource's, so it touches nothing.
   */
  private static void requireOwner(HostEvent e) {
    if (e.stackId() == null || e.stackId().isEmpty() || e.logicalResourceId() == null) {
      throw EventFields.invalid(
          e.logicalResourceId(),
          "StackId or LogicalResourceId is missing; the handler marks the hosts it makes with"
              + " both. Invoke the handler through the CDK Provider framework.");
    }
  }

  static String requireHostArn(HostApi api, HostEvent e) {
    Optional<HostArn> arn = HostArn.parse(e.physicalResourceId());
    if (arn.isEmpty()) {
      throw new ResourceFailure(
          "Host '"
              + e.hostName()
              + "': PhysicalResourceId '"
              + ResourceFailure.bound(
                  String.valueOf(e.physicalResourceId()), ResourceFailure.MAX_QUOTE)
              + "' is not a host ARN, so there is no host to "
              + (e.requestType() == RequestType.UPDATE ? "update" : "wait for")
              + ". Rename the host so that CloudFormation creates a new one.");
    }
    requireAddressable(api, e, arn.get());
    return arn.get().value();
  }

  static void requireAddressable(HostApi api, HostEvent e, HostArn arn) {
    if (!api.namespace().accepts(arn.service())) {
      throw new ResourceFailure(
          Failures.describe(e.hostName(), arn.value())
              + ": the "
              + api.namespace().arnService()
              + " API does not accept "
              + arn.service()
              + " ARNs. Set "
              + Namespace.ENVIRONMENT_VARIABLE
              + "=codeconnections on the handler, which accepts both.");
    }
  }

  static Map<String, String> data(String arn, String name) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("HostArn", arn);
    data.put("Name", name);
    return data;
  }
}
