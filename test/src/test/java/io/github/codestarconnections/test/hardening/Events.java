package io.github.codestarconnections.test.hardening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.lambda.HostApi;
import io.github.codestarconnections.lambda.IsCompleteHandler;
import io.github.codestarconnections.lambda.OnEventHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Custom-resource events as CloudFormation and the CDK Provider framework deliver them, a small
 * player that runs onEvent then isComplete, and the size of the response body the framework would
 * send CloudFormation.
 */
final class Events {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SERVICE_TOKEN =
      "arn:aws:lambda:us-east-1:123456789012:function:provider-framework-onEvent";
  static final String STACK_ID =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/HostStack/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f";
  static final String TLS_BODY = "MIIBszCCAVmgAwIBAgIUSECRETCERTIFICATEBODYxyz";
  static final String TLS =
      "-----BEGIN CERTIFICATE-----\n" + TLS_BODY + "\n-----END CERTIFICATE-----\n";

  /** CloudFormation's limit on a custom resource's response body. */
  static final int RESPONSE_LIMIT = 4096;

  private Events() {}

  static Map<String, Object> host(String name) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Name", name);
    p.put("ProviderType", "GitHubEnterpriseServer");
    p.put("ProviderEndpoint", "https://ghe.example.com");
    return p;
  }

  static Map<String, Object> vpc() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("VpcId", "vpc-0123abcd");
    v.put("SubnetIds", List.of("subnet-0123abcd"));
    v.put("SecurityGroupIds", List.of("sg-0123abcd"));
    v.put("TlsCertificate", TLS);
    return v;
  }

  static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(map);
    m.put(key, value);
    return m;
  }

  static Map<String, Object> without(Map<String, Object> map, String key) {
    Map<String, Object> m = new LinkedHashMap<>(map);
    m.remove(key);
    return m;
  }

  static Map<String, Object> create(Map<String, Object> properties) {
    Map<String, Object> e = base("Create");
    e.put("ResourceProperties", withToken(properties));
    return e;
  }

  static Map<String, Object> update(
      String physicalId, Map<String, Object> old, Map<String, Object> properties) {
    Map<String, Object> e = base("Update");
    e.put("PhysicalResourceId", physicalId);
    e.put("ResourceProperties", withToken(properties));
    e.put("OldResourceProperties", withToken(old));
    return e;
  }

  static Map<String, Object> delete(String physicalId, Map<String, Object> properties) {
    Map<String, Object> e = base("Delete");
    e.put("PhysicalResourceId", physicalId);
    e.put("ResourceProperties", withToken(properties));
    return e;
  }

  private static Map<String, Object> base(String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", type);
    e.put("RequestId", UUID.randomUUID().toString());
    e.put("StackId", STACK_ID);
    e.put("LogicalResourceId", "Host1A2B3C4D");
    e.put("ResourceType", "Custom::CodeStarConnectionsHost");
    e.put("ServiceToken", SERVICE_TOKEN);
    e.put(
        "ResponseURL",
        "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x");
    return e;
  }

  private static Map<String, Object> withToken(Map<String, Object> properties) {
    Map<String, Object> p = new LinkedHashMap<>(properties);
    p.put("ServiceToken", SERVICE_TOKEN);
    return p;
  }

  /**
   * The bytes of the body the Provider framework PUTs to CloudFormation's response URL. On failure
   * the framework appends a pointer to the handler's logs to the reason; {@code reasonSuffix}
   * stands in for it.
   */
  static int responseBytes(
      Map<String, Object> event,
      String status,
      String reason,
      String physicalId,
      Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Status", status);
    body.put("Reason", reason);
    body.put("PhysicalResourceId", physicalId);
    body.put("StackId", event.get("StackId"));
    body.put("RequestId", event.get("RequestId"));
    body.put("LogicalResourceId", event.get("LogicalResourceId"));
    body.put("NoEcho", false);
    if (data != null) {
      body.put("Data", data);
    }
    try {
      return JSON.writeValueAsBytes(body).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes of a string once JSON-escaped and UTF-8 encoded, quotes excluded. */
  static int jsonBytes(String s) {
    try {
      return JSON.writeValueAsBytes(s).length - 2;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Plays the Provider framework: onEvent, then isComplete until done or out of polls. */
  static final class Player {
    final OnEventHandler onEvent;
    final IsCompleteHandler isComplete;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    Player(HostApi api) {
      PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
      onEvent = new OnEventHandler(api, log, Duration.ZERO);
      isComplete = new IsCompleteHandler(api, log);
    }

    String log() {
      return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs a whole event; returns the merged isComplete answer (PhysicalResourceId added). */
    @SuppressWarnings("unchecked")
    Map<String, Object> run(Map<String, Object> event, int maxPolls) {
      Map<String, Object> first = onEvent.handleRequest(event, null);
      Map<String, Object> merged = new LinkedHashMap<>(event);
      merged.put("PhysicalResourceId", first.get("PhysicalResourceId"));
      merged.put("Data", first.get("Data"));
      for (int poll = 1; poll <= maxPolls; poll++) {
        Map<String, Object> r = isComplete.handleRequest(merged, null);
        if (Boolean.TRUE.equals(r.get("IsComplete"))) {
          Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) first.get("Data"));
          data.putAll((Map<String, Object>) r.get("Data"));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("PhysicalResourceId", first.get("PhysicalResourceId"));
          out.put("Data", data);
          out.put("Polls", poll);
          return out;
        }
      }
      throw new AssertionError("isComplete did not finish within " + maxPolls + " polls");
    }
  }
}
