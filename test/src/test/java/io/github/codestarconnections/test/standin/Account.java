package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stand-in's account holds, shared by both API namespaces as in the real service: hosts,
 * connections, and who may call what. Guarded by the stand-in's lock.
 */
final class Account {
  final Map<String, HostRecord> hosts = new LinkedHashMap<>();
  final Map<String, ConnectionRecord> connections = new LinkedHashMap<>();
  final Iam iam = new Iam();
  final StandInRules rules;
  int vpcInitialisationPolls = 1;
  int vpcDeletionPolls = 1;
  String nextVpcFailure;
  int pageSize = 2;
  int sequence;
  // Connections, by name, whose handshake a person finishes: GetConnection calls answered PENDING.
  final Map<String, Integer> handshakes = new LinkedHashMap<>();

  Account(Object lock) {
    this.rules = new StandInRules(lock);
  }

  /** A host, mutable under the stand-in's lock. */
  static final class HostRecord {
    String arn;
    String name;
    String providerType;
    String endpoint;
    JsonNode vpc;
    String status;
    String statusMessage;
    final Map<String, String> tags = new LinkedHashMap<>();
    // Statuses the next GetHost calls move to, one per call; a null status means "deleted".
    final Deque<String[]> upcoming = new ArrayDeque<>();
    // What GetHost still shows for a while after UpdateHost (StandInRules.staleReadsAfterUpdate).
    String staleEndpoint;
    JsonNode staleVpc;
    String staleStatus;
    // Eventual consistency after CreateHost (StandInRules.newHostsUnseen...).
    int unseenByGetHost;
    int unlistedByListHosts;
    int staleReads;
  }

  /** A connection. */
  static final class ConnectionRecord {
    String arn;
    String name;
    String providerType;
    String hostArn;
    String status = "PENDING";
    final Map<String, String> tags = new LinkedHashMap<>();
    // Statuses the next GetConnection calls move to, one per call (a person at the console).
    final Deque<String> upcoming = new ArrayDeque<>();
  }

  /** The connections whose HostArn is the given host. */
  List<ConnectionRecord> connectionsOn(String hostArn) {
    List<ConnectionRecord> on = new ArrayList<>();
    for (ConnectionRecord c : connections.values()) {
      if (hostArn.equals(c.hostArn)) {
        on.add(c);
      }
    }
    return on;
  }

  /** The tags of a host or connection ARN, or null when there is none. */
  Map<String, String> tagsOf(String arn) {
    HostRecord h = hosts.get(arn);
    if (h != null) {
      return h.tags;
    }
    ConnectionRecord c = connections.get(arn);
    return c == null ? null : c.tags;
  }
}
