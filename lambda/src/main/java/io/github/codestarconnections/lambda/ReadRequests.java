package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The deploy-time reads served by the same two handlers as hosts, dispatched on the event's
 * ResourceType ({@link ReadEvent#isRead}): a connection lookup ({@link ConnectionLookup}) and a
 * status check ({@link StatusCheck}).
 *
 * <p>onEvent reads nothing: it answers the physical id (the RequestId on Create, the current one on
 * Update and Delete) and when it took the request ({@value ReadEventParser#STARTED_AT}, a field the
 * Provider framework passes through to isComplete: "Any other field included in the response will
 * be passed through to isComplete", aws-cdk-lib custom-resources README). isComplete does the read,
 * so throttling and server errors are polled past on the provider's schedule rather than failing
 * the deployment. Delete reads and deletes nothing.
 */
final class ReadRequests {
  /**
   * How long after onEvent an AccessDenied or a not-found answer is taken for "not yet": IAM
   * changes made in the same deployment take a while to apply ("Changes that I make are not always
   * immediately visible", IAM User Guide, troubleshooting), and a resource just made may not be
   * visible yet.
   */
  static final Duration SETTLING = Duration.ofMinutes(2);

  private ReadRequests() {}

  /**
   * Answers onEvent for a read.
   *
   * @param event the event
   * @param api the API
   * @param log where the JSON line goes
   * @param clock the handler's wall clock: the start time it records is read on it
   * @return the Provider framework's response
   */
  static Map<String, Object> onEvent(
      Map<String, Object> event, Supplier<HostApi> api, PrintStream log, Clock clock) {
    long now = clock.millis();
    OnEventOutcome outcome =
        HandlerRun.run(
            "onEvent",
            event,
            ReadEventParser::parse,
            api,
            log,
            recording -> ReadRequests::accept,
            o ->
                Map.of(
                    "outcome", "SUCCESS",
                    "resultPhysicalResourceId", o.physicalResourceId(),
                    "note", o.note()));
    Map<String, Object> response = ProviderResponse.onEvent(outcome);
    response.put(ReadEventParser.STARTED_AT, Long.toString(now));
    return response;
  }

  /**
   * Does the read, in isComplete.
   *
   * @param event the event, with onEvent's start time
   * @param api the API
   * @param log where the JSON line goes
   * @param clock the handler's wall clock, on which the settling time and a check's wait are
   *     measured from onEvent's start time (so both must be read on the same clock)
   * @return the Provider framework's response
   */
  static Map<String, Object> isComplete(
      Map<String, Object> event, Supplier<HostApi> api, PrintStream log, Clock clock) {
    long now = clock.millis();
    IsCompleteOutcome outcome =
        HandlerRun.run(
            "isComplete",
            event,
            ReadEventParser::parse,
            api,
            log,
            recording -> e -> read(recording, e, now),
            o -> Map.of("outcome", o.complete() ? "COMPLETE" : "IN_PROGRESS", "note", o.note()));
    return ProviderResponse.isComplete(outcome);
  }

  private static OnEventOutcome accept(ReadEvent e) {
    return switch (e.requestType()) {
      case CREATE -> new OnEventOutcome(e.requestId(), Map.of(), "read deferred to isComplete");
      case UPDATE ->
          new OnEventOutcome(e.physicalResourceId(), Map.of(), "read deferred to isComplete");
      case DELETE -> new OnEventOutcome(e.physicalResourceId(), Map.of(), "nothing to delete");
    };
  }

  static IsCompleteOutcome read(HostApi api, ReadEvent e, long now) {
    if (e.requestType() == RequestType.DELETE) {
      return new IsCompleteOutcome(true, Map.of(), "nothing to delete");
    }
    return e.lookup() != null
        ? new ConnectionLookup(api).find(e, now)
        : new StatusCheck(api).check(e, now);
  }

  /** Whether a failed call is worth another poll. */
  static boolean retryLater(HostApiException ex, ReadEvent e, long now) {
    if (ex.isTransient()) {
      return true;
    }
    boolean settling =
        e.startedAt() != null && now - e.startedAt() < SETTLING.toMillis() && now >= e.startedAt();
    return settling && (ex.kind() == Kind.ACCESS_DENIED || ex.kind() == Kind.NOT_FOUND);
  }

  static ResourceFailure failure(ReadEvent e, HostApiException ex, Namespace namespace) {
    return new ResourceFailure(
        e.subject()
            + ": "
            + ex.operation()
            + " failed with "
            + ex.kind()
            + ": "
            + ResourceFailure.bound(ex.serviceMessage(), ResourceFailure.MAX_QUOTE)
            + ". "
            + Failures.adviceFor(namespace, ex),
        ex);
  }

  static IsCompleteOutcome notYet(String note) {
    return new IsCompleteOutcome(false, Map.of(), note);
  }
}
