package io.github.codestarconnections.test.standin;

import java.util.List;

/**
 * The EC2 actions the service needs of its caller for a host in a VPC: the service makes and
 * removes the host's network interfaces and VPC endpoint with the caller's rights. Copied from
 * {@code handlers.create/update/delete.permissions} of the registry schema of {@code
 * AWS::CodeConnections::Host} (../shared/reference/cfn-schemas/aws-codeconnections-host.json;
 * StandInContractTest checks the copy against the schema). How the real service answers a caller
 * without them is undocumented; the stand-in refuses the call with AccessDeniedException.
 */
final class VpcPermissions {
  static final List<String> CREATE =
      List.of(
          "ec2:CreateNetworkInterface",
          "ec2:CreateTags",
          "ec2:CreateVpcEndpoint",
          "ec2:DeleteNetworkInterface",
          "ec2:DeleteVpcEndpoints",
          "ec2:DescribeDhcpOptions",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcEndpoints",
          "ec2:DescribeVpcs");

  static final List<String> UPDATE =
      List.of(
          "ec2:CreateNetworkInterface",
          "ec2:CreateTags",
          "ec2:CreateVpcEndpoint",
          "ec2:DeleteNetworkInterface",
          "ec2:DeleteVpcEndpoints",
          "ec2:DescribeDhcpOptions",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcEndpoints",
          "ec2:DescribeVpcs",
          "ec2:ModifyVpcEndpoint");

  static final List<String> DELETE =
      List.of(
          "ec2:DeleteNetworkInterface",
          "ec2:DeleteVpcEndpoints",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeVpcEndpoints");

  private VpcPermissions() {}

  /**
   * The resource an EC2 action is checked on: Describe actions take no resource-level permissions
   * (so "*"); the others act on the account's network interfaces and VPC endpoints.
   */
  static String resourceOf(String action) {
    if (action.startsWith("ec2:Describe")) {
      return "*";
    }
    String type = action.contains("VpcEndpoint") ? "vpc-endpoint" : "network-interface";
    return "arn:aws:ec2:"
        + CodeStarConnectionsStandIn.REGION
        + ":"
        + CodeStarConnectionsStandIn.ACCOUNT
        + ":"
        + type
        + "/*";
  }
}
