package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Update, reconciled against the live host rather than against OldResourceProperties alone, so
 * that CloudFormation's rollbacks (an Update back to the old properties, with the current physical
 * id: aws-cdk issue #17040, PR #29581) come out right:
 *
 * <ul>
 *   <li>The live host has the wanted Name and ProviderType (or the properties do not ask for a new
 *       name or type): in place. UpdateHost only when the live endpoint or VPC differ (or the
 *       wanted VPC is the one whose set-up failed, to set it up again), sent the whole wanted
 *       configuration (whether it keeps fields it is not sent is undocumented); tags set and
 *       removed against the live tags. A rollback whose host already is what is wanted therefore
 *       changes nothing and never fails.
 *   <li>Otherwise, first the rollback of a completed replacement: the host this resource replaced
 *       (its {@link MarkerTag#REPLACED_BY} written by this resource of this stack), matching the
 *       wanted properties, becomes the physical id again (CloudFormation deletes the other in
 *       rollback cleanup); never a second host with the old name.
 *   <li>Otherwise a replacement: refused before anything is touched when it would remove a VPC or
 *       when another host (the replaced one included, deleted only in cleanup) has the wanted URL;
 *       else the old host is marked and the new one created ({@link HostCreation}).
 * </ul>
 *
 * <p>What the change asks of the VPC is read from the properties (old against new), not from the
 * live host: UpdateHost cannot remove a VPC, so a host may keep one its properties lack (left by
 * the rollback of an addition), and a change that asks nothing of the VPC goes ahead, the answer
 * saying that the host keeps it. A change that removes the VPC is refused with what to do, except
 * the rollback of an in-place addition (the host carries the {@link MarkerTag#VPC_ADDED} this
 * resource wrote for exactly the properties wanted now), which keeps the VPC and completes. That
 * marker is written when UpdateHost gives the host the VPC its old properties lacked, not when the
 * host has it already: the rollback of a refused removal goes from no VPC to the VPC the host has,
 * and must end with exactly the user's tags. (So a deploy that gives back a VPC the host kept from
 * a rolled-back addition writes none, and were that deploy rolled back in turn, its rollback would
 * be refused as a removal: CloudFormation does not tell the two apart.)
 *
 * <p>Every marker that guards a change is on the host before the change (a failure between the two
 * leaves a state the rollback understands), and onEvent never removes one: a delivery of the same
 * event again must find what the first found. They go once the request is settled ({@link
 * MarkerSettlement}). The rollback of a replacement that failed part-way deletes the hosts this
 * resource made that never settled (own namespace, the failed properties, its own create marker); a
 * host it cannot prove it made stays.
 */
final class HostUpdate {
  /** How a reconciled host came to be the one the Update answers. */
  private enum Path {
    /** The physical id's host, whose name and type the change keeps. */
    IN_PLACE,
    /** The physical id's host, already named and typed as wanted: a rollback of a replacement. */
    ROLLBACK_IN_PLACE,
    /** The host this resource replaced, taken back by the rollback of the replacement. */
    BACK_TO_ORIGINAL
  }

  private static final String NEW_HOST_ADVICE =
      "Change providerEndpoint together with it; or replace the host in three deploys: "
          + Failures.inThreeDeploys("the new host")
          + ".";

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
        !Objects.equals(old.name(), wanted.name())
            || !Objects.equals(old.providerType(), wanted.providerType());
    Optional<HostState> live = live(e);
    if (live.isPresent()
        && (!replacing
            || (live.get().name().equals(wanted.name())
                && live.get().providerType().equals(wanted.providerType())))) {
      return reconcile(e, live.get(), replacing ? Path.ROLLBACK_IN_PLACE : Path.IN_PLACE);
    }
    String liveArn = live.map(HostState::arn).orElse(null);
    Optional<HostState> original;
    try {
      original =
          HostListing.of(api)
              .withMarker(
                  MarkerTag.REPLACED_BY,
                  v -> ownMarker(MarkerTag.REPLACED_BY, v, e, null),
                  h ->
                      !h.arn().equals(liveArn)
                          && LiveConfig.sameIdentity(wanted, h)
                          && LiveConfig.sameVpc(wanted.vpc(), h.vpc()));
    } catch (HostApiException ex) {
      throw Failures.failure(wanted.name(), liveArn, ex, Failures.adviceFor(api.namespace(), ex));
    }
    if (original.isPresent()) {
      OnEventOutcome back = reconcile(e, original.get(), Path.BACK_TO_ORIGINAL);
      return new OnEventOutcome(
          back.physicalResourceId(),
          back.data(),
          "back to the host this resource replaced; " + back.note());
    }
    if (live.isEmpty() && !replacing) {
      throw new ResourceFailure(
          Failures.describe(wanted.name(), e.physicalResourceId())
              + ": the host is gone. The host was deleted outside CloudFormation; rename the host"
              + " so that CloudFormation creates a new one.");
    }
    VpcSpec liveVpc = live.map(HostState::vpc).orElse(old.vpc());
    if (liveVpc != null && wanted.vpc() == null) {
      throw vpcRemovalRefused(wanted, liveArn, old.vpc() == null);
    }
    MarkerTag.Writer writer = MarkerTag.Writer.of(e);
    String arn =
        creation.create(
            e,
            wanted,
            budget,
            "A replacement is made before CloudFormation deletes the old host. " + NEW_HOST_ADVICE,
            () ->
                live.ifPresent(l -> mark(l, MarkerTag.value(MarkerTag.REPLACED_BY, writer, null))));
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
        MarkerTag.Writer creator =
            new MarkerTag.Writer(e.stackId(), e.logicalResourceId(), unsettled.get());
        return HostListing.of(api)
            .withMarker(
                MarkerTag.KEY,
                v -> MarkerTag.madeBy(v, creator),
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

  private void mark(HostState host, String value) {
    try {
      api.tagResource(host.arn(), Map.of(MarkerTag.REPLACED_BY, value));
    } catch (HostApiException ex) {
      throw Failures.failure(host.name(), host.arn(), ex, Failures.adviceFor(api.namespace(), ex));
    }
  }

  private OnEventOutcome reconcile(HostEvent e, HostState live, Path path) {
    HostSpec wanted = e.properties();
    HostSpec old = e.oldProperties();
    String arn = live.arn();
    String note = "no change to the host";
    try {
      Map<String, String> liveTags = api.listTags(arn);
      if (wanted.vpc() == null && live.vpc() != null) {
        if (old.vpc() != null && !rollbackOfAnAddition(liveTags, e)) {
          throw vpcRemovalRefused(wanted, arn, false);
        }
        note = "the host keeps its VPC: UpdateHost cannot remove one";
      }
      Map<String, String> markers = new LinkedHashMap<>();
      if (path == Path.IN_PLACE
          && old.vpc() == null
          && wanted.vpc() != null
          && (live.vpc() == null || LiveConfig.vpcSetUpFailed(live))) {
        // Before UpdateHost: a rollback of this addition must find it whatever fails after. Only
        // when UpdateHost gives the VPC: the rollback of a refused removal also goes from no VPC
        // to the one the host has, and must leave exactly the user's tags.
        markers.put(
            MarkerTag.VPC_ADDED, MarkerTag.value(MarkerTag.VPC_ADDED, MarkerTag.Writer.of(e), old));
      }
      markers.entrySet().removeIf(m -> m.getValue().equals(liveTags.get(m.getKey())));
      boolean update = LiveConfig.needsUpdate(wanted, live, old);
      if (update && !wanted.providerEndpoint().equals(live.providerEndpoint())) {
        List<HostState> taken = HostListing.of(api).usingUrl(wanted.providerEndpoint(), arn);
        if (!taken.isEmpty()) {
          throw Failures.urlTaken(
              wanted, taken.get(0), "Give this host another providerEndpoint, or free that URL.");
        }
      }
      if (!markers.isEmpty()) {
        api.tagResource(arn, markers);
      }
      TagChange tags = TagChange.between(liveTags, old.tags(), wanted.tags());
      if (!tags.toSet().isEmpty()) {
        api.tagResource(arn, tags.toSet());
      }
      if (!tags.toRemove().isEmpty()) {
        api.untagResource(arn, tags.toRemove());
      }
      if (update) {
        updateHost(wanted, live);
        note = "updated in place";
      }
      if (!tags.isEmpty()) {
        note += "; tags changed";
      }
      if (path == Path.ROLLBACK_IN_PLACE) {
        note += removeLeftovers(e, old, arn);
      }
    } catch (HostApiException ex) {
      throw Failures.failure(wanted.name(), arn, ex, Failures.adviceFor(api.namespace(), ex));
    }
    return new OnEventOutcome(arn, HostLifecycle.data(arn, live.name()), note);
  }

  /**
   * Whether removing the VPC is the rollback of an in-place addition: the host carries the
   * addition's marker, written by this resource of this stack for a host that had exactly the
   * wanted name, type and endpoint. A later deploy that returns to those properties looks the same
   * (CloudFormation does not tell a rollback from an update), and is taken for it: the host keeps
   * the VPC, as it must anyway.
   */
  private static boolean rollbackOfAnAddition(Map<String, String> liveTags, HostEvent e) {
    return MarkerTag.writtenBy(
            MarkerTag.VPC_ADDED,
            liveTags.get(MarkerTag.VPC_ADDED),
            e.stackId(),
            e.logicalResourceId(),
            e.properties())
        .isPresent();
  }

  private static boolean ownMarker(String key, String value, HostEvent e, HostSpec before) {
    return MarkerTag.writtenBy(key, value, e.stackId(), e.logicalResourceId(), before).isPresent();
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
      if (LiveConfig.shows(wanted, now) && !LiveConfig.vpcSetUpFailed(now)) {
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
   * the failed attempt made are deleted. Only hosts whose create marker this resource of this stack
   * wrote: a host someone else made with those properties (another stack's, one an earlier stack
   * retained, one an earlier version marked) is never touched. Best effort: the rollback itself
   * must not fail.
   */
  private String removeLeftovers(HostEvent e, HostSpec failed, String keep) {
    List<HostState> leftovers;
    try {
      leftovers =
          HostListing.of(api)
              .allWithMarker(
                  MarkerTag.KEY,
                  v -> ownMarker(MarkerTag.KEY, v, e, null),
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

  /**
   * A change that removes the VPC: UpdateHost cannot, so it needs a new host, which the service
   * makes only once the old one has let go of the URL, and whose old host's deletion needs the EC2
   * rights the stack keeps only while a host of it has a VPC.
   */
  private static ResourceFailure vpcRemovalRefused(HostSpec wanted, String arn, boolean kept) {
    return new ResourceFailure(
        Failures.describe(wanted.name(), arn)
            + (kept
                ? ": the host keeps a VpcConfiguration its properties do not have (the rollback of"
                    + " its addition left it), and the old host of a replacement would need it"
                    + " removed. Deploy the host with its VPC again first."
                : ": the VpcConfiguration would be removed.")
            + " UpdateHost cannot remove a host's VPC, so that takes a new host. Nothing was"
            + " changed. To remove the VPC, in three deploys: "
            + Failures.inThreeDeploys("the host back without vpc")
            + "; then set it up again in the console (README, \"Removing a VPC from a host\"). Or"
            + " revert the change.");
  }
}
