package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.codeconnections.CfnHost;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SelectedSubnets;
import software.constructs.Construct;

/**
 * A host's VPC configuration, checked, the same for both backends: the security groups (the given
 * ones, or one made for the host) and what becomes {@code VpcConfiguration}.
 *
 * @param securityGroups the groups of the host's network interfaces; empty without a VPC
 * @param vpcId the VPC's id, or null without a VPC
 * @param subnetIds the selected subnets' ids
 * @param securityGroupIds the groups' ids
 * @param tlsCertificate the PEM certificate, or null
 */
record HostNetwork(
    List<ISecurityGroup> securityGroups,
    String vpcId,
    List<String> subnetIds,
    List<String> securityGroupIds,
    String tlsCertificate) {

  private static final HostNetwork NONE = new HostNetwork(List.of(), null, null, null, null);

  /**
   * Checks the VPC props and makes the host's security group when none is given.
   *
   * @param host the host, parent of the security group it may get
   * @param owner the host, for messages
   * @param props the host's props
   * @return the network; {@link #inVpc()} false without a VPC
   */
  static HostNetwork of(Construct host, Owner owner, HostProps props) {
    IVpc vpc = props.getVpc();
    if (vpc == null) {
      HostRules.rejectWithoutVpc(owner, "vpcSubnets", props.getVpcSubnets());
      HostRules.rejectWithoutVpc(owner, "securityGroups", props.getSecurityGroups());
      HostRules.rejectWithoutVpc(owner, "tlsCertificate", props.getTlsCertificate());
      return NONE;
    }
    List<ISecurityGroup> groups = props.getSecurityGroups();
    if (groups == null) {
      SecurityGroup group =
          SecurityGroup.Builder.create(host, "SecurityGroup")
              .vpc(vpc)
              .description("CodeStar Connections host " + host.getNode().getPath() + ": HTTPS out")
              .allowAllOutbound(false)
              .build();
      group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to the provider");
      groups = List.of(group);
    } else {
      HostRules.checkCount(owner, "securityGroups", groups.size());
    }
    SelectedSubnets subnets = vpc.selectSubnets(props.getVpcSubnets());
    List<String> subnetIds = subnets.getSubnetIds();
    HostRules.checkCount(owner, "vpcSubnets (selected subnets)", subnetIds.size());
    HostRules.certificate(owner, props.getTlsCertificate());
    List<String> groupIds = new ArrayList<>();
    for (ISecurityGroup group : groups) {
      groupIds.add(group.getSecurityGroupId());
    }
    return new HostNetwork(
        groups, vpc.getVpcId(), subnetIds, List.copyOf(groupIds), props.getTlsCertificate());
  }

  /**
   * Whether the host is in a VPC.
   *
   * @return true with a VPC configuration
   */
  boolean inVpc() {
    return vpcId != null;
  }

  /**
   * The configuration as the custom resource's {@code VpcConfiguration} property, ordered.
   *
   * @return the template map
   */
  Map<String, Object> toTemplate() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("VpcId", vpcId);
    config.put("SubnetIds", subnetIds);
    config.put("SecurityGroupIds", securityGroupIds);
    if (tlsCertificate != null) {
      config.put("TlsCertificate", tlsCertificate);
    }
    return config;
  }

  /**
   * The configuration as {@code AWS::CodeConnections::Host}'s {@code VpcConfiguration}.
   *
   * @return the L1 property
   */
  CfnHost.VpcConfigurationProperty toCfn() {
    return CfnHost.VpcConfigurationProperty.builder()
        .vpcId(vpcId)
        .subnetIds(subnetIds)
        .securityGroupIds(securityGroupIds)
        .tlsCertificate(tlsCertificate)
        .build();
  }
}
