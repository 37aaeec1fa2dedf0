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
 * <p>One failed status does not fail: a VPC whose set-up failed on a host whose properties want no
 * VPC. UpdateHost cannot remove a VPC, so such a host keeps it whatever this request does (the
 * rollback of a VPC addition that failed, or any later change that asks nothing of the VPC); the
 * request completes and its answer says so (Data {@value #NOTICE}).
 *
 * <p>Complete is where a request's outcome is settled: the markers it no longer needs are removed
 * from the host first ({@link MarkerSettlement}), retried on the next poll if that fails, so the
 * host carries exactly the user's tags. A {@link Placeholder} is resolved by the create marker, and
 * the host's ARN answered as the physical id.
 */
final class HostReadiness {
  /** The Data key of what a complete answer has to tell beyond the attributes. */
  static final String NOTICE = "Notice";

  private final HostApi api;

  HostReadiness(HostApi api) {
    this.api = api;
  }

  IsCompleteOutcome ready(HostEvent e) {
    Optional<String> unsettled = Placeholder.requestId(e.physicalResourceId());
    String arn;
    if (unsettled.isPresent()) {
      MarkerTag.Writer creator =
          new MarkerTag.Writer(e.stackId(), e.logicalResourceId(), unsettled.get());
      Optional<HostState> found;
      try {
        found =
            HostListing.of(api)
                .withMarker(
                    MarkerTag.KEY,
                    v -> MarkerTag.madeBy(v, creator),
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
        return settle(e, arn, live, unsettled.isPresent(), null);
      case WORKING:
        return notYet("waiting: " + status);
      case FAILED:
        String message = statusMessage(arn);
        if (e.properties().vpc() == null && LiveConfig.vpcSetUpFailed(live)) {
          return settle(e, arn, live, unsettled.isPresent(), message);
        }
        throw new ResourceFailure(
            Failures.describe(live.name(), arn)
                + " is "
                + ResourceFailure.bound(status, 64)
                + ": "
                + ResourceFailure.bound(message, ResourceFailure.MAX_QUOTE)
                + ". "
                + (status.contains("VPC")
                    ? "Check that the VPC, subnets and security groups can reach ProviderEndpoint"
                        + " and that TlsCertificate is the endpoint's certificate; fix the network"
                        + " or VpcConfiguration and deploy again (after the rollback; a host that"
                        + " keeps this VPC, which UpdateHost cannot remove, sets it up again then)."
                    : "Fix the cause above (see the host in the Developer Tools console) and"
                        + " deploy again."));
      default:
        return notYet("unknown status " + status + ", waiting");
    }
  }

  /**
   * The request's outcome is settled on the host: its passing markers go, and the answer carries
   * the attributes, and a notice when the host keeps a VPC its properties do not have.
   */
  private IsCompleteOutcome settle(
      HostEvent e, String arn, HostState live, boolean placeholder, String failedVpcMessage) {
    List<String> remove;
    try {
      remove = MarkerSettlement.toRemove(api.listTags(arn), e);
      if (!remove.isEmpty()) {
        api.untagResource(arn, remove);
      }
    } catch (HostApiException ex) {
      if (ex.isTransient() || ex.kind() == Kind.NOT_FOUND) {
        return notYet("removing the settled markers: " + ex.kind() + ", again next poll");
      }
      throw Failures.failure(live.name(), arn, ex, Failures.adviceFor(api.namespace(), ex));
    }
    Map<String, String> data = new LinkedHashMap<>(HostLifecycle.data(arn, live.name()));
    data.put("Status", live.status());
    String note = "ready: " + live.status();
    if (e.properties().vpc() == null && live.vpc() != null) {
      String notice = keptVpc(live, failedVpcMessage);
      data.put(NOTICE, notice);
      note = "complete, " + notice;
    }
    if (!remove.isEmpty()) {
      note += "; removed " + remove;
    }
    return new IsCompleteOutcome(true, data, note, placeholder ? arn : null);
  }

  /** What the answer says of a VPC the host keeps although its properties want none. */
  static String keptVpc(HostState live, String failedVpcMessage) {
    return "The host keeps VpcConfiguration "
        + live.vpc().vpcId()
        + " (status "
        + live.status()
        + (failedVpcMessage == null
            ? ""
            : ": " + ResourceFailure.bound(failedVpcMessage, ResourceFailure.MAX_QUOTE))
        + "), which its properties do not have: UpdateHost cannot remove a VPC. To use it, deploy"
        + " the host with its VPC again; to be rid of it, see the README, \"Removing a VPC from a"
        + " host\".";
  }

  /** A Create, or an Update asking for a new name or type: the host may be one just made. */
  private static boolean madeByThisRequest(HostEvent e) {
    if (e.requestType() == RequestType.CREATE) {
      return true;
    }
    HostSpec old = e.oldProperties();
    return old != null
        && (!java.util.Objects.equals(old.name(), e.properties().name())
            || !java.util.Objects.equals(old.providerType(), e.properties().providerType()));
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
