package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.ReadEvent.Check;
import io.github.codestarconnections.lambda.ReadEvent.CheckMode;
import io.github.codestarconnections.lambda.ReadEvent.Lookup;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a deploy-time read's event into a {@link ReadEvent}, checking every property against the
 * service models (../shared/reference/api/*.service-2.json) before any API call. A Delete reads
 * nothing, so its properties are not checked.
 */
public final class ReadEventParser {
  /** Where isComplete finds when onEvent took the request: a field onEvent returns. */
  public static final String STARTED_AT = "ReadStartedAt";

  /** The longest wait a check may ask for: the Provider framework's own limit, two hours. */
  static final int MAX_WAIT_SECONDS = 7200;

  private static final Set<String> LOOKUP_NAMES =
      Set.of(
          "ServiceToken",
          "ConnectionName",
          "ProviderTypeFilter",
          "HostArnFilter",
          "ServiceNamespace",
          "Rerun");
  private static final Set<String> CHECK_NAMES =
      Set.of("ServiceToken", "ResourceArn", "Mode", "WaitSeconds", "ConsoleAddress", "Rerun");
  // The models' ConnectionName pattern is [\s\S]*: any character.
  private static final Pattern ANY = Pattern.compile("[\\s\\S]*");
  // The models' ConnectionArn, narrowed to the two services so that a check can tell it from a
  // host.
  private static final Pattern CONNECTION_ARN =
      Pattern.compile(
          "arn:aws(-[\\w]+)*:(codestar-connections|codeconnections):.+:[0-9]{12}:connection/.+");
  private static final Pattern HTTPS = Pattern.compile("https://\\S+");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,5}");

  private ReadEventParser() {}

  /**
   * Parses and validates an event of {@link ReadEvent#LOOKUP_TYPE} or {@link ReadEvent#CHECK_TYPE}.
   *
   * @param event the raw event
   * @return the parsed event
   * @throws ResourceFailure naming the bad field, its value and the rule
   */
  public static ReadEvent parse(Map<String, Object> event) {
    EventFields.Envelope envelope = EventFields.envelope(event);
    String logicalId = envelope.logicalId();
    Long startedAt = startedAt(event, logicalId);
    if (envelope.type() == RequestType.DELETE) {
      return new ReadEvent(
          envelope.type(),
          envelope.requestId(),
          logicalId,
          envelope.physicalId(),
          null,
          null,
          startedAt);
    }
    envelope.requirePhysicalIdOnUpdate();
    Map<String, Object> p = EventFields.required(event, logicalId, "ResourceProperties");
    boolean lookup = ReadEvent.LOOKUP_TYPE.equals(event.get("ResourceType"));
    return new ReadEvent(
        envelope.type(),
        envelope.requestId(),
        logicalId,
        envelope.physicalId(),
        lookup ? lookup(p) : null,
        lookup ? null : check(p),
        startedAt);
  }

  private static Lookup lookup(Map<String, Object> p) {
    String kind = "connection lookup";
    onlyKnown(kind, p, LOOKUP_NAMES);
    String name = string(kind, p, "ConnectionName", true, 1, 32, ANY);
    String type = string(kind, p, "ProviderTypeFilter", false, 1, 64, EventFields.SINGLE_LINE);
    if (type != null && !EventFields.PROVIDER_TYPES.contains(type)) {
      throw property(
          kind,
          "ProviderTypeFilter",
          "is '"
              + EventFields.clip(type)
              + "'; ListConnections accepts "
              + String.join(", ", new TreeSet<>(EventFields.PROVIDER_TYPES)));
    }
    String host = string(kind, p, "HostArnFilter", false, 1, 256, EventFields.SINGLE_LINE);
    if (host != null && HostArn.parse(host).isEmpty()) {
      throw property(
          kind,
          "HostArnFilter",
          "'"
              + EventFields.clip(host)
              + "' is not a host ARN (arn:<partition>:codestar-connections|codeconnections:"
              + "<region>:<account>:host/<id>)");
    }
    String ns = string(kind, p, "ServiceNamespace", false, 1, 64, EventFields.SINGLE_LINE);
    string(kind, p, "Rerun", false, 0, 256, EventFields.SINGLE_LINE);
    return new Lookup(name, type, host, ns == null ? null : namespace(kind, ns));
  }

  private static Check check(Map<String, Object> p) {
    String kind = "status check";
    onlyKnown(kind, p, CHECK_NAMES);
    String arn = string(kind, p, "ResourceArn", true, 1, 256, EventFields.SINGLE_LINE);
    boolean host = HostArn.parse(arn).isPresent();
    if (!host && !CONNECTION_ARN.matcher(arn).matches()) {
      throw property(
          kind,
          "ResourceArn",
          "'"
              + EventFields.clip(arn)
              + "' is neither a connection nor a host ARN (arn:<partition>:"
              + "codestar-connections|codeconnections:<region>:<account>:connection|host/<id>)");
    }
    String rawMode = string(kind, p, "Mode", true, 1, 64, EventFields.SINGLE_LINE);
    CheckMode mode = null;
    for (CheckMode m : CheckMode.values()) {
      if (m.name().equals(rawMode)) {
        mode = m;
      }
    }
    if (mode == null) {
      throw property(
          kind,
          "Mode",
          "is '"
              + EventFields.clip(rawMode)
              + "'; expected REPORT, REQUIRE_AVAILABLE or WAIT_FOR_AVAILABLE");
    }
    String wait = string(kind, p, "WaitSeconds", false, 1, 5, SECONDS);
    int seconds = wait == null ? 0 : Integer.parseInt(wait);
    if (mode == CheckMode.WAIT_FOR_AVAILABLE && (seconds < 1 || seconds > MAX_WAIT_SECONDS)) {
      throw property(
          kind,
          "WaitSeconds",
          "is "
              + (wait == null ? "missing" : "'" + wait + "'")
              + "; WAIT_FOR_AVAILABLE waits 1 to "
              + MAX_WAIT_SECONDS
              + " seconds");
    }
    String console = string(kind, p, "ConsoleAddress", true, 9, 1024, HTTPS);
    string(kind, p, "Rerun", false, 0, 256, EventFields.SINGLE_LINE);
    return new Check(arn, host, mode, seconds, console);
  }

  private static Namespace namespace(String kind, String value) {
    for (Namespace n : Namespace.values()) {
      if (n.arnService().equals(value)) {
        return n;
      }
    }
    throw property(
        kind,
        "ServiceNamespace",
        "is '" + EventFields.clip(value) + "'; expected codestar-connections or codeconnections");
  }

  private static Long startedAt(Map<String, Object> event, String logicalId) {
    Object raw = event.get(STARTED_AT);
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s && s.matches("[0-9]{1,15}")) {
      return Long.parseLong(s);
    }
    throw EventFields.invalid(
        logicalId,
        STARTED_AT + " is " + EventFields.describe(raw) + ", expected epoch milliseconds.");
  }

  private static void onlyKnown(String kind, Map<String, Object> p, Set<String> names) {
    for (String key : p.keySet()) {
      if (!names.contains(key)) {
        TreeSet<String> allowed = new TreeSet<>(names);
        allowed.remove("ServiceToken");
        throw property(
            kind,
            EventFields.clip(key),
            "is not a property of the " + kind + "; allowed: " + String.join(", ", allowed));
      }
    }
  }

  private static String string(
      String kind,
      Map<String, Object> p,
      String key,
      boolean required,
      int min,
      int max,
      Pattern pattern) {
    return EventFields.string(kind, p, key, "ResourceProperties", "", required, min, max, pattern);
  }

  private static ResourceFailure property(String kind, String field, String problem) {
    return EventFields.property(kind, "ResourceProperties", field, problem);
  }
}
