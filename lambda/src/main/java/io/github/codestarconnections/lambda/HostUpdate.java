package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Update, reconciled against the live host rather than against OldResourceProperties alone, so
 * that CloudFormation's rollbacks (an Update back to the old properties, with the current physical
 * id: aws-cdk issue #17040, PR #29581) come out right:
 *
 * <ul>
 *   <li>The live host has the wanted Name and ProviderType (or the properties do not ask for a new
 *       name or type): in place. UpdateHost only when the live endpoint or VPC differ, sent the
 *       whole wanted configuration (whether it keeps fields it is not sent is undocumented); tags
 *       set and removed against the live tags. A rollback whose host already is what is wanted
 *       therefore changes nothing and never fails.
 *   <li>Otherwise, first the rollback of a completed replacement: the host this resource replaced,
 *       marked {@link MarkerTag#REPLACED_BY}, matching the wanted properties, becomes the physical
 *       id again (CloudFormation deletes the other in rollback cleanup); never a second host with
 *       the old name.
 *   <li>Otherwise a replacement: refused before anything is touched when it would remove a VPC or
 *       when another host (the replaced one included, deleted only in cleanup) has the wanted URL;
 *       else the old host is marked and the new one created ({@link HostCreation}).
 * </ul>
 *
 * UpdateHost cannot remove a VPC: removing one in place is refused with the two-deploy advice,
 * except for the rollback of an in-place VPC addition ({@link MarkerTag#VPC_ADDED}), which keeps
 * the VPC rather than fail the rollback. The rollback of a replacement that failed part-way deletes
 * the unsettled hosts it left (own namespace, the failed properties, the create marker).
 */
final class HostUpdate {
  private static final String TWO_DEPLOYS =
      "Make the change in two deploys instead: first without this host (and without the"
          + " connections that use it), then with the new one; or change providerEndpoint"
          + " together with it.";

  private final HostApi api;
  private final HostCreation creation;

  HostUpdate(HostApi api, HostCreation creation) {
    this.api = api;
    this.creation = creation;
  }

  OnEventOutcome update(HostEvent e, Duration budget) {
    HostSpec wanted = e.properties();
    HostSpec old = e.oldProperties();
    boolean replacing =
        !old.name().equals(wanted.name()) || !old.providerType().equals(wanted.providerType());
    Optional<HostState> live = live(e);
    if (live.isPresent()
        && (!replacing
            || (live.get().name().equals(wanted.name())
                && live.get().providerType().equals(wanted.providerType())))) {
      return reconcile(e, live.get(), replacing);
    }
    String liveArn = live.map(HostState::arn).orElse(null);
    Optional<HostState> original;
    try {
      original =
          HostListing.of(api)
              .withMarker(
                  MarkerTag.REPLACED_BY,
                  e.logicalResourceId(),
                  h ->
                      !h.arn().equals(liveArn)
                          && LiveConfig.sameIdentity(wanted, h)
                          && LiveConfig.sameVpc(wanted.vpc(), h.vpc()));
    } catch (HostApiException ex) {
      throw Failures.failure(wanted.name(), liveArn, ex, Failures.adviceFor(api.namespace(), ex));
    }
    if (original.isPresent()) {
      OnEventOutcome back = reconcile(e, original.get(), false);
      return new OnEventOutcome(
          back.physicalResourceId(), back.data(), "back to the host this resource replaced");
    }
    if (live.isEmpty() && !replacing) {
      throw new ResourceFailure(
          Failures.describe(wanted.name(), e.physicalResourceId())
              + ": the host is gone. The host was deleted outside CloudFormation; rename the host"
              + " so that CloudFormation creates a new one.");
    }
    VpcSpec liveVpc = live.map(HostState::vpc).orElse(old.vpc());
    if (liveVpc != null && wanted.vpc() == null) {
      throw vpcRemovalRefused(wanted, liveArn);
    }
    String arn =
        creation.create(
            e,
            wanted,
            budget,
            "A replacement is made before CloudFormation deletes the old host. " + TWO_DEPLOYS,
            () -> live.ifPresent(l -> mark(l, e.logicalResourceId())));
    return new OnEventOutcome(
        arn, HostLifecycle.data(arn, wanted.name()), "replacement " + creation.note(arn));
  }

  /** The host the physical id names: a placeholder by its marker, an ARN by GetHost. */
  private Optional<HostState> live(HostEvent e) {
    Optional<String> unsettled = Placeholder.requestId(e.physicalResourceId());
    try {
      if (unsettled.isPresent()) {
        // The placeholder's host was made with the old properties (or, on a rollback, with the
        // ones the failed update asked for, which are the old ones of this event).
        return HostListing.of(api)
            .withMarker(
                MarkerTag.KEY,
                unsettled.get(),
                h ->
                    LiveConfig.sameIdentity(e.oldProperties(), h)
                        || LiveConfig.sameIdentity(e.properties(), h));
      }
      String arn = HostLifecycle.requireHostArn(api, e);
      return Optional.of(api.getHost(arn));
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw Failures.failure(
          e.hostName(), e.physicalResourceId(), ex, Failures.adviceFor(api.namespace(), ex));
    }
  }

  private void mark(HostState replaced, String logicalId) {
    try {
      api.tagResource(replaced.arn(), Map.of(MarkerTag.REPLACED_BY, String.valueOf(logicalId)));
    } catch (HostApiException ex) {
      throw Failures.failure(
          replaced.name(), replaced.arn(), ex, Failures.adviceFor(api.namespace(), ex));
    }
  }

  private OnEventOutcome reconcile(HostEvent e, HostState live, boolean replacing) {
    HostSpec wanted = e.properties();
    HostSpec old = e.oldProperties();
    String arn = live.arn();
    String note = "no change to the host";
    Map<String, String> markers = new LinkedHashMap<>();
    try {
      Map<String, String> liveTags = api.listTags(arn);
      if (wanted.vpc() == null && live.vpc() != null) {
        if (!MarkerTag.digest(wanted).equals(liveTags.get(MarkerTag.VPC_ADDED))) {
          throw vpcRemovalRefused(wanted, arn);
        }
        note =
            "rollback of a VPC added in place: UpdateHost cannot remove a VPC, the host keeps it";
      }
      if (LiveConfig.needsUpdate(wanted, live, old)) {
        if (!wanted.providerEndpoint().equals(live.providerEndpoint())) {
          List<HostState> taken = HostListing.of(api).usingUrl(wanted.providerEndpoint(), arn);
          if (!taken.isEmpty()) {
            throw Failures.urlTaken(
                wanted, taken.get(0), "Give this host another providerEndpoint, or free that URL.");
          }
        }
        if (live.vpc() == null && wanted.vpc() != null) {
          markers.put(MarkerTag.VPC_ADDED, MarkerTag.digest(old));
        }
        updateHost(wanted, live);
        note = "updated in place";
      }
      TagChange tags = TagChange.between(liveTags, old.tags(), wanted.tags(), markers);
      if (!tags.toSet().isEmpty()) {
        api.tagResource(arn, tags.toSet());
      }
      if (!tags.toRemove().isEmpty()) {
        api.untagResource(arn, tags.toRemove());
      }
      if (!tags.isEmpty()) {
        note += "; tags changed";
      }
      if (Placeholder.requestId(e.physicalResourceId()).isPresent()) {
        // The placeholder becomes this ARN; CloudFormation then deletes the placeholder, whose
        // Delete must no longer find this host by its create marker.
        api.untagResource(arn, List.of(MarkerTag.KEY));
      }
      if (replacing) {
        note += removeLeftovers(old, arn);
      }
    } catch (HostApiException ex) {
      throw Failures.failure(wanted.name(), arn, ex, Failures.adviceFor(api.namespace(), ex));
    }
    return new OnEventOutcome(arn, HostLifecycle.data(arn, live.name()), note);
  }

  private void updateHost(HostSpec wanted, HostState live) {
    try {
      api.updateHost(live.arn(), wanted.providerEndpoint(), wanted.vpc());
    } catch (HostApiException ex) {
      HostState now = live;
      try {
        now = api.getHost(live.arn());
      } catch (HostApiException again) {
        // Judge by what was seen before.
      }
      if (LiveConfig.shows(wanted, now)) {
        // An earlier attempt whose answer was lost took effect (the SDK sent it again).
        return;
      }
      String advice =
          switch (ex.kind()) {
            case UNSUPPORTED ->
                "The service changes ProviderEndpoint and VpcConfiguration only while a host is"
                    + " PENDING; this host is "
                    + now.status()
                    + ". To change them, also change the host's Name so CloudFormation replaces"
                    + " the host (the new host must be set up again in the console), or revert"
                    + " the change.";
            case CONFLICT, UNAVAILABLE ->
                "The host is busy (status "
                    + now.status()
                    + "); deploy again once it is PENDING or AVAILABLE.";
            default -> Failures.notFoundOr(api.namespace(), ex);
          };
      throw Failures.failure(wanted.name(), live.arn(), ex, advice);
    }
  }

  /**
   * After a replacement that failed part-way, the rollback finds the original in place: the hosts
   * the failed attempt made (still carrying the create marker) are deleted. Best effort: the
   * rollback itself must not fail.
   */
  private String removeLeftovers(HostSpec failed, String keep) {
    List<HostState> leftovers;
    try {
      leftovers =
          HostListing.of(api)
              .allWithMarker(
                  MarkerTag.KEY,
                  null,
                  h -> !h.arn().equals(keep) && LiveConfig.sameIdentity(failed, h));
    } catch (HostApiException ex) {
      return "; could not look for hosts a failed replacement left (" + ex.kind() + ")";
    }
    StringBuilder note = new StringBuilder();
    for (HostState h : leftovers) {
      try {
        api.deleteHost(h.arn());
        note.append("; deleted ").append(h.arn()).append(", left by a failed replacement");
      } catch (HostApiException ex) {
        note.append("; could not delete ")
            .append(h.arn())
            .append(" (")
            .append(ex.kind())
            .append(')');
      }
    }
    return note.toString();
  }

  private static ResourceFailure vpcRemovalRefused(HostSpec wanted, String arn) {
    return new ResourceFailure(
        Failures.describe(wanted.name(), arn)
            + ": the VpcConfiguration would be removed. UpdateHost cannot remove a host's VPC, so"
            + " that needs a new host, and deleting the old one needs the EC2 rights the stack"
            + " keeps only while it has a host in a VPC. Nothing was changed. "
            + TWO_DEPLOYS);
  }
}
