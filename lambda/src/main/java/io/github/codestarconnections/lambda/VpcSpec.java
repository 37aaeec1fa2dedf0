package io.github.codestarconnections.lambda;

import java.util.List;

/**
 * A host's VPC configuration, wanted or live. {@link #toString()} never shows the TLS certificate;
 * whether two mean the same thing is {@link LiveConfig#sameVpc}.
 *
 * @param vpcId the VPC id
 * @param subnetIds the subnet ids (order does not matter)
 * @param securityGroupIds the security group ids (order does not matter)
 * @param tlsCertificate the PEM certificate of the provider's endpoint, or null
 */
public record VpcSpec(
    String vpcId, List<String> subnetIds, List<String> securityGroupIds, String tlsCertificate) {

  /** Copies the lists so the record stays immutable. */
  public VpcSpec {
    subnetIds = List.copyOf(subnetIds);
    securityGroupIds = List.copyOf(securityGroupIds);
  }

  @Override
  public String toString() {
    return "VpcSpec[vpcId="
        + vpcId
        + ", subnetIds="
        + subnetIds
        + ", securityGroupIds="
        + securityGroupIds
        + ", tlsCertificate="
        + (tlsCertificate == null ? "none" : "(redacted)")
        + "]";
  }
}
