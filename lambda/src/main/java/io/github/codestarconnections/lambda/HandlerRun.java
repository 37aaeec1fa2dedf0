package io.github.codestarconnections.lambda;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One invocation of either handler: parse the event, run the decision over a recording API, log one
 * JSON line, and turn unexpected exceptions into a short {@link ResourceFailure}.
 */
final class HandlerRun {
  private HandlerRun() {}

  static <T> T run(
      String handler,
      Map<String, Object> event,
      Supplier<HostApi> apis,
      PrintStream log,
      Function<RecordingHostApi, Function<HostEvent, T>> decide,
      Function<T, Map<String, Object>> describe) {
    return run(handler, event, HostEventParser::parse, apis, log, decide, describe);
  }

  /**
   * One invocation for any resource type: {@code parse} reads the event (before the API is asked
   * for), {@code decide} acts on it.
   */
  static <E, T> T run(
      String handler,
      Map<String, Object> event,
      Function<Map<String, Object>, E> parse,
      Supplier<HostApi> apis,
      PrintStream log,
      Function<RecordingHostApi, Function<E, T>> decide,
      Function<T, Map<String, Object>> describe) {
    LogLine line = new LogLine().put("handler", handler);
    if (event != null) {
      line.put("requestType", safe(event.get("RequestType")))
          .put("logicalResourceId", safe(event.get("LogicalResourceId")))
          .put("physicalResourceId", safe(event.get("PhysicalResourceId")))
          .put("requestId", safe(event.get("RequestId")));
    }
    RecordingHostApi api = null;
    try {
      E parsed = parse.apply(event);
      api = new RecordingHostApi(apis.get());
      T result = decide.apply(api).apply(parsed);
      line.put("calls", api.calls());
      describe
          .apply(result)
          .forEach((k, v) -> line.put(k, v instanceof String s ? ResourceFailure.truncate(s) : v));
      return result;
    } catch (ResourceFailure f) {
      line.put("calls", api == null ? java.util.List.of() : api.calls())
          .put("outcome", "FAILED")
          .put("reason", f.getMessage());
      throw f;
    } catch (RuntimeException ex) {
      ResourceFailure f =
          new ResourceFailure(
              "The host handler failed unexpectedly: "
                  + ex.getClass().getSimpleName()
                  + ": "
                  + ResourceFailure.bound(ex.getMessage(), ResourceFailure.MAX_QUOTE)
                  + ". Deploy again; if it persists, report a bug with the handler's log.",
              ex);
      line.put("calls", api == null ? java.util.List.of() : api.calls())
          .put("outcome", "FAILED")
          .put("reason", f.getMessage());
      throw f;
    } finally {
      line.writeTo(log);
    }
  }

  private static String safe(Object value) {
    return value instanceof String s ? ResourceFailure.truncate(s) : null;
  }
}
