package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInClients;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a played stack and its account in a state an earlier version of the library left them in, so
 * that a scenario goes on from there with today's handler: what CloudFormation recorded for a host
 * (properties today's library no longer makes), and the tags an earlier handler left on hosts, in
 * the forms each earlier version wrote them ({@link MarkerTag}'s class comment; {@code git log -p}
 * of MarkerTag.java and the handler):
 *
 * <ul>
 *   <li>from 8d94425: the create marker holds the bare RequestId and stays on the host for good; up
 *       to 199 user tags;
 *   <li>from 99cd170 to this version's parent: the create marker (bare RequestId) goes once the
 *       host is ready; {@code replaced-by} holds the bare LogicalResourceId; {@code vpc-added}
 *       holds 32 hex digits of a SHA-256 over name, type and endpoint; up to 199 user tags until
 *       3c3e069 (lib let a host have 50 of its own).
 * </ul>
 */
final class EarlierVersion {
  private final CloudFormation cfn;
  private final CodeStarConnectionsStandIn standIn;

  EarlierVersion(CloudFormation cfn, CodeStarConnectionsStandIn standIn) {
    this.cfn = cfn;
    this.standIn = standIn;
  }

  /**
   * A host an earlier version deployed with these tags: CloudFormation's record of its properties
   * and the host's tags in the account.
   *
   * @param logicalIdPrefix the host's construct id, e.g. Ghes
   * @param tags the tags, as many as that version took
   * @return this
   */
  EarlierVersion recordedTags(String logicalIdPrefix, Map<String, String> tags) {
    Deployed d = deployed(logicalIdPrefix);
    List<Map<String, Object>> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Map.of("Key", k, "Value", v)));
    Map<String, Object> properties = new LinkedHashMap<>(d.properties);
    properties.put("Tags", list);
    d.properties = properties;
    try (StandInClients admin = new StandInClients(standIn, CloudFormation.DEPLOYER)) {
      var api = admin.hostApi(namespaceOf(d.physicalId));
      List<String> gone = new ArrayList<>(api.listTags(d.physicalId).keySet());
      gone.removeAll(tags.keySet());
      if (!gone.isEmpty()) {
        api.untagResource(d.physicalId, gone);
      }
      api.tagResource(d.physicalId, tags);
    }
    return this;
  }

  /**
   * Tags an earlier handler left on a host.
   *
   * @param arn the host
   * @param tags e.g. a marker in an earlier form
   * @return this
   */
  EarlierVersion tagged(String arn, Map<String, String> tags) {
    try (StandInClients admin = new StandInClients(standIn, CloudFormation.DEPLOYER)) {
      admin.hostApi(namespaceOf(arn)).tagResource(arn, tags);
    }
    return this;
  }

  /**
   * What {@code vpc-added} held from 99cd170: 32 hex digits of a SHA-256 over the host's name, type
   * and endpoint before the VPC was added.
   */
  static String vpcAddedDigest(HostDef before) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (before.name() + "\n" + before.type().getApiName() + "\n" + before.endpoint())
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Deployed deployed(String logicalIdPrefix) {
    String arn = cfn.physicalId(logicalIdPrefix);
    for (Deployed d : cfn.resources.values()) {
      if (d.physicalId.equals(arn)) {
        return d;
      }
    }
    throw new AssertionError("no resource " + logicalIdPrefix);
  }

  private static io.github.codestarconnections.lambda.Namespace namespaceOf(String arn) {
    return arn.split(":")[2].equals("codeconnections")
        ? io.github.codestarconnections.lambda.Namespace.CODECONNECTIONS
        : io.github.codestarconnections.lambda.Namespace.CODESTAR_CONNECTIONS;
  }
}
