package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.codestarconnections.lambda.Namespace;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful local stand-in for the CodeStar Connections / CodeConnections host API, speaking AWS
 * JSON 1.0 for both target prefixes on one port (hosts are shared, as in the real service; a host's
 * ARN names the service it was created through).
 *
 * <p>Every request is validated against the operation's input shape in the official model (or
 * {@link FallbackModel}); a violation is answered with ValidationException and recorded in {@link
 * #violations()}. Statuses move over GetHost polls; faults are queued per operation; calls are
 * counted per operation.
 */
public final class CodeStarConnectionsStandIn implements AutoCloseable {
  /** The account id in every ARN. */
  public static final String ACCOUNT = "123456789012";

  /** The region in every ARN. */
  public static final String REGION = "us-east-1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, ServiceModel> modelsByPrefix = new HashMap<>();
  private final Map<Namespace, ServiceModel> models = new EnumMap<>(Namespace.class);
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int vpcInitialisationPolls = 1;
  private int vpcDeletionPolls = 1;
  private String nextVpcFailure;
  private int pageSize = 2;
  private Duration slowAnswerDelay = Duration.ofSeconds(2);
  private String faultMessage;
  private int sequence;

  private static final class Host {
    String arn;
    String name;
    String providerType;
    String endpoint;
    JsonNode vpc;
    String status;
    String statusMessage;
    final Map<String, String> tags = new LinkedHashMap<>();
    // Statuses the next GetHost calls move to, one per call; null status means "deleted".
    final Deque<String[]> upcoming = new ArrayDeque<>();
  }

  private CodeStarConnectionsStandIn() throws IOException {
    for (Namespace n : Namespace.values()) {
      ServiceModel m = ServiceModel.load(n);
      models.put(n, m);
      modelsByPrefix.put(m.targetPrefix(), m);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // Room for answers held back by SLOW_ANSWER while other requests are served.
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a stand-in on 127.0.0.1 and an ephemeral port.
   *
   * @return the running stand-in
   */
  public static CodeStarConnectionsStandIn start() {
    try {
      return new CodeStarConnectionsStandIn();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the stand-in", e);
    }
  }

  /**
   * The endpoint to give SDK clients.
   *
   * @return http://127.0.0.1:port
   */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Whether the models came from {@code reference.dir}.
   *
   * @param namespace which
   * @return true for the official model
   */
  public boolean usesOfficialModel(Namespace namespace) {
    return models.get(namespace).official();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- Scripting ----------------------------------------------------------------------------

  /**
   * How many GetHost calls a VPC host stays VPC_CONFIG_INITIALIZING after CreateHost/UpdateHost.
   *
   * @param polls at least 1
   */
  public synchronized void vpcInitialisationPolls(int polls) {
    this.vpcInitialisationPolls = Math.max(1, polls);
  }

  /**
   * How many GetHost calls a VPC host stays VPC_CONFIG_DELETING after DeleteHost.
   *
   * @param polls at least 1
   */
  public synchronized void vpcDeletionPolls(int polls) {
    this.vpcDeletionPolls = Math.max(1, polls);
  }

  /**
   * Makes the next VPC initialisation end in VPC_CONFIG_FAILED_INITIALIZATION.
   *
   * @param statusMessage the message ListHosts will show
   */
  public synchronized void failNextVpcInitialisation(String statusMessage) {
    this.nextVpcFailure = statusMessage;
  }

  /**
   * ListHosts page size when the request gives no MaxResults.
   *
   * @param size at least 1
   */
  public synchronized void pageSize(int size) {
    this.pageSize = Math.max(1, size);
  }

  /**
   * How long {@link Fault#SLOW_ANSWER} holds an answer back; longer than the client's attempt
   * timeout.
   *
   * @param delay the delay
   */
  public synchronized void slowAnswerDelay(Duration delay) {
    this.slowAnswerDelay = delay;
  }

  /**
   * Replaces the message of every scripted error answer (THROTTLE, SERVER_ERROR, LIMIT_EXCEEDED,
   * RESOURCE_UNAVAILABLE), e.g. with an oversized one.
   *
   * @param message the message, or null for the defaults
   */
  public synchronized void faultMessage(String message) {
    this.faultMessage = message;
  }

  /**
   * Sets a host's status now, dropping any scripted progression.
   *
   * @param arn the host
   * @param status the status
   * @param message the status message, or null
   */
  public synchronized void setStatus(String arn, String status, String message) {
    Host h = require(arn);
    h.status = status;
    h.statusMessage = message;
    h.upcoming.clear();
  }

  /**
   * Scripts statuses: the host shows the first now, and each GetHost moves to the next.
   *
   * @param arn the host
   * @param statuses the statuses in order
   */
  public synchronized void scriptStatuses(String arn, String... statuses) {
    Host h = require(arn);
    h.upcoming.clear();
    h.status = statuses[0];
    h.statusMessage = null;
    for (int i = 1; i < statuses.length; i++) {
      h.upcoming.add(new String[] {statuses[i], null});
    }
  }

  /**
   * Queues a fault for the next calls of an operation.
   *
   * @param operation e.g. CreateHost
   * @param fault the fault
   * @param times how many calls get it
   */
  public synchronized void fault(String operation, Fault fault, int times) {
    Deque<Fault> q = faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(fault);
    }
  }

  /**
   * Puts a host in place as if someone else had made it.
   *
   * @param namespace whose ARN it gets
   * @param name the name
   * @param providerType the provider type
   * @param endpoint the endpoint
   * @param tags its tags
   * @return its ARN
   */
  public synchronized String seedHost(
      Namespace namespace,
      String name,
      String providerType,
      String endpoint,
      Map<String, String> tags) {
    Host h = newHost(namespace, name, providerType, endpoint, null);
    h.tags.putAll(tags);
    return h.arn;
  }

  // ---- Observation --------------------------------------------------------------------------

  /**
   * How often an operation was called (faulted calls included).
   *
   * @param operation e.g. GetHost
   * @return the count
   */
  public synchronized int callCount(String operation) {
    return calls.getOrDefault(operation, 0);
  }

  /**
   * All calls of all operations.
   *
   * @return the total
   */
  public synchronized int totalCalls() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Forgets the call counts. */
  public synchronized void resetCounts() {
    calls.clear();
  }

  /**
   * Requests that broke the model.
   *
   * @return one line per violation
   */
  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * The hosts now.
   *
   * @return snapshots in creation order
   */
  public synchronized List<StandInHost> hosts() {
    List<StandInHost> list = new ArrayList<>();
    for (Host h : hosts.values()) {
      List<String> subnets = new ArrayList<>();
      if (h.vpc != null) {
        h.vpc.path("SubnetIds").forEach(s -> subnets.add(s.asText()));
      }
      list.add(
          new StandInHost(
              h.arn,
              h.name,
              h.providerType,
              h.endpoint,
              h.vpc == null ? null : h.vpc.path("VpcId").asText(),
              subnets,
              h.vpc == null || !h.vpc.has("TlsCertificate")
                  ? null
                  : h.vpc.get("TlsCertificate").asText(),
              h.status,
              h.statusMessage,
              Map.copyOf(h.tags)));
    }
    return list;
  }

  /**
   * One host now.
   *
   * @param arn its ARN
   * @return the snapshot
   */
  public synchronized StandInHost host(String arn) {
    return hosts().stream()
        .filter(h -> h.arn().equals(arn))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no host " + arn));
  }

  // ---- Protocol -----------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Answer answer;
      boolean lose;
      long holdBackMillis = 0;
      synchronized (this) {
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
        answer = answer(exchange, model, operation, body, fault);
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
      byte[] out = JSON.writeValueAsBytes(answer.body);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
      exchange.getResponseHeaders().set("x-amzn-RequestId", "standin-" + sequence);
      try {
        exchange.sendResponseHeaders(answer.status, out.length);
        exchange.getResponseBody().write(out);
      } catch (IOException gone) {
        // A client that gave up (SLOW_ANSWER) has closed the connection.
      }
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer answer(
      HttpExchange exchange, ServiceModel model, String operation, byte[] raw, Fault fault) {
    if (!"POST".equals(exchange.getRequestMethod()) || model == null) {
      violations.add(
          "request with method " + exchange.getRequestMethod() + " and target " + operation);
      return error(400, "UnknownOperationException", "unknown target");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.startsWith("application/x-amz-json-1.0")) {
      violations.add(operation + ": Content-Type is " + contentType);
    }
    if (!model.hasOperation(operation) || !SUPPORTED.contains(operation)) {
      violations.add(operation + ": not served by the stand-in");
      return error(400, "UnknownOperationException", operation + " is not served here");
    }
    JsonNode body;
    try {
      body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
    } catch (IOException e) {
      violations.add(operation + ": body is not JSON");
      return error(400, "SerializationException", "body is not JSON");
    }
    List<String> problems = model.validate(operation, body);
    if (!problems.isEmpty()) {
      problems.forEach(p -> violations.add(model.namespace().arnService() + " " + p));
      return error(400, "ValidationException", String.join("; ", problems));
    }
    if (fault != null && fault != Fault.LOST_RESPONSE && fault != Fault.SLOW_ANSWER) {
      return switch (fault) {
        case THROTTLE -> error(400, "ThrottlingException", scripted("Rate exceeded"));
        case SERVER_ERROR ->
            error(500, "InternalServerException", scripted("Internal failure (scripted)"));
        case LIMIT_EXCEEDED ->
            error(
                400,
                "LimitExceededException",
                scripted("Exceeded the maximum number of hosts (scripted)"));
        default ->
            error(400, "ResourceUnavailableException", scripted("Resource unavailable (scripted)"));
      };
    }
    sequence++;
    return perform(model.namespace(), operation, body);
  }

  private String scripted(String message) {
    return faultMessage == null ? message : faultMessage;
  }

  private static final List<String> SUPPORTED =
      List.of(
          "CreateHost",
          "GetHost",
          "ListHosts",
          "UpdateHost",
          "DeleteHost",
          "TagResource",
          "UntagResource",
          "ListTagsForResource");

  private Answer perform(Namespace ns, String operation, JsonNode in) {
    ObjectNode out = JSON.createObjectNode();
    switch (operation) {
      case "CreateHost" -> {
        Host h =
            newHost(
                ns,
                in.get("Name").asText(),
                in.get("ProviderType").asText(),
                in.get("ProviderEndpoint").asText(),
                in.get("VpcConfiguration"));
        in.path("Tags").forEach(t -> h.tags.put(t.get("Key").asText(), t.get("Value").asText()));
        out.put("HostArn", h.arn);
        out.set("Tags", tags(h));
      }
      case "GetHost" -> {
        Host h = hosts.get(in.get("HostArn").asText());
        if (h == null) {
          return notFound(in.get("HostArn").asText());
        }
        out.put("Name", h.name)
            .put("Status", h.status)
            .put("ProviderType", h.providerType)
            .put("ProviderEndpoint", h.endpoint);
        if (h.vpc != null) {
          out.set("VpcConfiguration", h.vpc);
        }
        advance(h);
      }
      case "ListHosts" -> {
        int size =
            in.has("MaxResults") && in.get("MaxResults").asInt() > 0
                ? in.get("MaxResults").asInt()
                : pageSize;
        int start = 0;
        if (in.has("NextToken")) {
          String token = in.get("NextToken").asText();
          if (!token.startsWith("page:")) {
            return error(400, "ValidationException", "invalid NextToken");
          }
          start = Integer.parseInt(token.substring(5));
        }
        List<Host> all = new ArrayList<>(hosts.values());
        ArrayNode list = out.putArray("Hosts");
        for (int i = start; i < Math.min(all.size(), start + size); i++) {
          Host h = all.get(i);
          ObjectNode o =
              list.addObject()
                  .put("Name", h.name)
                  .put("HostArn", h.arn)
                  .put("ProviderType", h.providerType)
                  .put("ProviderEndpoint", h.endpoint)
                  .put("Status", h.status);
          if (h.vpc != null) {
            o.set("VpcConfiguration", h.vpc);
          }
          if (h.statusMessage != null) {
            o.put("StatusMessage", h.statusMessage);
          }
        }
        if (start + size < all.size()) {
          out.put("NextToken", "page:" + (start + size));
        }
      }
      case "UpdateHost" -> {
        Host h = hosts.get(in.get("HostArn").asText());
        if (h == null) {
          return notFound(in.get("HostArn").asText());
        }
        if (h.status.startsWith("VPC_CONFIG_INITIALIZING")
            || h.status.equals("VPC_CONFIG_DELETING")) {
          return error(
              400,
              "ConflictException",
              "Host " + h.arn + " is " + h.status + "; another operation is in progress");
        }
        if (!h.status.equals("PENDING") && !h.status.equals("VPC_CONFIG_FAILED_INITIALIZATION")) {
          return error(
              400,
              "UnsupportedOperationException",
              "Host "
                  + h.arn
                  + " is "
                  + h.status
                  + "; only hosts in PENDING status can be updated");
        }
        if (in.has("ProviderEndpoint")) {
          h.endpoint = in.get("ProviderEndpoint").asText();
        }
        if (in.has("VpcConfiguration")) {
          h.vpc = in.get("VpcConfiguration");
          startVpcInitialisation(h);
        }
      }
      case "DeleteHost" -> {
        Host h = hosts.get(in.get("HostArn").asText());
        if (h == null) {
          return notFound(in.get("HostArn").asText());
        }
        if (h.status.equals("VPC_CONFIG_INITIALIZING") || h.status.equals("VPC_CONFIG_DELETING")) {
          return error(
              400,
              "ResourceUnavailableException",
              "Host " + h.arn + " is " + h.status + " and cannot be deleted now");
        }
        if (h.vpc == null) {
          hosts.remove(h.arn);
        } else {
          h.status = "VPC_CONFIG_DELETING";
          h.statusMessage = null;
          h.upcoming.clear();
          for (int i = 1; i < vpcDeletionPolls; i++) {
            h.upcoming.add(new String[] {"VPC_CONFIG_DELETING", null});
          }
          h.upcoming.add(new String[] {null, null});
        }
      }
      case "TagResource" -> {
        Host h = hosts.get(in.get("ResourceArn").asText());
        if (h == null) {
          return notFound(in.get("ResourceArn").asText());
        }
        in.get("Tags").forEach(t -> h.tags.put(t.get("Key").asText(), t.get("Value").asText()));
        if (h.tags.size() > 200) {
          return error(400, "LimitExceededException", "too many tags");
        }
      }
      case "UntagResource" -> {
        Host h = hosts.get(in.get("ResourceArn").asText());
        if (h == null) {
          return notFound(in.get("ResourceArn").asText());
        }
        in.get("TagKeys").forEach(k -> h.tags.remove(k.asText()));
      }
      case "ListTagsForResource" -> {
        Host h = hosts.get(in.get("ResourceArn").asText());
        if (h == null) {
          return notFound(in.get("ResourceArn").asText());
        }
        out.set("Tags", tags(h));
      }
      default -> throw new IllegalStateException(operation);
    }
    return new Answer(200, out);
  }

  private Host newHost(Namespace ns, String name, String type, String endpoint, JsonNode vpc) {
    Host h = new Host();
    h.arn =
        String.format(
            "arn:aws:%s:%s:%s:host/%s-%08x",
            ns.arnService(),
            REGION,
            ACCOUNT,
            type.toLowerCase().substring(0, Math.min(10, type.length())),
            0x5eed0000 + hosts.size() * 7919 + (++sequence));
    h.name = name;
    h.providerType = type;
    h.endpoint = endpoint;
    h.vpc = vpc;
    h.status = "PENDING";
    if (vpc != null) {
      startVpcInitialisation(h);
    }
    hosts.put(h.arn, h);
    return h;
  }

  private void startVpcInitialisation(Host h) {
    h.status = "VPC_CONFIG_INITIALIZING";
    h.statusMessage = null;
    h.upcoming.clear();
    for (int i = 1; i < vpcInitialisationPolls; i++) {
      h.upcoming.add(new String[] {"VPC_CONFIG_INITIALIZING", null});
    }
    if (nextVpcFailure != null) {
      h.upcoming.add(new String[] {"VPC_CONFIG_FAILED_INITIALIZATION", nextVpcFailure});
      nextVpcFailure = null;
    } else {
      h.upcoming.add(new String[] {"PENDING", null});
    }
  }

  private void advance(Host h) {
    String[] next = h.upcoming.poll();
    if (next == null) {
      return;
    }
    if (next[0] == null) {
      hosts.remove(h.arn);
    } else {
      h.status = next[0];
      h.statusMessage = next[1];
    }
  }

  private static ArrayNode tags(Host h) {
    ArrayNode list = JSON.createArrayNode();
    h.tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    return list;
  }

  private Host require(String arn) {
    Host h = hosts.get(arn);
    if (h == null) {
      throw new IllegalArgumentException("no host " + arn);
    }
    return h;
  }

  private static Answer notFound(String arn) {
    return error(400, "ResourceNotFoundException", "Host " + arn + " not found");
  }

  private static Answer error(int status, String type, String message) {
    ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
    return new Answer(status, body);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
