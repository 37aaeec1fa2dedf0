package io.github.codestarconnections.test.standin;

import com.sun.net.httpserver.HttpServer;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.Account.HostRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful local stand-in for the CodeStar Connections / CodeConnections API (hosts, connections
 * and their tags), speaking AWS JSON 1.0 for both target prefixes on one port. Both namespaces
 * share one account, as in the real service; a resource's ARN names the service it was created
 * through.
 *
 * <p>Every request is validated against the operation's input shape in the official model (or
 * {@link FallbackModel}); a violation is answered with ValidationException and recorded in {@link
 * #violations()}. The service's documented rules are enforced by {@link HostOperations} and {@link
 * ConnectionOperations}; undocumented answers are switches (see {@link StandInRules}). A request
 * carrying the {@value #PRINCIPAL_HEADER} header is checked against that principal's policy
 * statements ({@link #allow}). Statuses move over GetHost polls; faults are queued per operation;
 * calls are counted per operation.
 */
public final class CodeStarConnectionsStandIn implements AutoCloseable {
  /** The account id in every ARN. */
  public static final String ACCOUNT = "123456789012";

  /** The region in every ARN. */
  public static final String REGION = "us-east-1";

  /** The request header naming the calling principal (see {@link StandInClients}). */
  public static final String PRINCIPAL_HEADER = "x-standin-principal";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Account account = new Account(this);
  private final Dispatcher dispatcher = new Dispatcher(this, account);

  private CodeStarConnectionsStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // Room for answers held back by SLOW_ANSWER while other requests are served.
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", dispatcher::handle);
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
    account.vpcInitialisationPolls = Math.max(1, polls);
  }

  /**
   * How many GetHost calls a VPC host stays VPC_CONFIG_DELETING after DeleteHost.
   *
   * @param polls at least 1
   */
  public synchronized void vpcDeletionPolls(int polls) {
    account.vpcDeletionPolls = Math.max(1, polls);
  }

  /**
   * Makes the next VPC initialisation end in VPC_CONFIG_FAILED_INITIALIZATION.
   *
   * @param statusMessage the message ListHosts will show
   */
  public synchronized void failNextVpcInitialisation(String statusMessage) {
    account.nextVpcFailure = statusMessage;
  }

  /**
   * ListHosts and ListConnections page size when the request gives no MaxResults.
   *
   * @param size at least 1
   */
  public synchronized void pageSize(int size) {
    account.pageSize = Math.max(1, size);
  }

  /**
   * How long {@link Fault#SLOW_ANSWER} holds an answer back; longer than the client's attempt
   * timeout.
   *
   * @param delay the delay
   */
  public synchronized void slowAnswerDelay(Duration delay) {
    dispatcher.slowAnswerDelay = delay;
  }

  /**
   * Replaces the message of every scripted error answer (THROTTLE, SERVER_ERROR, LIMIT_EXCEEDED,
   * RESOURCE_UNAVAILABLE), e.g. with an oversized one.
   *
   * @param message the message, or null for the defaults
   */
  public synchronized void faultMessage(String message) {
    dispatcher.faultMessage = message;
  }

  /**
   * The switches for what the service's documentation leaves open.
   *
   * @return the rules, changeable at any time
   */
  public StandInRules rules() {
    return account.rules;
  }

  /**
   * Sets the policy statements of a principal; requests naming it in {@value #PRINCIPAL_HEADER} are
   * checked against them.
   *
   * @param principal e.g. a role ARN
   * @param statements every statement the principal has (replaces earlier ones)
   */
  public synchronized void allow(String principal, List<PolicyStatement> statements) {
    account.iam.set(principal, statements);
  }

  /**
   * Sets a host's status now, dropping any scripted progression.
   *
   * @param arn the host
   * @param status the status
   * @param message the status message, or null
   */
  public synchronized void setStatus(String arn, String status, String message) {
    HostRecord h = require(arn);
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
    HostRecord h = require(arn);
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
    Deque<Fault> q = dispatcher.faults.computeIfAbsent(operation, k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(fault);
    }
  }

  /** Drops every queued fault. */
  public synchronized void clearFaults() {
    dispatcher.faults.clear();
  }

  /**
   * Lets the service finish what it is doing: every host's scripted statuses run to their end, so a
   * host being deleted is gone and one being set up is set up (as if GetHost were polled).
   */
  public synchronized void settle() {
    for (HostRecord h : new ArrayList<>(account.hosts.values())) {
      while (!h.upcoming.isEmpty()) {
        String[] next = h.upcoming.poll();
        if (next[0] == null) {
          account.hosts.remove(h.arn);
        } else {
          h.status = next[0];
          h.statusMessage = next[1];
        }
      }
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
    HostRecord h = dispatcher.hostOps.newHost(namespace, name, providerType, endpoint, null);
    h.tags.putAll(tags);
    return h.arn;
  }

  /**
   * Puts a host in place as an earlier handler, or someone else, left it: with a VPC configuration
   * and a status of its own (no scripted progression).
   *
   * @param namespace whose ARN it gets
   * @param name the name
   * @param providerType the provider type
   * @param endpoint the endpoint
   * @param vpcConfiguration VpcId, SubnetIds, SecurityGroupIds (and TlsCertificate), or null
   * @param status e.g. PENDING or VPC_CONFIG_FAILED_INITIALIZATION
   * @param statusMessage the status message ListHosts shows, or null
   * @param tags its tags
   * @return its ARN
   */
  public synchronized String seedHost(
      Namespace namespace,
      String name,
      String providerType,
      String endpoint,
      Map<String, Object> vpcConfiguration,
      String status,
      String statusMessage,
      Map<String, String> tags) {
    HostRecord h =
        dispatcher.hostOps.newHost(
            namespace,
            name,
            providerType,
            endpoint,
            vpcConfiguration == null ? null : Answer.JSON.valueToTree(vpcConfiguration));
    h.tags.putAll(tags);
    h.status = status;
    h.statusMessage = statusMessage;
    h.upcoming.clear();
    return h.arn;
  }

  /**
   * Puts a connection in place as if someone else had made it: it shows the first of the statuses
   * now (PENDING when none), each GetConnection moves to the next, the last stays.
   *
   * @param namespace whose ARN it gets
   * @param name the name
   * @param providerType the provider type (the host's, when on a host)
   * @param hostArn the host ARN, or null
   * @param statuses e.g. PENDING, PENDING, AVAILABLE
   * @return its ARN
   */
  public synchronized String seedConnection(
      Namespace namespace, String name, String providerType, String hostArn, String... statuses) {
    return dispatcher.connectionOps.seed(namespace, name, providerType, hostArn, statuses);
  }

  /**
   * Has a person finish the handshake of the connection of this name once it is made (now, or later
   * by CreateConnection): it answers PENDING to that many GetConnection calls, then is AVAILABLE.
   * Reads that do not go through GetConnection ({@link #connections()}) see it PENDING until then.
   *
   * @param connectionName the connection's name
   * @param pendingReads at least 1
   */
  public synchronized void finishHandshakeAfter(String connectionName, int pendingReads) {
    account.handshakes.put(connectionName, Math.max(1, pendingReads));
  }

  /**
   * Whether a principal may do an action on a resource by its policy statements, as IAM's policy
   * simulator answers it: for what other AWS services do with a role (CodeBuild with a project's
   * role), which the stand-in does not serve.
   *
   * @param principal e.g. a role ARN
   * @param action e.g. codeconnections:GetConnectionToken
   * @param resource the resource's ARN
   * @return empty when allowed, else why not
   */
  public synchronized Optional<String> whyDenied(String principal, String action, String resource) {
    return account.iam.denied(principal, action, resource);
  }

  /**
   * The EC2 actions the stand-in requires of a VPC host's caller, per registry-schema handler.
   *
   * @return create, update and delete to their actions
   */
  public static Map<String, List<String>> vpcPermissions() {
    return Map.of(
        "create", VpcPermissions.CREATE,
        "update", VpcPermissions.UPDATE,
        "delete", VpcPermissions.DELETE);
  }

  // ---- Observation --------------------------------------------------------------------------

  /**
   * How often an operation was called (faulted calls included).
   *
   * @param operation e.g. GetHost
   * @return the count
   */
  public synchronized int callCount(String operation) {
    return dispatcher.calls.getOrDefault(operation, 0);
  }

  /**
   * All calls of all operations.
   *
   * @return the total
   */
  public synchronized int totalCalls() {
    return dispatcher.calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Forgets the call counts. */
  public synchronized void resetCounts() {
    dispatcher.calls.clear();
  }

  /**
   * Requests that broke the model.
   *
   * @return one line per violation
   */
  public synchronized List<String> violations() {
    return List.copyOf(dispatcher.violations);
  }

  /**
   * The hosts now.
   *
   * @return snapshots in creation order
   */
  public synchronized List<StandInHost> hosts() {
    List<StandInHost> list = new ArrayList<>();
    for (HostRecord h : account.hosts.values()) {
      list.add(StandInHost.of(h));
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

  /**
   * The connections now.
   *
   * @return snapshots in creation order
   */
  public synchronized List<StandInConnection> connections() {
    List<StandInConnection> list = new ArrayList<>();
    account
        .connections
        .values()
        .forEach(
            c ->
                list.add(
                    new StandInConnection(
                        c.arn, c.name, c.providerType, c.hostArn, c.status, Map.copyOf(c.tags))));
    return list;
  }

  /**
   * The hosts whose network interfaces use a security group: what a VPC host holds in the account
   * until it is gone, so that EC2 refuses to delete the group (DependencyViolation).
   *
   * @param groupId e.g. sg-0123456789abcdef0
   * @return the ARNs of those hosts, empty when the group is free
   */
  public synchronized List<String> hostsUsingSecurityGroup(String groupId) {
    List<String> using = new ArrayList<>();
    for (HostRecord h : account.hosts.values()) {
      if (h.vpc != null) {
        h.vpc
            .path("SecurityGroupIds")
            .forEach(
                g -> {
                  if (g.asText().equals(groupId)) {
                    using.add(h.arn);
                  }
                });
      }
    }
    return using;
  }

  private HostRecord require(String arn) {
    HostRecord h = account.hosts.get(arn);
    if (h == null) {
      throw new IllegalArgumentException("no host " + arn);
    }
    return h;
  }
}
