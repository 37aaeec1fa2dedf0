package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
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
 *       (DeleteHost, both models): the handler lists the host's connections first and fails at once
 *       naming them, and does so again whenever DeleteHost is refused, whatever the error code (it
 *       is undocumented). The handler's passing markers are removed from a host that stays.
 *   <li>DeleteHost; ResourceNotFoundException means already gone. A busy host is left to
 *       isComplete, which waits while VPC_CONFIG_INITIALIZING or VPC_CONFIG_DELETING, sends
 *       DeleteHost again otherwise, and is done when GetHost answers ResourceNotFoundException.
 * </ul>
 */
final class HostDeletion {
  private final HostApi api;

  HostDeletion(HostApi api) {
    this.api = api;
  }

  OnEventOutcome delete(HostEvent e) {
    String id = e.physicalResourceId();
    Optional<String> arn = hostOf(e);
    if (arn.isEmpty()) {
      return new OnEventOutcome(id, Map.of(), "no host to delete");
    }
    String a = arn.get();
    List<String> using = connections(a);
    if (using != null && !using.isEmpty()) {
      throw inUse(e, a, using);
    }
    try {
      api.deleteHost(a);
      return new OnEventOutcome(id, Map.of("HostArn", a), "delete requested");
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return new OnEventOutcome(id, Map.of("HostArn", a), "already gone");
      }
      if (ex.isTransient()) {
        return new OnEventOutcome(
            id, Map.of("HostArn", a), "DeleteHost deferred to isComplete: " + ex.kind());
      }
      throw refused(e, a, ex);
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
    try {
      api.deleteHost(a);
      return new IsCompleteOutcome(false, Map.of(), "DeleteHost sent again from " + live.status());
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return new IsCompleteOutcome(true, Map.of("HostArn", a), "gone");
      }
      if (ex.isTransient()) {
        List<String> using = connections(a);
        if (using != null && !using.isEmpty()) {
          throw inUse(e, a, using);
        }
        return new IsCompleteOutcome(false, Map.of(), "DeleteHost: " + ex.kind());
      }
      throw refused(e, a, ex);
    }
  }

  /** The host ARN the physical id stands for, if there is a host to delete. */
  private Optional<String> hostOf(HostEvent e) {
    Optional<String> unsettled = Placeholder.requestId(e.physicalResourceId());
    if (unsettled.isPresent()) {
      try {
        return HostListing.of(api)
            .withMarker(
                MarkerTag.KEY,
                unsettled.get(),
                h -> e.properties() == null || LiveConfig.sameIdentity(e.properties(), h))
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

  private ResourceFailure refused(HostEvent e, String arn, HostApiException ex) {
    List<String> using = connections(arn);
    if (using != null && !using.isEmpty()) {
      return inUse(e, arn, using);
    }
    return Failures.failure(e.hostName(), arn, ex, Failures.adviceFor(api.namespace(), ex));
  }

  /** The host stays: it keeps exactly the user's tags. */
  private ResourceFailure inUse(HostEvent e, String arn, List<String> using) {
    try {
      api.untagResource(arn, List.of(MarkerTag.REPLACED_BY, MarkerTag.VPC_ADDED));
    } catch (HostApiException ignored) {
      // Best effort: the failure below is what matters.
    }
    return Failures.inUse(e.hostName(), arn, using);
  }
}
