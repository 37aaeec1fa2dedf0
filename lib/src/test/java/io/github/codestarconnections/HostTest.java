package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;

class HostTest {
  static final String CERT =
      "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Host.Builder ghes(String id) {
    return Host.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com");
  }

  private Vpc vpc() {
    return Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
  }

  @Test
  void hostWithoutVpcRendersTheCustomResource() {
    Host host = ghes("Ghes").hostName("acme-ghes").build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs(Host.RESOURCE_TYPE, 1);
    t.hasResource(
        Host.RESOURCE_TYPE,
        Map.of(
            "Properties",
            Map.of(
                "ServiceToken",
                Match.anyValue(),
                "Name",
                "acme-ghes",
                "ProviderType",
                "GitHubEnterpriseServer",
                "ProviderEndpoint",
                "https://github.example.com",
                "VpcConfiguration",
                Match.absent(),
                "Tags",
                Match.absent()),
            "DeletionPolicy",
            "RetainExceptOnCreate",
            "UpdateReplacePolicy",
            "Delete"));
    assertThat(host.getSecurityGroups()).isEmpty();
    assertThat(host.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
    assertThat(host.getBackend()).isEqualTo(HostBackend.CUSTOM_RESOURCE);
    t.resourceCountIs("AWS::EC2::SecurityGroup", 0);
  }

  @Test
  void attributesComeFromTheCustomResource() {
    Host host = ghes("Ghes").build();
    String id =
        stack.getLogicalId((software.amazon.awscdk.CfnElement) host.getNode().getDefaultChild());

    // The physical id is the host ARN, so a Ref gives it.
    assertThat(stack.resolve(host.getHostArn())).isEqualTo(Map.of("Ref", id));
    assertThat(stack.resolve(host.getHostStatus()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(id, "Status")));
  }

  @Test
  void defaultNameIsUniqueAndAtMost64Characters() {
    Host a = ghes("A".repeat(80)).build();
    Host b = ghes("B".repeat(80)).build();
    assertThat(a.getHostName()).hasSizeBetween(1, 64).isNotEqualTo(b.getHostName());
  }

  @Test
  void hostInAVpcGetsSubnetsAndANewHttpsOnlySecurityGroup() {
    Vpc vpc = vpc();
    Host host = ghes("Ghes").vpc(vpc).tlsCertificate(CERT).build();

    Template t = Template.fromStack(stack);
    assertThat(host.getSecurityGroups()).hasSize(1);
    t.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "SecurityGroupEgress",
            List.of(
                Map.of(
                    "CidrIp", "0.0.0.0/0",
                    "Description", "HTTPS to the provider",
                    "FromPort", 443,
                    "IpProtocol", "tcp",
                    "ToPort", 443))));
    List<Object> privateSubnets = new ArrayList<>();
    for (var s : vpc.getPrivateSubnets()) {
      privateSubnets.add(stack.resolve(s.getSubnetId()));
    }
    t.hasResourceProperties(
        Host.RESOURCE_TYPE,
        Map.of(
            "VpcConfiguration",
            Map.of(
                "VpcId",
                stack.resolve(vpc.getVpcId()),
                "SubnetIds",
                privateSubnets,
                "SecurityGroupIds",
                List.of(stack.resolve(host.getSecurityGroups().get(0).getSecurityGroupId())),
                "TlsCertificate",
                CERT)));
  }

  @Test
  void givenSubnetsAndSecurityGroupsAreUsed() {
    Vpc vpc = vpc();
    SecurityGroup sg = SecurityGroup.Builder.create(stack, "Sg").vpc(vpc).build();
    ghes("Ghes")
        .vpc(vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
        .securityGroups(List.of(sg))
        .build();

    List<Object> publicSubnets = new ArrayList<>();
    for (var s : vpc.getPublicSubnets()) {
      publicSubnets.add(stack.resolve(s.getSubnetId()));
    }
    Template t = Template.fromStack(stack);
    t.hasResourceProperties(
        Host.RESOURCE_TYPE,
        Map.of(
            "VpcConfiguration",
            Map.of(
                "VpcId", stack.resolve(vpc.getVpcId()),
                "SubnetIds", publicSubnets,
                "SecurityGroupIds", List.of(stack.resolve(sg.getSecurityGroupId())))));
    t.resourceCountIs("AWS::EC2::SecurityGroup", 1);
  }

  @Test
  void tagsFromPropsAndTagsOfReachTheHost() {
    ghes("Ghes").tags(Map.of("team", "platform")).build();
    Tags.of(stack).add("env", "prod");

    Template.fromStack(stack)
        .hasResourceProperties(
            Host.RESOURCE_TYPE,
            Map.of(
                "Tags",
                List.of(
                    Map.of("Key", "env", "Value", "prod"),
                    Map.of("Key", "team", "Value", "platform"))));
  }

  @Test
  void tagsOfOnTheSameKeyWinsOverThePropsTagAsWithAnL1() {
    ghes("Ghes").tags(Map.of("team", "platform")).build();
    Tags.of(stack).add("team", "org-wide");

    Template.fromStack(stack)
        .hasResourceProperties(
            Host.RESOURCE_TYPE,
            Map.of("Tags", List.of(Map.of("Key", "team", "Value", "org-wide"))));
  }

  @Test
  void removalPolicyAppliedLaterChangesDeletionButAReplacedHostIsStillDeleted() {
    Host host = ghes("Ghes").build();
    host.applyRemovalPolicy(RemovalPolicy.DESTROY);
    Host kept =
        ghes("Kept")
            .providerEndpoint("https://kept.example.com")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    kept.applyRemovalPolicy(RemovalPolicy.RETAIN);

    Template t = Template.fromStack(stack);
    assertThat(t.findResources(Host.RESOURCE_TYPE).values())
        .extracting(r -> (Object) ((Map<?, ?>) r).get("UpdateReplacePolicy"))
        .containsExactly("Delete", "Delete");
    assertThat(t.findResources(Host.RESOURCE_TYPE).values())
        .extracting(r -> (Object) ((Map<?, ?>) r).get("DeletionPolicy"))
        .containsExactlyInAnyOrder("Delete", "Retain");
  }

  @Test
  void removalPolicyDestroyDeletesTheHostWithTheStack() {
    ghes("Ghes").removalPolicy(RemovalPolicy.DESTROY).build();
    Template.fromStack(stack)
        .hasResource(
            Host.RESOURCE_TYPE,
            Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
  }

  @Test
  void connectionOnAnOwnedHostUsesItsArn() {
    Host host = ghes("Ghes").build();
    Connection.Builder.create(stack, "Conn").host(host).build();

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeStarConnections::Connection",
            Map.of("HostArn", stack.resolve(host.getHostArn()), "ProviderType", Match.absent()));
  }

  @Test
  void connectionWithAProviderTypeOtherThanItsHostsIsRejected() {
    Host host = ghes("Ghes").build();
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Conn")
                    .host(host)
                    .providerType(ProviderType.GITLAB_SELF_MANAGED)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Connection at 'Stack/Conn': providerType GITLAB_SELF_MANAGED differs from the host's"
                + " GITHUB_ENTERPRISE_SERVER (Stack/Ghes)");
  }

  @Test
  void importByArnAcceptsBothNamespacesAndTokens() {
    String a = "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1234abcd";
    String b = "arn:aws:codeconnections:eu-west-1:123456789012:host/ghes-1234abcd";
    assertThat(Host.fromHostArn(stack, "A", a).getHostArn()).isEqualTo(a);
    assertThat(Host.fromHostArn(stack, "B", b).getHostArn()).isEqualTo(b);
    Host.fromHostArn(stack, "C", Fn.importValue("HostArn"));
    assertThatThrownBy(
            () ->
                Host.fromHostArn(
                    stack, "D", "arn:aws:codestar-connections:eu-west-1:123456789012:connection/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host import at 'Stack/D': hostArn '")
        .hasMessageContaining("is not a host ARN");
  }

  @Test
  void badPropertiesAreRejectedWithTheRule() {
    assertThatThrownBy(() -> ghes("N").hostName("h".repeat(65)).build())
        .hasMessageContaining("Host at 'Stack/N': hostName 'hhh")
        .hasMessageContaining("is 65 characters; the service allows 1 to 64");
    assertThatThrownBy(
            () ->
                Host.Builder.create(stack, "T")
                    .providerType(ProviderType.GITHUB)
                    .providerEndpoint("https://x.example.com")
                    .build())
        .hasMessageContaining("Host at 'Stack/T': providerType GITHUB cannot have a host");
    assertThatThrownBy(
            () ->
                Host.Builder.create(stack, "T2").providerEndpoint("https://x.example.com").build())
        .hasMessageContaining("providerType null cannot have a host");
    assertThatThrownBy(
            () ->
                Host.Builder.create(stack, "E0")
                    .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
                    .build())
        .hasMessageContaining("Host at 'Stack/E0': providerEndpoint is required");
    assertThatThrownBy(() -> ghes("E1").providerEndpoint("github.example.com").build())
        .hasMessageContaining("providerEndpoint 'github.example.com' is not an http(s) URL");
    assertThatThrownBy(() -> ghes("E2").providerEndpoint("ftp://github.example.com").build())
        .hasMessageContaining("is not an http(s) URL");
    assertThatThrownBy(() -> ghes("E3").providerEndpoint("https://github example.com").build())
        .hasMessageContaining("is not a URL");
    assertThatThrownBy(
            () -> ghes("E4").providerEndpoint("https://x.example.com/" + "p".repeat(500)).build())
        .hasMessageContaining("characters; the service allows 1 to 512");
    ghes("E5").providerEndpoint(Fn.importValue("GhesUrl")).build();
  }

  @Test
  void vpcSettingsWithoutAVpcAreRejected() {
    assertThatThrownBy(() -> ghes("S").tlsCertificate(CERT).build())
        .hasMessageContaining("Host at 'Stack/S': tlsCertificate is set but vpc is not");
    assertThatThrownBy(() -> ghes("S2").vpcSubnets(SubnetSelection.builder().build()).build())
        .hasMessageContaining("vpcSubnets is set but vpc is not");
    assertThatThrownBy(() -> ghes("S3").securityGroups(List.of()).build())
        .hasMessageContaining("securityGroups is set but vpc is not");
  }

  @Test
  void networkCountsAndCertificateAreChecked() {
    Vpc vpc = vpc();
    List<ISecurityGroup> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(SecurityGroup.Builder.create(stack, "Sg" + i).vpc(vpc).build());
    }
    assertThatThrownBy(() -> ghes("G").vpc(vpc).securityGroups(eleven).build())
        .hasMessageContaining(
            "Host at 'Stack/G': securityGroups has 11; the service allows 1 to 10");
    assertThatThrownBy(() -> ghes("G0").vpc(vpc).securityGroups(List.of()).build())
        .hasMessageContaining("securityGroups has 0; the service allows 1 to 10");
    assertThatThrownBy(() -> ghes("C1").vpc(vpc).tlsCertificate("not a cert").build())
        .hasMessageContaining("tlsCertificate 'not a cert...' is not a PEM certificate");
    assertThatThrownBy(() -> ghes("C2").vpc(vpc).tlsCertificate(CERT + "x".repeat(16384)).build())
        .hasMessageContaining("characters; the service allows 1 to 16384");
    assertThatThrownBy(() -> ghes("M").tags(Map.of("codestarconnections-cdk:request", "y")).build())
        .hasMessageContaining(
            "Host at 'Stack/M': tags key 'codestarconnections-cdk:request' is reserved");
    assertThatThrownBy(() -> ghes("K").tags(Map.of("aws:x", "y")).build())
        .hasMessageContaining("Host at 'Stack/K': tags key 'aws:x' starts with 'aws:'");
  }

  @Test
  void tooManyTagsThroughTagsOfFailSynthesis() {
    Map<String, String> full = new java.util.TreeMap<>();
    for (int i = 0; i < 47; i++) {
      full.put("k" + i, "v");
    }
    ghes("Full").tags(full).build();
    Tags.of(stack).add("one-more", "v");
    assertThatThrownBy(() -> app.synth()).hasMessageContaining("Host at 'Stack/Full': has 48 tags");
  }

  @Test
  void aNullTagKeyOrValueIsTheLibrarysErrorOnBothBackends() {
    for (HostBackend backend : HostBackend.values()) {
      Map<String, String> nullKey = new HashMap<>();
      nullKey.put(null, "v");
      nullKey.put("team", "platform");
      assertThatThrownBy(() -> ghes("NullKey" + backend).backend(backend).tags(nullKey).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Host at 'Stack/NullKey"
                  + backend
                  + "': tags has a null key (with value 'v'); a tag key is a string of 1 to 128"
                  + " characters");
      Map<String, String> nullValue = new HashMap<>();
      nullValue.put("team", null);
      assertThatThrownBy(() -> ghes("NullValue" + backend).backend(backend).tags(nullValue).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Host at 'Stack/NullValue"
                  + backend
                  + "': tags value of 'team' is null; a tag value is a string of 0 to 256"
                  + " characters (\"\" for none)");
    }
  }
}
