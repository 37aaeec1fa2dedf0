package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Making the host of a Create or of a replacing Update, exactly once.
 *
 * <p>Before every CreateHost attempt the handler looks for the host this very request made (its
 * {@link MarkerTag#KEY} names this stack, resource and RequestId: {@link MarkerTag#madeBy}) among
 * the hosts of its own namespace, and adopts it; CreateHost puts that marker on the host it makes.
 * Before the first attempt it also refuses a URL another host uses ("You cannot use the same URL
 * for more than one host", Developer Tools console guide, "Edit a host"), naming that host.
 * CreateHost is sent once per attempt (no SDK retry); throttling, server errors and missing answers
 * are retried with jittered exponential back-off while onEvent's time budget lasts, never a fixed
 * number of times. After the budget, one more look. If the outcome is still unknown (an attempt got
 * no answer or a server error and its host has not shown up), the create does not fail: it answers
 * a {@link Placeholder}, which isComplete resolves and a Delete cleans up, so no host leaks.
 */
final class HostCreation {
  private final HostApi api;
  private final Pacing pacing;
  private boolean adopted;

  HostCreation(HostApi api, Pacing pacing) {
    this.api = api;
    this.pacing = pacing;
  }

  /**
   * Creates or adopts the request's host.
   *
   * @param e the event (its RequestId marks the host)
   * @param spec the host
   * @param budget how long attempts may go on
   * @param whatToDoWhenUrlTaken the advice when another host has the URL
   * @param beforeFirstAttempt runs once, after the checks, before the first CreateHost
   * @return the host ARN, or a placeholder
   */
  String create(
      HostEvent e,
      HostSpec spec,
      Duration budget,
      String whatToDoWhenUrlTaken,
      Runnable beforeFirstAttempt) {
    Backoff backoff = new Backoff(pacing, budget);
    Map<String, String> tags = new LinkedHashMap<>(spec.tags());
    MarkerTag.Writer writer = MarkerTag.Writer.of(e);
    tags.put(MarkerTag.KEY, MarkerTag.value(MarkerTag.KEY, writer, null));
    boolean unknown = false;
    boolean attempted = false;
    boolean stop = false;
    HostApiException last = null;
    while (true) {
      HostListing listing;
      Optional<HostState> own;
      try {
        listing = HostListing.of(api);
        own =
            listing.withMarker(
                MarkerTag.KEY,
                v -> MarkerTag.madeBy(v, writer),
                h -> LiveConfig.sameIdentity(spec, h));
      } catch (HostApiException ex) {
        if (!unknown) {
          throw Failures.failure(
              spec.name(),
              null,
              ex,
              "The handler lists hosts before creating one so that a retry never makes a second"
                  + " host; "
                  + Failures.adviceFor(api.namespace(), ex));
        }
        last = ex;
        if (stop || !backoff.pause()) {
          break;
        }
        continue;
      }
      if (own.isPresent()) {
        adopted = true;
        return own.get().arn();
      }
      if (!attempted) {
        List<HostState> taken = listing.usingUrl(spec.providerEndpoint(), null);
        if (!taken.isEmpty()) {
          throw Failures.urlTaken(spec, taken.get(0), whatToDoWhenUrlTaken);
        }
        beforeFirstAttempt.run();
      }
      if (attempted && (stop || backoff.spent())) {
        break;
      }
      attempted = true;
      try {
        return api.createHost(spec, tags);
      } catch (HostApiException ex) {
        last = ex;
        if (ex.kind() == Kind.SERVER_ERROR || ex.kind() == Kind.NO_RESPONSE) {
          // The host may exist; until a look finds it, the outcome stays unknown.
          unknown = true;
        } else if (ex.kind() != Kind.THROTTLED) {
          if (!unknown) {
            throw Failures.failure(spec.name(), null, ex, advice(ex));
          }
          // An earlier attempt may have made the host (and now holds the URL): look once more.
          stop = true;
          continue;
        }
      }
      if (!backoff.pause()) {
        stop = true;
      }
    }
    if (unknown) {
      return Placeholder.of(e.requestId());
    }
    throw Failures.failure(
        spec.name(),
        null,
        last,
        "The service kept failing until the handler's time budget for creating the host ran out"
            + " (each attempt after checking for a host an earlier one made); deploy again later.");
  }

  /** What the last {@link #create} did, for the log. */
  String note(String id) {
    if (Placeholder.requestId(id).isPresent()) {
      return "CreateHost's outcome unknown";
    }
    return adopted ? "adopted the host this request created" : "created";
  }

  private String advice(HostApiException ex) {
    return switch (ex.kind()) {
      case LIMIT_EXCEEDED ->
          "The account has reached its host quota in this Region; delete unused hosts or request"
              + " a quota increase, then deploy again.";
      case INVALID_REQUEST ->
          "The service rejected the host's properties; fix Name, ProviderEndpoint or"
              + " VpcConfiguration and deploy again.";
      default -> Failures.adviceFor(api.namespace(), ex);
    };
  }
}
