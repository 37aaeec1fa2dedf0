package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * isComplete of a Create or Update: done when the host is PENDING or AVAILABLE and GetHost shows
 * the wanted endpoint and VPC (GetHost may still show the old state just after UpdateHost).
 * VPC_CONFIG_INITIALIZING and VPC_CONFIG_DELETING are waited out; VPC_CONFIG_FAILED_INITIALIZATION
 * and ERROR fail, quoting the status message from ListHosts (GetHost has none); unknown statuses
 * are waited out. A host that GetHost does not see yet is waited for when this request made it.
 * Throttling, 5xx and missing answers mean "not yet", since the framework polls again.
 *
 * <p>When the host made by this request is ready, its create marker is removed (retried on the next
 * poll if that fails), so it carries exactly the user's tags. A {@link Placeholder} is resolved by
 * the marker, and the host's ARN answered as the physical id.
 */
final class HostReadiness {
  private final HostApi api;

  HostReadiness(HostApi api) {
    this.api = api;
  }

  IsCompleteOutcome ready(HostEvent e) {
    Optional<String> unsettled = Placeholder.requestId(e.physicalResourceId());
    String arn;
    if (unsettled.isPresent()) {
      Optional<HostState> found;
      try {
        found =
            HostListing.of(api)
                .withMarker(
                    MarkerTag.KEY,
                    unsettled.get(),
                    h -> LiveConfig.sameIdentity(e.properties(), h));
      } catch (HostApiException ex) {
        if (ex.isTransient()) {
          return notYet("looking for the host: " + ex.kind());
        }
        throw Failures.failure(e.hostName(), null, ex, Failures.adviceFor(api.namespace(), ex));
      }
      if (found.isEmpty()) {
        return notYet("no host carries this request's marker yet (CreateHost's outcome unknown)");
      }
      arn = found.get().arn();
    } else {
      arn = HostLifecycle.requireHostArn(api, e);
    }
    HostState live;
    try {
      live = api.getHost(arn);
    } catch (HostApiException ex) {
      if (ex.isTransient() || (ex.kind() == Kind.NOT_FOUND && madeByThisRequest(e))) {
        // A new host may not be visible yet; the framework's total timeout bounds this.
        return notYet("GetHost: " + ex.kind());
      }
      throw Failures.failure(e.hostName(), arn, ex, Failures.notFoundOr(api.namespace(), ex));
    }
    String status = live.status();
    switch (StatusKind.of(status)) {
      case READY:
        if (!LiveConfig.shows(e.properties(), live)) {
          return notYet("waiting for GetHost to show the wanted endpoint and VPC");
        }
        if (unsettled.isPresent() || madeByThisRequest(e)) {
          try {
            api.untagResource(arn, List.of(MarkerTag.KEY));
          } catch (HostApiException ex) {
            if (ex.isTransient() || ex.kind() == Kind.NOT_FOUND) {
              return notYet("removing the create marker: " + ex.kind() + ", again next poll");
            }
            throw Failures.failure(live.name(), arn, ex, Failures.adviceFor(api.namespace(), ex));
          }
        }
        Map<String, String> data = new LinkedHashMap<>(HostLifecycle.data(arn, live.name()));
        data.put("Status", status);
        return new IsCompleteOutcome(
            true, data, "ready: " + status, unsettled.isPresent() ? arn : null);
      case WORKING:
        return notYet("waiting: " + status);
      case FAILED:
        throw new ResourceFailure(
            Failures.describe(live.name(), arn)
                + " is "
                + ResourceFailure.bound(status, 64)
                + ": "
                + ResourceFailure.bound(statusMessage(arn), ResourceFailure.MAX_QUOTE)
                + ". "
                + (status.contains("VPC")
                    ? "Check that the VPC, subnets and security groups can reach ProviderEndpoint"
                        + " and that TlsCertificate is the endpoint's certificate; fix"
                        + " VpcConfiguration and deploy again."
                    : "Fix the cause above (see the host in the Developer Tools console) and"
                        + " deploy again."));
      default:
        return notYet("unknown status " + status + ", waiting");
    }
  }

  /** A Create, or an Update asking for a new name or type: the host may be one just made. */
  private static boolean madeByThisRequest(HostEvent e) {
    if (e.requestType() == RequestType.CREATE) {
      return true;
    }
    HostSpec old = e.oldProperties();
    return old != null
        && (!old.name().equals(e.properties().name())
            || !old.providerType().equals(e.properties().providerType()));
  }

  private String statusMessage(String arn) {
    try {
      for (HostState h : api.listHosts()) {
        if (arn.equals(h.arn()) && h.statusMessage() != null && !h.statusMessage().isBlank()) {
          return h.statusMessage();
        }
      }
      return "the service gave no status message";
    } catch (HostApiException ex) {
      return "the status message is unavailable (ListHosts failed: " + ex.kind() + ")";
    }
  }

  private static IsCompleteOutcome notYet(String note) {
    return new IsCompleteOutcome(false, Map.of(), note);
  }
}
