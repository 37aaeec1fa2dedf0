package io.github.codestarconnections.test.standin;

import io.github.codestarconnections.test.standin.Account.HostRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one host held by the stand-in.
 *
 * @param arn the ARN
 * @param name the name
 * @param providerType the provider type
 * @param providerEndpoint the endpoint
 * @param vpcId the VPC id, or null
 * @param subnetIds the subnets, empty without VPC
 * @param securityGroupIds the security groups, empty without VPC
 * @param tlsCertificate the certificate, or null
 * @param status the current status
 * @param statusMessage the status message, or null
 * @param tags the tags
 */
public record StandInHost(
    String arn,
    String name,
    String providerType,
    String providerEndpoint,
    String vpcId,
    List<String> subnetIds,
    List<String> securityGroupIds,
    String tlsCertificate,
    String status,
    String statusMessage,
    Map<String, String> tags) {

  static StandInHost of(HostRecord h) {
    List<String> subnets = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    if (h.vpc != null) {
      h.vpc.path("SubnetIds").forEach(s -> subnets.add(s.asText()));
      h.vpc.path("SecurityGroupIds").forEach(s -> groups.add(s.asText()));
    }
    return new StandInHost(
        h.arn,
        h.name,
        h.providerType,
        h.endpoint,
        h.vpc == null ? null : h.vpc.path("VpcId").asText(),
        List.copyOf(subnets),
        List.copyOf(groups),
        h.vpc == null || !h.vpc.has("TlsCertificate") ? null : h.vpc.get("TlsCertificate").asText(),
        h.status,
        h.statusMessage,
        Map.copyOf(h.tags));
  }
}
