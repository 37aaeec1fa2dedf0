package io.github.codestarconnections.test.handler;

import io.github.codestarconnections.lambda.HostApi;
import io.github.codestarconnections.lambda.IsCompleteHandler;
import io.github.codestarconnections.lambda.OnEventHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Plays CloudFormation and the CDK Provider framework: builds events, calls onEvent, then calls
 * isComplete (without waiting) until it is done or a poll budget runs out. The handlers' wall clock
 * moves on {@link #POLL_INTERVAL} between polls, as if the framework had waited.
 */
final class CloudFormationPlayer {
  static final String STACK_ID =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/HostStack/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f";
  static final int MAX_POLLS = 25;
  static final Duration POLL_INTERVAL = Duration.ofSeconds(30);

  private final OnEventHandler onEvent;
  private final IsCompleteHandler isComplete;
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  /** What CloudFormation ends up with. */
  record Result(String physicalResourceId, Map<String, Object> data, int polls) {}

  CloudFormationPlayer(HostApi api) {
    PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    Clock clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    this.onEvent = new OnEventHandler(api, log, Duration.ZERO, clock);
    this.isComplete = new IsCompleteHandler(api, log, clock);
  }

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  static Map<String, Object> createEvent(Map<String, Object> properties) {
    Map<String, Object> e = base("Create");
    e.put("ResourceProperties", withToken(properties));
    return e;
  }

  static Map<String, Object> updateEvent(
      String physicalId, Map<String, Object> oldProperties, Map<String, Object> properties) {
    Map<String, Object> e = base("Update");
    e.put("PhysicalResourceId", physicalId);
    e.put("ResourceProperties", withToken(properties));
    e.put("OldResourceProperties", withToken(oldProperties));
    return e;
  }

  static Map<String, Object> deleteEvent(String physicalId, Map<String, Object> properties) {
    Map<String, Object> e = base("Delete");
    e.put("PhysicalResourceId", physicalId);
    if (properties != null) {
      e.put("ResourceProperties", withToken(properties));
    }
    return e;
  }

  Result create(Map<String, Object> properties) {
    return run(createEvent(properties));
  }

  Result update(String physicalId, Map<String, Object> old, Map<String, Object> properties) {
    return run(updateEvent(physicalId, old, properties));
  }

  Result delete(String physicalId, Map<String, Object> properties) {
    return run(deleteEvent(physicalId, properties));
  }

  /** onEvent then isComplete until done; exceptions propagate like a failed resource. */
  Result run(Map<String, Object> event) {
    Map<String, Object> first = onEvent(event);
    return pollUntilComplete(event, first);
  }

  Map<String, Object> onEvent(Map<String, Object> event) {
    return onEvent.handleRequest(event, null);
  }

  @SuppressWarnings("unchecked")
  Result pollUntilComplete(Map<String, Object> event, Map<String, Object> onEventResult) {
    String physicalId = (String) onEventResult.get("PhysicalResourceId");
    // "The input event to isComplete includes all request fields, combined with all fields
    // returned from onEvent" (aws-cdk-lib custom-resources README).
    Map<String, Object> merged = new HashMap<>(event);
    merged.putAll(onEventResult);
    merged.put("PhysicalResourceId", physicalId);
    for (int poll = 1; poll <= MAX_POLLS; poll++) {
      if (poll > 1) {
        now = now.plus(POLL_INTERVAL);
      }
      Map<String, Object> r = isComplete.handleRequest(merged, null);
      if (Boolean.TRUE.equals(r.get("IsComplete"))) {
        Map<String, Object> data =
            new LinkedHashMap<>((Map<String, Object>) onEventResult.get("Data"));
        data.putAll((Map<String, Object>) r.get("Data"));
        // The framework merges isComplete's answer over the event: it may set the physical id.
        return new Result((String) r.getOrDefault("PhysicalResourceId", physicalId), data, poll);
      }
    }
    throw new AssertionError("isComplete did not finish within " + MAX_POLLS + " polls");
  }

  private static Map<String, Object> base(String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", type);
    e.put("RequestId", UUID.randomUUID().toString());
    e.put("StackId", STACK_ID);
    e.put("LogicalResourceId", "Host1A2B3C4D");
    e.put("ResourceType", "Custom::CodeStarConnectionsHost");
    e.put(
        "ServiceToken",
        "arn:aws:lambda:us-east-1:123456789012:function:provider-framework-onEvent");
    e.put(
        "ResponseURL",
        "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x");
    return e;
  }

  private static Map<String, Object> withToken(Map<String, Object> properties) {
    Map<String, Object> p = new LinkedHashMap<>(properties);
    p.put(
        "ServiceToken",
        "arn:aws:lambda:us-east-1:123456789012:function:provider-framework-onEvent");
    return p;
  }
}
