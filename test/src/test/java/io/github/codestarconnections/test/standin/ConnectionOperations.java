package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.Account.ConnectionRecord;
import io.github.codestarconnections.test.standin.Account.HostRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The connection operations. A connection starts PENDING ("The connection is in pending status
 * until the third-party connection handshake is completed from the console", CreateConnection in
 * both models); one on a host takes the host's provider type. Which namespace's host ARNs a target
 * accepts is the models' HostArn pattern, which the model validation already enforces.
 */
final class ConnectionOperations {
  private final Account account;

  ConnectionOperations(Account account) {
    this.account = account;
  }

  Answer createConnection(Caller caller, JsonNode in) {
    String name = in.get("ConnectionName").asText();
    String hostArn = in.has("HostArn") ? in.get("HostArn").asText() : null;
    String providerType = in.has("ProviderType") ? in.get("ProviderType").asText() : null;
    if (hostArn == null && providerType == null) {
      return Answer.error("ValidationException", "A connection needs a ProviderType or a HostArn");
    }
    if (hostArn != null) {
      HostRecord host = account.hosts.get(hostArn);
      if (host == null) {
        return Answer.notFound("Host", hostArn);
      }
      providerType = host.providerType;
    }
    // "Connection names must be unique in an AWS account" (API reference, Connection data type,
    // https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_Connection.html; the
    // models' Connection.ConnectionName). On unless a test switches it off (StandInRules); the
    // error code is undocumented.
    if (account.rules.uniqueConnectionNames) {
      for (ConnectionRecord c : account.connections.values()) {
        if (c.name.equals(name)) {
          return Answer.error(
              "ValidationException", "A connection named " + name + " already exists: " + c.arn);
        }
      }
    }
    ConnectionRecord c = newConnection(caller.namespace(), name, providerType, hostArn);
    in.path("Tags").forEach(t -> c.tags.put(t.get("Key").asText(), t.get("Value").asText()));
    Integer pending = account.handshakes.get(name);
    if (pending != null) {
      // A person at the console: PENDING for that many reads, then AVAILABLE.
      for (int i = 1; i < pending; i++) {
        c.upcoming.add("PENDING");
      }
      c.upcoming.add("AVAILABLE");
    }
    ObjectNode out = Answer.JSON.createObjectNode().put("ConnectionArn", c.arn);
    out.set("Tags", Tags.list(c.tags));
    return Answer.ok(out);
  }

  /** A new PENDING connection whose ARN names the namespace it is made through. */
  ConnectionRecord newConnection(
      Namespace namespace, String name, String providerType, String hostArn) {
    ConnectionRecord c = new ConnectionRecord();
    c.arn =
        "arn:aws:"
            + namespace.arnService()
            + ":"
            + CodeStarConnectionsStandIn.REGION
            + ":"
            + CodeStarConnectionsStandIn.ACCOUNT
            + ":connection/"
            + new UUID(0x5eedL, ++account.sequence);
    c.name = name;
    c.providerType = providerType;
    c.hostArn = hostArn;
    account.connections.put(c.arn, c);
    return c;
  }

  /** A connection made elsewhere, moving through the given statuses over GetConnection calls. */
  String seed(
      Namespace namespace, String name, String providerType, String hostArn, String... statuses) {
    ConnectionRecord c = newConnection(namespace, name, providerType, hostArn);
    for (int i = 0; i < statuses.length; i++) {
      if (i == 0) {
        c.status = statuses[0];
      } else {
        c.upcoming.add(statuses[i]);
      }
    }
    return c.arn;
  }

  Answer getConnection(JsonNode in) {
    ConnectionRecord c = account.connections.get(in.get("ConnectionArn").asText());
    if (c == null) {
      return Answer.notFound("Connection", in.get("ConnectionArn").asText());
    }
    ObjectNode out = Answer.JSON.createObjectNode();
    describe(out.putObject("Connection"), c);
    // Answered as it is, then moved on, as GetHost does with a host's scripted statuses.
    if (!c.upcoming.isEmpty()) {
      c.status = c.upcoming.poll();
    }
    return Answer.ok(out);
  }

  Answer listConnections(JsonNode in) {
    String type = in.has("ProviderTypeFilter") ? in.get("ProviderTypeFilter").asText() : null;
    String host = in.has("HostArnFilter") ? in.get("HostArnFilter").asText() : null;
    List<ConnectionRecord> matching = new ArrayList<>();
    for (ConnectionRecord c : account.connections.values()) {
      if ((type == null || type.equals(c.providerType))
          && (host == null || host.equals(c.hostArn))) {
        matching.add(c);
      }
    }
    Optional<int[]> page = Paging.page(in, matching.size(), account.pageSize);
    if (page.isEmpty()) {
      return Answer.error("ValidationException", "invalid NextToken");
    }
    ObjectNode out = Answer.JSON.createObjectNode();
    ArrayNode list = out.putArray("Connections");
    for (int i = page.get()[0]; i < page.get()[1]; i++) {
      describe(list.addObject(), matching.get(i));
    }
    Paging.next(out, page.get()[1], matching.size());
    return Answer.ok(out);
  }

  Answer deleteConnection(JsonNode in) {
    String arn = in.get("ConnectionArn").asText();
    if (account.connections.remove(arn) == null) {
      return Answer.notFound("Connection", arn);
    }
    return Answer.ok(Answer.JSON.createObjectNode());
  }

  private static void describe(ObjectNode o, ConnectionRecord c) {
    o.put("ConnectionName", c.name)
        .put("ConnectionArn", c.arn)
        .put("ProviderType", c.providerType)
        .put("OwnerAccountId", CodeStarConnectionsStandIn.ACCOUNT)
        .put("ConnectionStatus", c.status);
    if (c.hostArn != null) {
      o.put("HostArn", c.hostArn);
    }
  }
}
