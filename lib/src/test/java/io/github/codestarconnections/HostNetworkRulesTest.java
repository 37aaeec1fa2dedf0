package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;

/**
 * The security group made for a VPC host: its rules (the service's VPC requirements) and its
 * removal policy (the host's), on both backends.
 */
class HostNetworkRulesTest {
  private final Stack stack = new Stack(new App(), "Stack");
  private final Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();

  private Host.Builder ghes(String id, String endpoint) {
    return Host.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint(endpoint)
        .vpc(vpc);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> group(Template t) {
    Map<String, Map<String, Object>> groups = t.findResources("AWS::EC2::SecurityGroup");
    assertThat(groups).hasSize(1);
    return groups.values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @Test
  void theGroupLetsWebhooksInFromTheVpcAndConnectsOutToTheEndpointOnly() {
    ghes("Ghes", "https://github.example.com").build();

    Map<String, Object> p = properties(group(Template.fromStack(stack)));
    assertThat(p.get("SecurityGroupIngress"))
        .isEqualTo(
            List.of(
                Map.of(
                    "CidrIp",
                    stack.resolve(vpc.getVpcCidrBlock()),
                    "Description",
                    "webhooks from within the VPC to the host's VPC endpoint",
                    "FromPort",
                    443,
                    "IpProtocol",
                    "tcp",
                    "ToPort",
                    443)));
    assertThat(p.get("SecurityGroupEgress"))
        .isEqualTo(
            List.of(
                Map.of(
                    "CidrIp", "0.0.0.0/0",
                    "Description", "HTTPS to the provider",
                    "FromPort", 443,
                    "IpProtocol", "tcp",
                    "ToPort", 443)));
  }

  @ParameterizedTest
  @CsvSource({
    "http://github.example.com, 80",
    "https://github.example.com:8443/, 8443",
    "http://github.example.com:8080, 8080"
  })
  void theOutboundRuleIsTheEndpointsPort(String endpoint, int port) {
    ghes("Ghes", endpoint).build();

    Map<?, ?> egress =
        (Map<?, ?>)
            ((List<?>) properties(group(Template.fromStack(stack))).get("SecurityGroupEgress"))
                .get(0);
    assertThat(egress.get("FromPort")).isEqualTo(port);
    assertThat(egress.get("ToPort")).isEqualTo(port);
  }

  @Test
  void anImportedVpcWithoutACidrBlockIsRefusedUnlessGroupsAreGiven() {
    IVpc imported =
        Vpc.fromVpcAttributes(
            stack,
            "Imported",
            VpcAttributes.builder()
                .vpcId("vpc-0123456789abcdef0")
                .availabilityZones(List.of("us-east-1a"))
                .privateSubnetIds(List.of("subnet-0123456789abcdef0"))
                .build());
    assertThatThrownBy(
            () ->
                Host.Builder.create(stack, "Ghes")
                    .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
                    .providerEndpoint("https://github.example.com")
                    .vpc(imported)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host at 'Stack/Ghes'")
        .hasMessageContaining("vpcCidrBlock")
        .hasMessageContaining("securityGroups");
    SecurityGroup own = SecurityGroup.Builder.create(stack, "Own").vpc(imported).build();
    Host given =
        Host.Builder.create(stack, "Given")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .vpc(imported)
            .securityGroups(List.of(own))
            .build();
    assertThat(given.getSecurityGroups()).containsExactly(own);
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void theGroupIsRetainedWithARetainedHost(HostBackend backend) {
    ghes("Ghes", "https://github.example.com").backend(backend).build();

    Map<String, Object> g = group(Template.fromStack(stack));
    assertThat(g.get("DeletionPolicy")).isEqualTo("RetainExceptOnCreate");
    assertThat(g.get("UpdateReplacePolicy")).isEqualTo("Delete");
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void theGroupAndItsRuleResourcesFollowAPolicyAppliedLater(HostBackend backend) {
    Host host = ghes("Ghes", "https://github.example.com").backend(backend).build();
    SecurityGroup provider = SecurityGroup.Builder.create(stack, "Provider").vpc(vpc).build();
    // A rule naming another group is a resource of its own, under the host's group.
    host.getSecurityGroups().get(0).addIngressRule(provider, Port.tcp(443), "from the provider");
    host.applyRemovalPolicy(RemovalPolicy.DESTROY);

    Template t = Template.fromStack(stack);
    Map<String, Map<String, Object>> groups = t.findResources("AWS::EC2::SecurityGroup");
    assertThat(groups.entrySet())
        .filteredOn(e -> e.getKey().startsWith("GhesSecurityGroup"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue().get("DeletionPolicy")).isEqualTo("Delete"));
    assertThat(groups.entrySet())
        .filteredOn(e -> e.getKey().startsWith("Provider"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).doesNotContainKey("DeletionPolicy"));
    assertThat(t.findResources("AWS::EC2::SecurityGroupIngress").values())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("DeletionPolicy")).isEqualTo("Delete");
              assertThat(r.get("UpdateReplacePolicy")).isEqualTo("Delete");
            });
  }

  /**
   * Without vpcSubnets a host gets CDK's default selection: private subnets with egress, else
   * isolated ones, else public ones. Landing on public subnets is allowed but warned of, with an id
   * that can be acknowledged.
   */
  @Test
  // Annotations give cxapi.SynthesisMessage, deprecated since its definition moved to the package
  // @aws-cdk/cloud-assembly-api, which has no Java artifact.
  @SuppressWarnings("deprecation")
  void theDefaultSelectionWarnsWhenItFallsToPublicSubnets() {
    Vpc publicOnly =
        Vpc.Builder.create(stack, "PublicOnly")
            .maxAzs(2)
            .natGateways(0)
            .subnetConfiguration(
                List.of(
                    SubnetConfiguration.builder()
                        .name("Public")
                        .subnetType(SubnetType.PUBLIC)
                        .build()))
            .build();
    Host defaulted = ghes("Defaulted", "https://defaulted.example.com").vpc(publicOnly).build();
    ghes("Chosen", "https://chosen.example.com")
        .vpc(publicOnly)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
        .build();
    // natGateways(0): the default configuration's private subnets are isolated ones.
    ghes("Isolated", "https://isolated.example.com").build();

    Annotations annotations = Annotations.fromStack(stack);
    List<SynthesisMessage> warnings =
        annotations.findWarning("*", Match.stringLikeRegexp(".*public subnets.*"));
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w.getId()).isEqualTo("/Stack/Defaulted"));
    assertThat(String.valueOf(warnings.get(0).getEntry().getData()))
        .startsWith(
            "Host at 'Stack/Defaulted': vpcSubnets is not set, and the VPC has no private"
                + " subnets (PRIVATE_WITH_EGRESS or PRIVATE_ISOLATED), so CDK's default selection"
                + " puts the host's network interfaces in its public subnets")
        .contains("[ack: " + HostNetwork.PUBLIC_SUBNETS_WARNING + "]");
    assertThat(defaulted.getNode().getPath()).isEqualTo("Stack/Defaulted");
  }

  @Test
  void theWarningCanBeAcknowledged() {
    Vpc publicOnly =
        Vpc.Builder.create(stack, "PublicOnly")
            .maxAzs(1)
            .natGateways(0)
            .subnetConfiguration(
                List.of(
                    SubnetConfiguration.builder()
                        .name("Public")
                        .subnetType(SubnetType.PUBLIC)
                        .build()))
            .build();
    ghes("Ghes", "https://github.example.com").vpc(publicOnly).build();
    software.amazon.awscdk.Annotations.of(stack)
        .acknowledgeWarning(
            HostNetwork.PUBLIC_SUBNETS_WARNING, "the instance is reached over a VPN");

    assertThat(Annotations.fromStack(stack).findWarning("*", Match.anyValue())).isEmpty();
  }

  @Test
  void givenGroupsAreLeftAlone() {
    SecurityGroup own = SecurityGroup.Builder.create(stack, "Own").vpc(vpc).build();
    ghes("Ghes", "https://github.example.com").securityGroups(List.of(own)).build();

    assertThat(group(Template.fromStack(stack))).doesNotContainKey("DeletionPolicy");
  }
}
