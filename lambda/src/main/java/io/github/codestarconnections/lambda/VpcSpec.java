package io.github.codestarconnections.lambda;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A host's wanted VPC configuration. {@link #toString()} never shows the TLS certificate.
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

  /**
   * Whether two configurations mean the same thing: ids compared as sets, since CloudFormation and
   * the service do not keep their order.
   *
   * @param other the other configuration, may be null
   * @return true when equivalent
   */
  public boolean sameAs(VpcSpec other) {
    return other != null
        && vpcId.equals(other.vpcId)
        && new TreeSet<>(subnetIds).equals(new TreeSet<>(other.subnetIds))
        && new TreeSet<>(securityGroupIds).equals(new TreeSet<>(other.securityGroupIds))
        && Objects.equals(tlsCertificate, other.tlsCertificate);
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
