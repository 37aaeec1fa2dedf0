package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.codestarconnections.lambda.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stand-in's protocol: reads an AWS JSON 1.0 request, validates it against the model, checks
 * the caller's rights, applies a queued fault, and hands it to the operations. All state is guarded
 * by the stand-in's lock.
 */
final class Dispatcher {

  private final Object lock;
  private final Map<String, ServiceModel> modelsByPrefix = new HashMap<>();
  final Map<Namespace, ServiceModel> models = new EnumMap<>(Namespace.class);
  final Account account;
  final HostOperations hostOps;
  final ConnectionOperations connectionOps;
  private final Tags tagOps;
  final Map<String, Deque<Fault>> faults = new HashMap<>();
  final Map<String, Integer> calls = new HashMap<>();
  final List<String> violations = new ArrayList<>();
  Duration slowAnswerDelay = Duration.ofSeconds(2);
  String faultMessage;
  private int answers;

  Dispatcher(Object lock, Account account) {
    this.lock = lock;
    this.account = account;
    this.hostOps = new HostOperations(account);
    this.connectionOps = new ConnectionOperations(account);
    this.tagOps = new Tags(account);
    for (Namespace n : Namespace.values()) {
      ServiceModel m = ServiceModel.load(n);
      models.put(n, m);
      modelsByPrefix.put(m.targetPrefix(), m);
    }
  }

  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String principal =
          exchange.getRequestHeaders().getFirst(CodeStarConnectionsStandIn.PRINCIPAL_HEADER);
      Answer answer;
      boolean lose;
      long holdBackMillis = 0;
      synchronized (lock) {
        int dot = target == null ? -1 : target.lastIndexOf('.');
        ServiceModel model = dot < 0 ? null : modelsByPrefix.get(target.substring(0, dot));
        String operation = dot < 0 ? String.valueOf(target) : target.substring(dot + 1);
        calls.merge(operation, 1, Integer::sum);
        Deque<Fault> queued = faults.get(operation);
        Fault fault = queued == null ? null : queued.poll();
        if (fault == Fault.CONNECTION_RESET) {
          // Nothing done; closing the exchange unanswered drops the connection.
          return;
        }
        lose = fault == Fault.LOST_RESPONSE;
        if (fault == Fault.SLOW_ANSWER) {
          holdBackMillis = slowAnswerDelay.toMillis();
        }
        answer = answer(exchange, model, operation, body, fault, principal);
      }
      if (lose) {
        // The action happened; the client never hears of it.
        return;
      }
      if (holdBackMillis > 0) {
        try {
          Thread.sleep(holdBackMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] out = Answer.JSON.writeValueAsBytes(answer.body());
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.getResponseHeaders().set("x-amzn-RequestId", "standin-" + answers);
      try {
        exchange.sendResponseHeaders(answer.status(), out.length);
        exchange.getResponseBody().write(out);
      } catch (IOException gone) {
        // A client that gave up (SLOW_ANSWER) has closed the connection.
      }
    }
  }

  private Answer answer(
      HttpExchange exchange,
      ServiceModel model,
      String operation,
      byte[] raw,
      Fault fault,
      String principal) {
    if (!"POST".equals(exchange.getRequestMethod()) || model == null) {
      violations.add(
          "request with method " + exchange.getRequestMethod() + " and target " + operation);
      return Answer.error("UnknownOperationException", "unknown target");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.startsWith("application/x-amz-json-1.0")) {
      violations.add(operation + ": Content-Type is " + contentType);
    }
    if (!model.hasOperation(operation)) {
      violations.add(operation + ": not served by the stand-in");
      return Answer.error("UnknownOperationException", operation + " is not served here");
    }
    JsonNode body;
    try {
      body = raw.length == 0 ? Answer.JSON.createObjectNode() : Answer.JSON.readTree(raw);
    } catch (IOException e) {
      violations.add(operation + ": body is not JSON");
      return Answer.error("SerializationException", "body is not JSON");
    }
    List<String> problems = model.validate(operation, body);
    if (!problems.isEmpty()) {
      problems.forEach(p -> violations.add(model.namespace().arnService() + " " + p));
      return Answer.error("ValidationException", String.join("; ", problems));
    }
    Caller caller = new Caller(model.namespace(), principal, account.iam);
    Optional<Answer> denied =
        caller.denied(model.namespace().arnService() + ":" + operation, resourceOf(body));
    if (denied.isPresent()) {
      return denied.get();
    }
    if (fault != null && fault != Fault.LOST_RESPONSE && fault != Fault.SLOW_ANSWER) {
      return switch (fault) {
        case THROTTLE -> Answer.error("ThrottlingException", scripted("Rate exceeded"));
        case SERVER_ERROR ->
            Answer.error(500, "InternalServerException", scripted("Internal failure (scripted)"));
        case LIMIT_EXCEEDED ->
            Answer.error(
                "LimitExceededException",
                scripted("Exceeded the maximum number of hosts (scripted)"));
        case NOT_FOUND ->
            Answer.error("ResourceNotFoundException", scripted("Not found (scripted)"));
        default ->
            Answer.error(
                "ResourceUnavailableException", scripted("Resource unavailable (scripted)"));
      };
    }
    answers++;
    return perform(caller, operation, body);
  }

  /** The resource an action is authorized on: the ARN the request names, else "*". */
  private static String resourceOf(JsonNode body) {
    for (String field : List.of("HostArn", "ResourceArn", "ConnectionArn")) {
      if (body.has(field)) {
        return body.get(field).asText();
      }
    }
    return "*";
  }

  private String scripted(String message) {
    return faultMessage == null ? message : faultMessage;
  }

  private Answer perform(Caller caller, String operation, JsonNode in) {
    return switch (operation) {
      case "CreateHost" -> hostOps.createHost(caller, in);
      case "GetHost" -> hostOps.getHost(in);
      case "ListHosts" -> hostOps.listHosts(in);
      case "UpdateHost" -> hostOps.updateHost(caller, in);
      case "DeleteHost" -> hostOps.deleteHost(caller, in);
      case "TagResource" -> tagOps.tagResource(in);
      case "UntagResource" -> tagOps.untagResource(in);
      case "ListTagsForResource" -> tagOps.listTagsForResource(in);
      case "CreateConnection" -> connectionOps.createConnection(caller, in);
      case "GetConnection" -> connectionOps.getConnection(in);
      case "ListConnections" -> connectionOps.listConnections(in);
      case "DeleteConnection" -> connectionOps.deleteConnection(in);
      default -> throw new IllegalStateException(operation);
    };
  }
}
