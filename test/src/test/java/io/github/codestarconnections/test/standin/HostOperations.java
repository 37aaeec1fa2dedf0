package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.Account.ConnectionRecord;
import io.github.codestarconnections.test.standin.Account.HostRecord;
import io.github.codestarconnections.test.standin.StandInRules.OmittedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host operations and the service's rules about hosts, each with its source. Where the source
 * gives no error code, the code is a {@link StandInRules} switch.
 */
final class HostOperations {
  // "Edit a host" (Developer Tools console guide):
  // https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-host-edit.html
  private static final String EDIT_A_HOST = "connections-host-edit.html";

  private final Account account;

  HostOperations(Account account) {
    this.account = account;
  }

  Answer createHost(Caller caller, JsonNode in) {
    String endpoint = in.get("ProviderEndpoint").asText();
    JsonNode vpc = in.get("VpcConfiguration");
    Optional<Answer> refused =
        urlTaken(endpoint, null)
            .or(() -> vpcTaken(vpc, null))
            .or(() -> vpcPermissions(caller, vpc, VpcPermissions.CREATE));
    if (refused.isPresent()) {
      return refused.get();
    }
    HostRecord h =
        newHost(
            caller.namespace(),
            in.get("Name").asText(),
            in.get("ProviderType").asText(),
            endpoint,
            vpc);
    in.path("Tags").forEach(t -> h.tags.put(t.get("Key").asText(), t.get("Value").asText()));
    ObjectNode out = Answer.JSON.createObjectNode().put("HostArn", h.arn);
    out.set("Tags", Tags.list(h.tags));
    return Answer.ok(out);
  }

  Answer getHost(JsonNode in) {
    HostRecord h = account.hosts.get(in.get("HostArn").asText());
    if (h == null || h.unseenByGetHost-- > 0) {
      return Answer.notFound("Host", in.get("HostArn").asText());
    }
    ObjectNode out = Answer.JSON.createObjectNode();
    out.put("Name", h.name)
        .put("Status", h.staleReads > 0 ? h.staleStatus : h.status)
        .put("ProviderType", h.providerType)
        .put("ProviderEndpoint", shownEndpoint(h));
    if (shownVpc(h) != null) {
      out.set("VpcConfiguration", shownVpc(h));
    }
    if (h.staleReads > 0) {
      h.staleReads--;
    }
    advance(h);
    return Answer.ok(out);
  }

  Answer listHosts(JsonNode in) {
    List<HostRecord> all = new ArrayList<>();
    for (HostRecord h : account.hosts.values()) {
      if (in.has("NextToken") || h.unlistedByListHosts-- <= 0) {
        all.add(h);
      }
    }
    ObjectNode out = Answer.JSON.createObjectNode();
    ArrayNode list = out.putArray("Hosts");
    Optional<int[]> page = Paging.page(in, all.size(), account.pageSize);
    if (page.isEmpty()) {
      return Answer.error("ValidationException", "invalid NextToken");
    }
    for (int i = page.get()[0]; i < page.get()[1]; i++) {
      HostRecord h = all.get(i);
      ObjectNode o =
          list.addObject()
              .put("Name", h.name)
              .put("HostArn", h.arn)
              .put("ProviderType", h.providerType)
              .put("ProviderEndpoint", shownEndpoint(h))
              .put("Status", h.status);
      if (shownVpc(h) != null) {
        o.set("VpcConfiguration", shownVpc(h));
      }
      if (h.statusMessage != null) {
        o.put("StatusMessage", h.statusMessage);
      }
    }
    Paging.next(out, page.get()[1], all.size());
    return Answer.ok(out);
  }

  Answer updateHost(Caller caller, JsonNode in) {
    HostRecord h = account.hosts.get(in.get("HostArn").asText());
    if (h == null) {
      return Answer.notFound("Host", in.get("HostArn").asText());
    }
    if (h.status.startsWith("VPC_CONFIG_INITIALIZING") || h.status.equals("VPC_CONFIG_DELETING")) {
      return Answer.error(
          "ConflictException",
          "Host " + h.arn + " is " + h.status + "; another operation is in progress");
    }
    // "You can edit host settings for a host in Pending status" (EDIT_A_HOST). A host whose VPC
    // set-up failed is also let through: it is to be fixed by an edit.
    if (!h.status.equals("PENDING") && !h.status.equals("VPC_CONFIG_FAILED_INITIALIZATION")) {
      return Answer.error(
          "UnsupportedOperationException",
          "Host " + h.arn + " is " + h.status + "; only hosts in PENDING status can be updated");
    }
    JsonNode vpc = in.get("VpcConfiguration");
    Optional<Answer> refused =
        (in.has("ProviderEndpoint")
                ? urlTaken(in.get("ProviderEndpoint").asText(), h.arn)
                : Optional.<Answer>empty())
            .or(() -> vpcTaken(vpc, h.arn))
            .or(() -> vpcPermissions(caller, vpc, VpcPermissions.UPDATE));
    if (refused.isPresent()) {
      return refused.get();
    }
    // Whether GetHost shows the change at once is undocumented (StandInRules.staleReads): a stale
    // answer shows the host as it was, status included.
    h.staleEndpoint = h.endpoint;
    h.staleVpc = h.vpc;
    h.staleStatus = h.status;
    h.staleReads = account.rules.staleReadsAfterUpdate;
    if (in.has("ProviderEndpoint")) {
      h.endpoint = in.get("ProviderEndpoint").asText();
    }
    // Whether UpdateHost keeps a field it is not sent is undocumented (StandInRules.omittedFields).
    if (vpc != null) {
      h.vpc = vpc;
      startVpcInitialisation(h);
    } else if (account.rules.omittedFields == OmittedFields.CLEAR) {
      h.vpc = null;
    }
    return Answer.ok(Answer.JSON.createObjectNode());
  }

  Answer deleteHost(Caller caller, JsonNode in) {
    HostRecord h = account.hosts.get(in.get("HostArn").asText());
    if (h == null) {
      return Answer.notFound("Host", in.get("HostArn").asText());
    }
    // DeleteHost's documentation in both models: "Before you delete a host, all connections
    // associated to the host must be deleted." The error code is undocumented (a switch).
    List<ConnectionRecord> using = account.connectionsOn(h.arn);
    if (!using.isEmpty()) {
      return Answer.error(
          account.rules.deleteHostInUseError,
          "Host "
              + h.arn
              + " has "
              + using.size()
              + " connection(s), e.g. "
              + using.get(0).arn
              + "; delete them before the host");
    }
    // DeleteHost's documentation: "A host cannot be deleted if it is in the VPC_CONFIG_INITIALIZING
    // or VPC_CONFIG_DELETING state." (The model lists ResourceUnavailableException.)
    if (h.status.equals("VPC_CONFIG_INITIALIZING") || h.status.equals("VPC_CONFIG_DELETING")) {
      return Answer.error(
          "ResourceUnavailableException",
          "Host " + h.arn + " is " + h.status + " and cannot be deleted now");
    }
    Optional<Answer> refused = vpcPermissions(caller, h.vpc, VpcPermissions.DELETE);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (h.vpc == null) {
      account.hosts.remove(h.arn);
    } else {
      h.status = "VPC_CONFIG_DELETING";
      h.statusMessage = null;
      h.upcoming.clear();
      for (int i = 1; i < account.vpcDeletionPolls; i++) {
        h.upcoming.add(new String[] {"VPC_CONFIG_DELETING", null});
      }
      h.upcoming.add(new String[] {null, null});
    }
    return Answer.ok(Answer.JSON.createObjectNode());
  }

  // ---- Rules ----------------------------------------------------------------------------------

  /**
   * "You cannot use the same URL for more than one host" (EDIT_A_HOST). The error code is
   * undocumented (a switch).
   */
  private Optional<Answer> urlTaken(String endpoint, String exceptArn) {
    for (HostRecord other : account.hosts.values()) {
      if (!other.arn.equals(exceptArn) && other.endpoint.equals(endpoint)) {
        return Optional.of(
            Answer.error(
                account.rules.duplicateUrlError,
                "The URL " + endpoint + " is already used by host " + other.arn));
      }
    }
    return Optional.empty();
  }

  /**
   * "Each VPC can only be associated with one host at a time" (Create a host,
   * https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-host-create.html), while the
   * GitHub Enterprise Server guide has organizations create one host per connection with the same
   * VPC ID, subnets and groups
   * (https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-create-gheserver.html). Off
   * unless a test switches it on; the error code is undocumented (a switch).
   */
  private Optional<Answer> vpcTaken(JsonNode vpc, String exceptArn) {
    if (!account.rules.oneVpcPerHost || vpc == null) {
      return Optional.empty();
    }
    String vpcId = vpc.path("VpcId").asText();
    for (HostRecord other : account.hosts.values()) {
      if (!other.arn.equals(exceptArn)
          && other.vpc != null
          && other.vpc.path("VpcId").asText().equals(vpcId)) {
        return Optional.of(
            Answer.error(
                account.rules.vpcInUseError,
                "VPC " + vpcId + " is already associated with host " + other.arn));
      }
    }
    return Optional.empty();
  }

  /** The caller's EC2 rights the service acts with for a VPC host (see {@link VpcPermissions}). */
  private static Optional<Answer> vpcPermissions(
      Caller caller, JsonNode vpc, List<String> actions) {
    return vpc == null ? Optional.empty() : caller.deniedAny(actions, VpcPermissions::resourceOf);
  }

  // ---- Statuses -------------------------------------------------------------------------------

  HostRecord newHost(Namespace ns, String name, String type, String endpoint, JsonNode vpc) {
    HostRecord h = new HostRecord();
    // A host ARN's resource is the name and an id (the API reference's examples,
    // e.g. host/My-Host-28aef605); how other characters appear is not shown, so names beyond
    // letters, digits, '-' and '_' (or beyond the model's 64) get a neutral prefix.
    String prefix = name.matches("[A-Za-z0-9_-]{1,64}") ? name : "host";
    h.arn =
        String.format(
            "arn:aws:%s:%s:%s:host/%s-%08x",
            ns.arnService(),
            CodeStarConnectionsStandIn.REGION,
            CodeStarConnectionsStandIn.ACCOUNT,
            prefix,
            0x5eed0000 + account.hosts.size() * 7919 + (++account.sequence));
    h.name = name;
    h.providerType = type;
    h.endpoint = endpoint;
    h.vpc = vpc;
    h.status = "PENDING";
    h.unseenByGetHost = account.rules.unseenByGetHost;
    h.unlistedByListHosts = account.rules.unlistedByListHosts;
    if (vpc != null) {
      startVpcInitialisation(h);
    }
    account.hosts.put(h.arn, h);
    return h;
  }

  private void startVpcInitialisation(HostRecord h) {
    h.status = "VPC_CONFIG_INITIALIZING";
    h.statusMessage = null;
    h.upcoming.clear();
    for (int i = 1; i < account.vpcInitialisationPolls; i++) {
      h.upcoming.add(new String[] {"VPC_CONFIG_INITIALIZING", null});
    }
    if (account.nextVpcFailure != null) {
      h.upcoming.add(new String[] {"VPC_CONFIG_FAILED_INITIALIZATION", account.nextVpcFailure});
      account.nextVpcFailure = null;
    } else {
      h.upcoming.add(new String[] {"PENDING", null});
    }
  }

  private void advance(HostRecord h) {
    String[] next = h.upcoming.poll();
    if (next == null) {
      return;
    }
    if (next[0] == null) {
      account.hosts.remove(h.arn);
    } else {
      h.status = next[0];
      h.statusMessage = next[1];
    }
  }

  private static String shownEndpoint(HostRecord h) {
    return h.staleReads > 0 ? h.staleEndpoint : h.endpoint;
  }

  private static JsonNode shownVpc(HostRecord h) {
    return h.staleReads > 0 ? h.staleVpc : h.vpc;
  }
}
