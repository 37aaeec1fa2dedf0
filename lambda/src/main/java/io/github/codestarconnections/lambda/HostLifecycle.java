package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The decisions of the host custom resource, written once over {@link HostApi}.
 *
 * <h2>Create</h2>
 *
 * CreateHost with the user's tags plus the {@link MarkerTag} (value: the RequestId); isComplete
 * then polls GetHost until PENDING or AVAILABLE. Creation is idempotent: before every CreateHost
 * attempt the handler lists the hosts (all pages) and adopts one with the same Name, ProviderType
 * and ProviderEndpoint whose marker tag carries this RequestId. A host without our marker is never
 * adopted. CreateHost itself is sent once per attempt (no SDK retry); after a throttle, a 5xx or a
 * lost response the handler looks again for the host the attempt may have made, then retries, up to
 * {@value #CREATE_ATTEMPTS} attempts.
 *
 * <h2>Update</h2>
 *
 * See {@link HostChange}: Name or ProviderType changed (or the VPC configuration removed) means a
 * new host, and CloudFormation later deletes the old one. ProviderEndpoint or VpcConfiguration
 * changed means UpdateHost in place, then isComplete waits out the VPC work. Tags are tagged and
 * untagged by difference, ignoring the marker.
 *
 * <p>UpdateHost and host status: the service documents editing a host only while it is PENDING
 * (Developer Tools console guide, "Edit a host"); UpdateHost lists UnsupportedOperationException
 * ("The operation is not supported. Check the connection status"), ConflictException and
 * ResourceUnavailableException. The handler does not replace a host on its own when UpdateHost is
 * refused: replacing an AVAILABLE host would silently throw away its console setup and break the
 * connections that use it. Instead it fails with the reason and what to do: rename the host to
 * replace it deliberately, or revert the change. A busy host (ConflictException,
 * ResourceUnavailableException) fails with advice to deploy again once it is PENDING or AVAILABLE.
 * A refused UpdateHost whose host already has the wanted endpoint and VPC succeeds without change,
 * so CloudFormation's rollback of a failed update does not fail too.
 *
 * <h2>Delete</h2>
 *
 * DeleteHost; ResourceNotFoundException means already gone. A busy host (ResourceUnavailable,
 * Conflict, throttling) is left to isComplete, which waits while the status is
 * VPC_CONFIG_INITIALIZING or VPC_CONFIG_DELETING, retries DeleteHost otherwise, and is done when
 * GetHost answers ResourceNotFoundException. A physical id that is not a host ARN (a Create that
 * failed before making a host) is deleted without any call.
 *
 * <h2>Waiting</h2>
 *
 * PENDING and AVAILABLE are done; VPC_CONFIG_INITIALIZING and VPC_CONFIG_DELETING are waited out;
 * VPC_CONFIG_FAILED_INITIALIZATION and ERROR fail, quoting the status message from ListHosts
 * (GetHost has none); unknown statuses are waited out and logged. Throttling, 5xx and missing
 * answers during isComplete mean "not yet", since the framework polls again.
 */
public final class HostLifecycle {
  /** How many CreateHost attempts one onEvent makes. */
  public static final int CREATE_ATTEMPTS = 3;

  /** No new CreateHost attempt starts after this much of onEvent's 60 s has gone. */
  public static final Duration CREATE_BUDGET = Duration.ofSeconds(30);

  /** The pause between CreateHost attempts in production. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(2);

  private final HostApi api;
  private final Duration retryDelay;

  /**
   * Creates one.
   *
   * @param api the service
   * @param retryDelay the pause between CreateHost attempts (zero in tests)
   */
  public HostLifecycle(HostApi api, Duration retryDelay) {
    this.api = api;
    this.retryDelay = retryDelay;
  }

  /**
   * Handles onEvent.
   *
   * @param e the event
   * @return the physical id and data
   * @throws ResourceFailure with the reason for CloudFormation
   */
  public OnEventOutcome onEvent(HostEvent e) {
    return switch (e.requestType()) {
      case CREATE -> create(e);
      case UPDATE -> update(e);
      case DELETE -> delete(e);
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
    return e.requestType() == RequestType.DELETE ? deleteComplete(e) : ready(e);
  }

  // ---- Create ----------------------------------------------------------------------------

  private OnEventOutcome create(HostEvent e) {
    HostSpec spec = e.properties();
    Map<String, String> tags = new LinkedHashMap<>(spec.tags());
    tags.put(MarkerTag.KEY, e.requestId());
    HostApiException last = null;
    long deadline = System.nanoTime() + CREATE_BUDGET.toNanos();
    for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      if (attempt > 1 && System.nanoTime() > deadline) {
        break;
      }
      Optional<String> own = findOwnHost(spec, e.requestId());
      if (own.isPresent()) {
        return new OnEventOutcome(
            own.get(), data(own.get(), spec.name()), "adopted the host this request created");
      }
      try {
        String arn = api.createHost(spec, tags);
        return new OnEventOutcome(arn, data(arn, spec.name()), "created");
      } catch (HostApiException ex) {
        if (!(ex.kind() == Kind.THROTTLED
            || ex.kind() == Kind.SERVER_ERROR
            || ex.kind() == Kind.NO_RESPONSE)) {
          throw failure(spec.name(), null, ex, createAdvice(ex));
        }
        last = ex;
        pause(attempt);
      }
    }
    throw failure(
        spec.name(),
        null,
        last,
        "The service kept failing (up to "
            + CREATE_ATTEMPTS
            + " attempts, each after checking for a host the previous one made); deploy again"
            + " later.");
  }

  /** Our host from an earlier attempt of this very request, if there is one. */
  private Optional<String> findOwnHost(HostSpec spec, String requestId) {
    List<HostState> hosts;
    try {
      hosts = api.listHosts();
    } catch (HostApiException ex) {
      throw failure(
          spec.name(),
          null,
          ex,
          "The handler lists hosts before creating one so that a retry never makes a second host; "
              + adviceFor(ex));
    }
    for (HostState h : hosts) {
      if (!spec.name().equals(h.name())
          || !spec.providerType().equals(h.providerType())
          || !spec.providerEndpoint().equals(h.providerEndpoint())
          || h.arn() == null
          || HostArn.parse(h.arn()).filter(a -> api.namespace().accepts(a.service())).isEmpty()) {
        continue;
      }
      try {
        if (requestId.equals(api.listTags(h.arn()).get(MarkerTag.KEY))) {
          return Optional.of(h.arn());
        }
      } catch (HostApiException ex) {
        if (ex.kind() != Kind.NOT_FOUND) {
          throw failure(spec.name(), h.arn(), ex, adviceFor(ex));
        }
      }
    }
    return Optional.empty();
  }

  private String createAdvice(HostApiException ex) {
    return switch (ex.kind()) {
      case LIMIT_EXCEEDED ->
          "The account has reached its host quota in this Region; delete unused hosts or request"
              + " a quota increase, then deploy again.";
      case INVALID_REQUEST ->
          "The service rejected the host's properties; fix Name, ProviderEndpoint or"
              + " VpcConfiguration and deploy again.";
      default -> adviceFor(ex);
    };
  }

  // ---- Update ----------------------------------------------------------------------------

  private OnEventOutcome update(HostEvent e) {
    HostSpec wanted = e.properties();
    HostChange change = HostChange.between(e.oldProperties(), wanted);
    if (change.kind() == HostChange.Kind.REPLACE) {
      OnEventOutcome created = create(e);
      return new OnEventOutcome(
          created.physicalResourceId(), created.data(), "replacement " + created.note());
    }
    String arn = requireHostArn(e);
    String note = "no change to the host";
    if (change.kind() == HostChange.Kind.UPDATE_IN_PLACE) {
      note = updateInPlace(wanted, arn, change);
    }
    try {
      if (!change.tagsToSet().isEmpty()) {
        api.tagResource(arn, change.tagsToSet());
      }
      if (!change.tagsToRemove().isEmpty()) {
        api.untagResource(arn, change.tagsToRemove());
      }
    } catch (HostApiException ex) {
      throw failure(wanted.name(), arn, ex, adviceFor(ex));
    }
    if (change.tagsChanged()) {
      note += "; tags changed";
    }
    return new OnEventOutcome(arn, data(arn, wanted.name()), note);
  }

  private String updateInPlace(HostSpec wanted, String arn, HostChange change) {
    HostState live;
    try {
      live = api.getHost(arn);
    } catch (HostApiException ex) {
      throw failure(wanted.name(), arn, ex, notFoundOr(ex));
    }
    try {
      api.updateHost(arn, change.providerEndpoint(), change.vpc());
      return "updated in place";
    } catch (HostApiException ex) {
      if (matches(wanted, live)) {
        // Typically a rollback: the host already is what we want.
        return "UpdateHost refused but the host already matches (" + ex.kind() + ")";
      }
      String advice =
          switch (ex.kind()) {
            case UNSUPPORTED ->
                "The service changes ProviderEndpoint and VpcConfiguration only while a host is"
                    + " PENDING; this host is "
                    + live.status()
                    + ". To change them, also change the host's Name so CloudFormation replaces"
                    + " the host (the new host must be set up again in the console), or revert"
                    + " the change.";
            case CONFLICT, UNAVAILABLE ->
                "The host is busy (status "
                    + live.status()
                    + "); deploy again once it is PENDING or AVAILABLE.";
            default -> notFoundOr(ex);
          };
      throw failure(wanted.name(), arn, ex, advice);
    }
  }

  private static boolean matches(HostSpec wanted, HostState live) {
    if (!wanted.providerEndpoint().equals(live.providerEndpoint())) {
      return false;
    }
    if (wanted.vpc() == null || live.vpc() == null) {
      return wanted.vpc() == null && live.vpc() == null;
    }
    VpcSpec w = wanted.vpc();
    VpcSpec l = live.vpc();
    return w.vpcId().equals(l.vpcId())
        && new TreeSet<>(w.subnetIds()).equals(new TreeSet<>(l.subnetIds()))
        && new TreeSet<>(w.securityGroupIds()).equals(new TreeSet<>(l.securityGroupIds()))
        && (l.tlsCertificate() == null || l.tlsCertificate().equals(w.tlsCertificate()));
  }

  // ---- Delete ----------------------------------------------------------------------------

  private OnEventOutcome delete(HostEvent e) {
    Optional<HostArn> arn = HostArn.parse(e.physicalResourceId());
    if (arn.isEmpty()) {
      return new OnEventOutcome(
          e.physicalResourceId(), Map.of(), "physical id is not a host ARN; nothing to delete");
    }
    requireAddressable(e, arn.get());
    String a = arn.get().value();
    try {
      api.deleteHost(a);
      return new OnEventOutcome(a, Map.of("HostArn", a), "delete requested");
    } catch (HostApiException ex) {
      if (ex.kind() == Kind.NOT_FOUND) {
        return new OnEventOutcome(a, Map.of("HostArn", a), "already gone");
      }
      if (ex.isTransient()) {
        return new OnEventOutcome(
            a, Map.of("HostArn", a), "DeleteHost deferred to isComplete: " + ex.kind());
      }
      throw failure(e.hostName(), a, ex, deleteAdvice(ex));
    }
  }

  private IsCompleteOutcome deleteComplete(HostEvent e) {
    Optional<HostArn> arn = HostArn.parse(e.physicalResourceId());
    if (arn.isEmpty()) {
      return new IsCompleteOutcome(true, Map.of(), "not a host ARN; nothing to wait for");
    }
    requireAddressable(e, arn.get());
    String a = arn.get().value();
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
      throw failure(e.hostName(), a, ex, adviceFor(ex));
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
        return new IsCompleteOutcome(false, Map.of(), "DeleteHost: " + ex.kind());
      }
      throw failure(live.name(), a, ex, deleteAdvice(ex));
    }
  }

  private String deleteAdvice(HostApiException ex) {
    return ex.kind() == Kind.OTHER || ex.kind() == Kind.INVALID_REQUEST
        ? "Delete the connections that use this host first, then delete the stack again."
        : adviceFor(ex);
  }

  // ---- Waiting for Create / Update ---------------------------------------------------------

  private IsCompleteOutcome ready(HostEvent e) {
    String arn = requireHostArn(e);
    HostState live;
    try {
      live = api.getHost(arn);
    } catch (HostApiException ex) {
      if (ex.isTransient()
          || (ex.kind() == Kind.NOT_FOUND && e.requestType() == RequestType.CREATE)) {
        // A new host may not be visible yet; the framework's total timeout bounds this.
        return new IsCompleteOutcome(false, Map.of(), "GetHost: " + ex.kind());
      }
      throw failure(e.hostName(), arn, ex, notFoundOr(ex));
    }
    String status = live.status();
    switch (StatusKind.of(status)) {
      case READY:
        Map<String, String> data = new LinkedHashMap<>(data(arn, live.name()));
        data.put("Status", status);
        return new IsCompleteOutcome(true, data, "ready: " + status);
      case WORKING:
        return new IsCompleteOutcome(false, Map.of(), "waiting: " + status);
      case FAILED:
        throw new ResourceFailure(
            describe(live.name(), arn)
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
        return new IsCompleteOutcome(false, Map.of(), "unknown status " + status + ", waiting");
    }
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

  // ---- Shared ------------------------------------------------------------------------------

  private String requireHostArn(HostEvent e) {
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
    requireAddressable(e, arn.get());
    return arn.get().value();
  }

  private void requireAddressable(HostEvent e, HostArn arn) {
    if (!api.namespace().accepts(arn.service())) {
      throw new ResourceFailure(
          describe(e.hostName(), arn.value())
              + ": the "
              + api.namespace().arnService()
              + " API does not accept "
              + arn.service()
              + " ARNs. Set "
              + Namespace.ENVIRONMENT_VARIABLE
              + "=codeconnections on the handler, which accepts both.");
    }
  }

  private String notFoundOr(HostApiException ex) {
    return ex.kind() == Kind.NOT_FOUND
        ? "The host was deleted outside CloudFormation; rename the host so that CloudFormation"
            + " creates a new one."
        : adviceFor(ex);
  }

  private String adviceFor(HostApiException ex) {
    return switch (ex.kind()) {
      case ACCESS_DENIED ->
          "Allow "
              + api.namespace().arnService()
              + ":"
              + ex.operation()
              + " to the handler's role.";
      case THROTTLED, SERVER_ERROR, NO_RESPONSE ->
          "The service kept failing after retries; deploy again later.";
      case CONFLICT, UNAVAILABLE -> "The host is busy; deploy again in a few minutes.";
      case LIMIT_EXCEEDED -> "A service quota is used up; request an increase or free some.";
      default -> "See the handler's log for details.";
    };
  }

  private static ResourceFailure failure(
      String name, String arn, HostApiException ex, String advice) {
    return new ResourceFailure(
        describe(name, arn)
            + ": "
            + ex.operation()
            + " failed with "
            + ex.kind()
            + ": "
            // A long service message must not push the advice out of the reason.
            + ResourceFailure.bound(ex.serviceMessage(), ResourceFailure.MAX_QUOTE)
            + ". "
            + advice,
        ex);
  }

  private static String describe(String name, String arn) {
    return "Host '"
        + ResourceFailure.bound(name, 128)
        + "'"
        + (arn == null ? "" : " (" + ResourceFailure.bound(arn, ResourceFailure.MAX_QUOTE) + ")");
  }

  private static Map<String, String> data(String arn, String name) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("HostArn", arn);
    data.put("Name", name);
    return data;
  }

  private void pause(int attempt) {
    if (retryDelay.isZero() || attempt >= CREATE_ATTEMPTS) {
      return;
    }
    try {
      Thread.sleep(retryDelay.toMillis() * attempt);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }
}
