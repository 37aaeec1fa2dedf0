package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Delete, whatever the event's properties were (they may be missing or unusable). The physical id
 * stays what CloudFormation sent (the framework refuses a Delete that changes it).
 *
 * <ul>
 *   <li>A {@link Placeholder} deletes the host its marker finds, if any; another id that is no host
 *       ARN (a Create that failed before making a host) is deleted without any call.
 *   <li>"Before you delete a host, all connections associated to the host must be deleted"
 *       (DeleteHost, both models): the handler lists the host's connections first, and while some
 *       use the host it waits for them for a bounded time ({@link DeleteWait}: they may be on their
 *       way out in the same cleanup), then fails naming them; likewise whenever DeleteHost is
 *       refused, whatever the error code (it is undocumented). The handler's passing markers are
 *       removed from a host that stays.
 *   <li>DeleteHost; ResourceNotFoundException means already gone. A busy host is left to
 *       isComplete, which waits while VPC_CONFIG_INITIALIZING or VPC_CONFIG_DELETING, sends
 *       DeleteHost again otherwise, and is done when GetHost answers ResourceNotFoundException.
 * </ul>
 */
final class HostDeletion {
  private final HostApi api;
  private final Clock clock;

  HostDeletion(HostApi api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  OnEventOutcome delete(HostEvent e) {
    String id = e.physicalResourceId();
    Optional<String> arn = hostOf(e);
    if (arn.isEmpty()) {
      return new OnEventOutcome(id, Map.of(), "no host to delete");
    }
    String a = arn.get();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("HostArn", a);
    data.put(DeleteWait.KEY, DeleteWait.from(clock));
    List<String> using = connections(a);
    if (using != null && !using.isEmpty()) {
      return new OnEventOutcome(
          id,
          data,
          "DeleteHost deferred to isComplete: waiting for " + using.size() + " connection(s)");
    }
    try {
      api.deleteHost(a);
      return new OnEventOutcome(id, data, "delete requested");
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return new OnEventOutcome(id, data, "already gone");
      }
      if (ex.isTransient() || usedByConnections(a)) {
        return new OnEventOutcome(id, data, "DeleteHost deferred to isComplete: " + ex.kind());
      }
      throw Failures.failure(e.hostName(), a, ex, Failures.adviceFor(api.namespace(), ex));
    }
  }

  IsCompleteOutcome deleteComplete(HostEvent e) {
    Optional<String> arn = hostOf(e);
    if (arn.isEmpty()) {
      return new IsCompleteOutcome(true, Map.of(), "no host to wait for");
    }
    String a = arn.get();
    HostState live;
    try {
      live = api.getHost(a);
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return new IsCompleteOutcome(true, Map.of("HostArn", a), "gone");
      }
      if (ex.isTransient()) {
        return new IsCompleteOutcome(false, Map.of(), "GetHost: " + ex.kind());
      }
      throw Failures.failure(e.hostName(), a, ex, Failures.adviceFor(api.namespace(), ex));
    }
    if (StatusKind.of(live.status()) == StatusKind.WORKING) {
      return new IsCompleteOutcome(false, Map.of(), "waiting: " + live.status());
    }
    List<String> using = connections(a);
    if (using != null && !using.isEmpty()) {
      return waitForConnections(e, a, using);
    }
    try {
      api.deleteHost(a);
      return new IsCompleteOutcome(false, Map.of(), "DeleteHost sent again from " + live.status());
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return new IsCompleteOutcome(true, Map.of("HostArn", a), "gone");
      }
      if (ex.isTransient()) {
        return new IsCompleteOutcome(false, Map.of(), "DeleteHost: " + ex.kind());
      }
      using = connections(a);
      if (using != null && !using.isEmpty()) {
        return waitForConnections(e, a, using);
      }
      throw Failures.failure(e.hostName(), a, ex, Failures.adviceFor(api.namespace(), ex));
    }
  }

  /** Connections use the host: wait while the deadline lasts, then fail naming them. */
  private IsCompleteOutcome waitForConnections(HostEvent e, String arn, List<String> using) {
    Long until = e.connectionsWaitUntil();
    if (until != null && clock.millis() < until) {
      return new IsCompleteOutcome(
          false,
          Map.of(),
          "waiting for " + using.size() + " connection(s) on the host to be deleted");
    }
    throw inUse(e, arn, using);
  }

  /** The host ARN the physical id stands for, if there is a host to delete. */
  private Optional<String> hostOf(HostEvent e) {
    Optional<String> unsettled = Placeholder.requestId(e.physicalResourceId());
    if (unsettled.isPresent()) {
      try {
        MarkerTag.Writer creator =
            new MarkerTag.Writer(e.stackId(), e.logicalResourceId(), unsettled.get());
        return HostListing.of(api)
            .withMarker(
                MarkerTag.KEY,
                v -> MarkerTag.madeBy(v, creator),
                h ->
                    e.properties() == null
                        || e.properties().name() == null
                        || LiveConfig.sameIdentity(e.properties(), h))
            .map(HostState::arn);
      } catch (HostApiException ex) {
        throw Failures.failure(
            e.hostName(),
            null,
            ex,
            "The handler looks for the host an unsettled create made; "
                + Failures.adviceFor(api.namespace(), ex));
      }
    }
    Optional<HostArn> arn = HostArn.parse(e.physicalResourceId());
    arn.ifPresent(a -> HostLifecycle.requireAddressable(api, e, a));
    return arn.map(HostArn::value);
  }

  /** The host's connections, or null when they cannot be listed (DeleteHost will tell). */
  private List<String> connections(String arn) {
    try {
      return api.listConnections(arn);
    } catch (HostApiException ex) {
      return null;
    }
  }

  /** Whether connections are known to use the host. */
  private boolean usedByConnections(String arn) {
    List<String> using = connections(arn);
    return using != null && !using.isEmpty();
  }

  /**
   * The host stays: it keeps exactly the user's tags. (A placeholder's host keeps its create
   * marker, by which a Delete delivered again finds it.)
   */
  private ResourceFailure inUse(HostEvent e, String arn, List<String> using) {
    try {
      api.untagResource(
          arn,
          Placeholder.requestId(e.physicalResourceId()).isPresent()
              ? List.of(MarkerTag.REPLACED_BY, MarkerTag.VPC_ADDED)
              : MarkerTag.KEYS);
    } catch (HostApiException ignored) {
      // Best effort: the failure below is what matters.
    }
    return Failures.inUse(e.hostName(), arn, using);
  }
}
