package io.github.codestarconnections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.codeconnections.CfnHost;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SelectedSubnets;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.constructs.Construct;

/**
 * A host's VPC configuration, checked, the same for both backends: the security groups (the given
 * ones, or one made for the host) and what becomes {@code VpcConfiguration}.
 *
 * <p>The group made for a host follows the service's VPC requirements (Developer Tools console
 * guide, "Create a host", "(Optional) Prerequisites: Network or Amazon VPC configuration for your
 * connection",
 * https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-host-create.html): "The
 * security groups used during host creation need inbound and outbound rules that allow the network
 * interface to connect to your GitHub Enterprise Server instance", and the service makes a VPC
 * endpoint (PrivateLink) "for the host to send event data via webhooks". So:
 *
 * <ul>
 *   <li>outbound: TCP to the provider endpoint's port (its URL's, else 443 for https and 80 for
 *       http; 443 when the URL is a token), to any IPv4 address: the guide allows the instance to
 *       be reached "through VPN or Direct Connect", outside the VPC's range;
 *   <li>inbound: HTTPS (443) from the VPC's CIDR block, for webhooks sent to the host's VPC
 *       endpoint. Which groups the service gives that endpoint is not documented: if it takes the
 *       host's, this rule lets webhooks in; if not, the rule admits nothing but traffic within the
 *       VPC to the host's interfaces, which connect out only. Either way it is safe.
 * </ul>
 *
 * DNS to the VPC's Amazon-provided resolver is not filtered by security groups; a custom DNS server
 * (DHCP options) needs a rule of the user's.
 *
 * @param securityGroups the groups of the host's network interfaces; empty without a VPC
 * @param ownGroup the group made for the host, or null (none given: no VPC, or groups given)
 * @param vpcId the VPC's id, or null without a VPC
 * @param subnetIds the selected subnets' ids
 * @param securityGroupIds the groups' ids
 * @param tlsCertificate the PEM certificate, or null
 */
record HostNetwork(
    List<ISecurityGroup> securityGroups,
    SecurityGroup ownGroup,
    String vpcId,
    List<String> subnetIds,
    List<String> securityGroupIds,
    String tlsCertificate) {

  private static final HostNetwork NONE = new HostNetwork(List.of(), null, null, null, null, null);

  /** The port of the webhook VPC endpoint: interface endpoints take HTTPS. */
  static final int WEBHOOK_PORT = 443;

  /** The id of the warning that the default subnet selection fell to public subnets. */
  static final String PUBLIC_SUBNETS_WARNING = "codestarconnections-cdk:hostInPublicSubnets";

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
    SecurityGroup own = null;
    if (groups == null) {
      own = ownGroup(host, owner, vpc, props.getProviderEndpoint());
      groups = List.of(own);
    } else {
      HostRules.checkCount(owner, "securityGroups", groups.size());
    }
    SelectedSubnets subnets = vpc.selectSubnets(props.getVpcSubnets());
    if (byDefaultType(props.getVpcSubnets()) && Boolean.TRUE.equals(subnets.getHasPublic())) {
      warnOfPublicSubnets(host, owner);
    }
    List<String> subnetIds = subnets.getSubnetIds();
    HostRules.checkCount(owner, "vpcSubnets (selected subnets)", subnetIds.size());
    HostRules.certificate(owner, props.getTlsCertificate());
    List<String> groupIds = new ArrayList<>();
    for (ISecurityGroup group : groups) {
      groupIds.add(group.getSecurityGroupId());
    }
    return new HostNetwork(
        groups, own, vpc.getVpcId(), subnetIds, List.copyOf(groupIds), props.getTlsCertificate());
  }

  /**
   * Whether a selection leaves the subnet type to CDK's default, which is the first of
   * PRIVATE_WITH_EGRESS, PRIVATE_ISOLATED and PUBLIC that the VPC has (aws-cdk-lib's
   * Vpc.reifySelectionDefaults): the type, the group name and the subnets are all unset.
   */
  private static boolean byDefaultType(SubnetSelection selection) {
    return selection == null
        || (selection.getSubnetType() == null
            && selection.getSubnetGroupName() == null
            && selection.getSubnets() == null);
  }

  /**
   * A warning, not an error: the service takes public subnets (a VPC "with public and private
   * subnets" is among the guide's examples), and changing the default for deployed hosts would move
   * them in place, which the service refuses for a host that is AVAILABLE.
   */
  private static void warnOfPublicSubnets(Construct host, Owner owner) {
    Annotations.of(host)
        .addWarningV2(
            PUBLIC_SUBNETS_WARNING,
            owner
                + ": vpcSubnets is not set, and the VPC has no private subnets"
                + " (PRIVATE_WITH_EGRESS or PRIVATE_ISOLATED), so CDK's default selection puts"
                + " the host's network interfaces in its public subnets. If that is meant, say so"
                + " with vpcSubnets (a SubnetSelection of subnetType PUBLIC), or acknowledge this"
                + " warning; else give the VPC private subnets, or choose others with vpcSubnets");
  }

  private static SecurityGroup ownGroup(Construct host, Owner owner, IVpc vpc, String endpoint) {
    String cidr;
    try {
      cidr = vpc.getVpcCidrBlock();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          owner
              + ": vpc has no CIDR block known at synth (an import without vpcCidrBlock), which the"
              + " security group made for the host needs for its inbound rule (webhooks from the"
              + " VPC to the host's VPC endpoint); give vpcCidrBlock to Vpc.fromVpcAttributes,"
              + " or give securityGroups of your own",
          e);
    }
    // The description is create-only (a new one would replace the group, and so update every
    // deployed host to a new group): it keeps the words it was first deployed with.
    SecurityGroup group =
        SecurityGroup.Builder.create(host, "SecurityGroup")
            .vpc(vpc)
            .description("CodeStar Connections host " + host.getNode().getPath() + ": HTTPS out")
            .allowAllOutbound(false)
            .build();
    int port = endpointPort(endpoint);
    group.addEgressRule(
        Peer.anyIpv4(),
        Port.tcp(port),
        port == 443 ? "HTTPS to the provider" : "to the provider endpoint (port " + port + ")");
    group.addIngressRule(
        Peer.ipv4(cidr),
        Port.tcp(WEBHOOK_PORT),
        "webhooks from within the VPC to the host's VPC endpoint");
    return group;
  }

  /**
   * The TCP port the host's network interfaces connect to: the URL's, else the scheme's default.
   *
   * @param endpoint the provider endpoint (checked by {@link HostRules#endpoint}), or a token
   * @return the port; 443 for a token
   */
  static int endpointPort(String endpoint) {
    if (JsiiShortcuts.isUnresolved(endpoint)) {
      return 443;
    }
    try {
      URI uri = new URI(endpoint);
      if (uri.getPort() != -1) {
        return uri.getPort();
      }
      return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    } catch (URISyntaxException e) {
      return 443;
    }
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
