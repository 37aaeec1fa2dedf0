package io.github.codestarconnections.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The isComplete handler of {@code Custom::CodeStarConnectionsHost} in the CDK Provider framework:
 * {@code io.github.codestarconnections.lambda.IsCompleteHandler::handleRequest}.
 *
 * <p>Gets the event with onEvent's PhysicalResourceId and Data merged in; returns {@code
 * {IsComplete, Data: {HostArn, Status, Name}}} or throws a {@link ResourceFailure} whose message
 * becomes the resource's status reason. The decisions are in {@link HostLifecycle}. Writes one JSON
 * line per invocation to stdout. It also serves the deploy-time reads ({@link ReadRequests}).
 */
public final class IsCompleteHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Supplier<HostApi> api;
  private final PrintStream log;
  private final Clock clock;

  /**
   * For Lambda: the namespace from {@code CODESTAR_CONNECTIONS_NAMESPACE}, shared clients (built in
   * Lambda's init phase).
   */
  public IsCompleteHandler() {
    this(ServiceClients.containerApi(), System.out, Clock.systemUTC());
  }

  /**
   * Over a given API (e.g. {@code new CodeConnectionsHostApi(client)}), logging to stdout.
   *
   * @param api the API
   */
  public IsCompleteHandler(HostApi api) {
    this(api, System.out);
  }

  /**
   * Over a given API and log, for tests.
   *
   * @param api the API
   * @param log where the JSON lines go
   */
  public IsCompleteHandler(HostApi api, PrintStream log) {
    this(api, log, Clock.systemUTC());
  }

  /**
   * Over a given API, log and wall clock, for tests that play the Provider framework's schedule.
   *
   * @param api the API
   * @param log where the JSON lines go
   * @param clock the wall clock: a Delete's wait for connections, and a deploy-time read's settling
   *     time and wait, are measured on it
   */
  public IsCompleteHandler(HostApi api, PrintStream log, Clock clock) {
    this(() -> api, log, clock);
  }

  private IsCompleteHandler(Supplier<HostApi> api, PrintStream log, Clock clock) {
    this.api = api;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    if (ReadEvent.isRead(event)) {
      return ReadRequests.isComplete(event, api, log, clock);
    }
    IsCompleteOutcome outcome =
        HandlerRun.run(
            "isComplete",
            event,
            api,
            log,
            recording -> new HostLifecycle(recording, Pacing.virtual(), clock)::isComplete,
            o -> Map.of("outcome", o.complete() ? "COMPLETE" : "IN_PROGRESS", "note", o.note()));
    return ProviderResponse.isComplete(outcome);
  }
}
