package io.github.codestarconnections.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The onEvent handler of {@code Custom::CodeStarConnectionsHost} in the CDK Provider framework:
 * {@code io.github.codestarconnections.lambda.OnEventHandler::handleRequest}. It also serves the
 * deploy-time reads ({@link ReadEvent#LOOKUP_TYPE}, {@link ReadEvent#CHECK_TYPE}), told apart by
 * the event's ResourceType ({@link ReadRequests}).
 *
 * <p>Returns {@code {PhysicalResourceId: <host ARN>, Data: {HostArn, Name}}} or throws a {@link
 * ResourceFailure} whose message becomes the resource's status reason. The decisions are in {@link
 * HostLifecycle}. Writes one JSON line per invocation to stdout.
 */
public final class OnEventHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Supplier<HostApi> api;
  private final PrintStream log;
  private final Duration retryDelay;
  private final Clock clock;

  /**
   * For Lambda: the namespace from {@code CODESTAR_CONNECTIONS_NAMESPACE}, shared clients (built in
   * Lambda's init phase).
   */
  public OnEventHandler() {
    this(
        ServiceClients.containerApi(),
        System.out,
        HostLifecycle.DEFAULT_RETRY_DELAY,
        Clock.systemUTC());
  }

  /**
   * Over a given API (e.g. {@code new CodeConnectionsHostApi(client)}), logging to stdout, with
   * production retry pauses.
   *
   * @param api the API
   */
  public OnEventHandler(HostApi api) {
    this(api, System.out, HostLifecycle.DEFAULT_RETRY_DELAY);
  }

  /**
   * Fully configured, for tests.
   *
   * @param api the API
   * @param log where the JSON lines go
   * @param retryDelay {@link Duration#ZERO} for tests: the pauses between CreateHost attempts are
   *     counted against the time budget but not slept; any other value pauses for real (from {@link
   *     HostLifecycle#DEFAULT_RETRY_DELAY}, growing with jitter)
   */
  public OnEventHandler(HostApi api, PrintStream log, Duration retryDelay) {
    this(api, log, retryDelay, Clock.systemUTC());
  }

  /**
   * Fully configured, with a wall clock, for tests that play the Provider framework's schedule.
   *
   * @param api the API
   * @param log where the JSON lines go
   * @param retryDelay as for {@link #OnEventHandler(HostApi, PrintStream, Duration)}
   * @param clock the wall clock: a Delete's wait for connections, and a deploy-time read's start
   *     time, are measured on it
   */
  public OnEventHandler(HostApi api, PrintStream log, Duration retryDelay, Clock clock) {
    this(() -> api, log, retryDelay, clock);
  }

  private OnEventHandler(Supplier<HostApi> api, PrintStream log, Duration retryDelay, Clock clock) {
    this.api = api;
    this.log = log;
    this.retryDelay = retryDelay;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (ReadEvent.isRead(event)) {
      return ReadRequests.onEvent(event, api, log, clock);
    }
    OnEventOutcome outcome =
        HandlerRun.run(
            "onEvent",
            event,
            api,
            log,
            recording ->
                e ->
                    new HostLifecycle(
                            recording,
                            retryDelay.isZero() ? Pacing.virtual() : Pacing.real(),
                            clock)
                        .onEvent(
                            e,
                            HostLifecycle.budget(
                                context == null ? null : context.getRemainingTimeInMillis())),
            o ->
                Map.of(
                    "outcome", "SUCCESS",
                    "resultPhysicalResourceId", o.physicalResourceId(),
                    "note", o.note()));
    return ProviderResponse.onEvent(outcome);
  }
}
