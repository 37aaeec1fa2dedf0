package io.github.codestarconnections.lambda;

import java.util.Objects;
import java.util.TreeSet;

/**
 * Whether what the service shows of a host is what a template wants. Properties read as recorded
 * may lack fields ({@link HostSpec}); a missing field matches nothing.
 */
final class LiveConfig {
  private LiveConfig() {}

  /**
   * Two VPC configurations alike: ids compared as sets (order is not kept); the certificate only
   * when the service shows one (GetHost may leave it out).
   */
  static boolean sameVpc(VpcSpec wanted, VpcSpec live) {
    if (wanted == null || live == null) {
      return wanted == null && live == null;
    }
    return wanted.vpcId() != null
        && wanted.vpcId().equals(live.vpcId())
        && new TreeSet<>(wanted.subnetIds()).equals(new TreeSet<>(live.subnetIds()))
        && new TreeSet<>(wanted.securityGroupIds()).equals(new TreeSet<>(live.securityGroupIds()))
        && (live.tlsCertificate() == null || live.tlsCertificate().equals(wanted.tlsCertificate()));
  }

  /**
   * Whether the host shows the wanted endpoint and VPC. A host with a VPC where none is wanted
   * counts as showing it: UpdateHost cannot remove a VPC, so nothing will change that.
   */
  static boolean shows(HostSpec wanted, HostState live) {
    return wanted.providerEndpoint().equals(live.providerEndpoint())
        && (wanted.vpc() == null || sameVpc(wanted.vpc(), live.vpc()));
  }

  /**
   * Whether UpdateHost is needed: the host does not show the wanted endpoint or VPC; or a wanted
   * VPC is the one whose set-up failed (sending it again starts the set-up again, which is what
   * "fix the network and deploy again" relies on); or a wanted certificate differs from the old
   * properties' while GetHost shows none (the live host cannot tell then).
   */
  static boolean needsUpdate(HostSpec wanted, HostState live, HostSpec old) {
    if (!shows(wanted, live)) {
      return true;
    }
    if (wanted.vpc() != null && vpcSetUpFailed(live)) {
      return true;
    }
    return wanted.vpc() != null
        && wanted.vpc().tlsCertificate() != null
        && live.vpc() != null
        && live.vpc().tlsCertificate() == null
        && (old.vpc() == null || !wanted.vpc().tlsCertificate().equals(old.vpc().tlsCertificate()));
  }

  /** Whether the host's VPC set-up failed (VPC_CONFIG_FAILED_INITIALIZATION, both models). */
  static boolean vpcSetUpFailed(HostState live) {
    return live.vpc() != null
        && StatusKind.of(live.status()) == StatusKind.FAILED
        && live.status().contains("VPC");
  }

  /** Same name, provider type and endpoint. */
  static boolean sameIdentity(HostSpec spec, HostState h) {
    return spec.name() != null
        && spec.name().equals(h.name())
        && Objects.equals(spec.providerType(), h.providerType())
        && Objects.equals(spec.providerEndpoint(), h.providerEndpoint());
  }
}
