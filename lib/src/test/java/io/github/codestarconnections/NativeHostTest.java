package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codeconnections.CfnHost;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** {@link HostBackend#NATIVE}: CloudFormation's AWS::CodeConnections::Host behind the same Host. */
class NativeHostTest {
  private static final String NATIVE_TYPE = "AWS::CodeConnections::Host";

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Host.Builder nativeGhes(String id) {
    return Host.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .backend(HostBackend.NATIVE);
  }

  @Test
  void nativeRendersCfnHostWithRetainExceptOnCreateAndNoProvider() {
    Host host = nativeGhes("Ghes").hostName("acme-ghes").build();

    Template t = Template.fromStack(stack);
    t.hasResource(
        NATIVE_TYPE,
        Map.of(
            "Properties",
            Map.of(
                "Name", "acme-ghes",
                "ProviderType", "GitHubEnterpriseServer",
                "ProviderEndpoint", "https://github.example.com",
                "VpcConfiguration", Match.absent(),
                "Tags", Match.absent()),
            "DeletionPolicy",
            "RetainExceptOnCreate",
            "UpdateReplacePolicy",
            "Delete"));
    t.resourceCountIs(Host.RESOURCE_TYPE, 0);
    assertThat(t.toJSON().get("Resources").toString())
        .doesNotContain("AWS::Lambda::Function")
        .doesNotContain("AWS::StepFunctions::StateMachine")
        .doesNotContain("AWS::IAM::Role");
    assertThat(stack.getNode().tryFindChild("CodeConnectionsHostProvider")).isNull();
    assertThat(stack.getNode().tryFindChild("CodeStarConnectionsHostProvider")).isNull();
    assertThat(host.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    assertThat(host.getNode().getDefaultChild()).isInstanceOf(CfnHost.class);
  }

  @Test
  void attributesComeFromTheCfnHost() {
    Host host = nativeGhes("Ghes").build();
    String id = stack.getLogicalId((CfnElement) host.getNode().getDefaultChild());

    assertThat(stack.resolve(host.getHostArn()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(id, "HostArn")));
    assertThat(stack.resolve(host.getHostStatus()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(id, "Status")));
  }

  @Test
  void aStackWithBothBackendsHasOneProviderForTheCustomResourceHostsOnly() {
    nativeGhes("Native").build();
    Host.Builder.create(stack, "Custom")
        .providerType(ProviderType.GITLAB_SELF_MANAGED)
        .providerEndpoint("https://gitlab.example.com")
        .build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs(NATIVE_TYPE, 1);
    t.resourceCountIs(Host.RESOURCE_TYPE, 1);
    t.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    assertThat(stack.getNode().tryFindChild("CodeStarConnectionsHostProvider")).isNotNull();
    assertThat(stack.getNode().tryFindChild("CodeConnectionsHostProvider")).isNull();
  }

  @Test
  void aVpcHostGetsTheSameNetworkAsOnTheCustomResource() {
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
    Host host = nativeGhes("Ghes").vpc(vpc).tlsCertificate(HostTest.CERT).build();

    List<Object> privateSubnets = new ArrayList<>();
    for (var s : vpc.getPrivateSubnets()) {
      privateSubnets.add(stack.resolve(s.getSubnetId()));
    }
    Template t = Template.fromStack(stack);
    assertThat(host.getSecurityGroups()).hasSize(1);
    t.hasResourceProperties(
        "AWS::EC2::SecurityGroup",
        Map.of(
            "SecurityGroupEgress",
            List.of(Match.objectLike(Map.of("FromPort", 443, "ToPort", 443)))));
    t.hasResourceProperties(
        NATIVE_TYPE,
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
                HostTest.CERT)));
    // The deploying role, not a Lambda role, needs EC2 rights: the stack grants nothing.
    t.resourceCountIs("AWS::IAM::Policy", 0);
  }

  @Test
  void tagsOfReachTheHostWinOnTheSameKeyAndGetTagsShowsWhatLandsInTheTemplate() {
    Host host = nativeGhes("Ghes").tags(Map.of("team", "platform", "cost", "ci")).build();
    Tags.of(stack).add("team", "org-wide");
    Tags.of(stack).add("env", "prod");

    Template t = Template.fromStack(stack);
    List<Map<String, String>> expected =
        List.of(
            Map.of("Key", "cost", "Value", "ci"),
            Map.of("Key", "env", "Value", "prod"),
            Map.of("Key", "team", "Value", "org-wide"));
    t.hasResourceProperties(NATIVE_TYPE, Map.of("Tags", expected));
    assertThat(host.getTags().tagValues())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cost", "ci", "env", "prod", "team", "org-wide"));
  }

  @Test
  void removalPolicyAppliedLaterChangesDeletionButAReplacedHostIsStillDeleted() {
    nativeGhes("Ghes").build().applyRemovalPolicy(RemovalPolicy.DESTROY);
    nativeGhes("Kept")
        .providerEndpoint("https://kept.example.com")
        .removalPolicy(RemovalPolicy.DESTROY)
        .build()
        .applyRemovalPolicy(RemovalPolicy.RETAIN);

    Template t = Template.fromStack(stack);
    assertThat(t.findResources(NATIVE_TYPE).values())
        .extracting(r -> r.get("DeletionPolicy"))
        .containsExactlyInAnyOrder("Delete", "Retain");
    assertThat(t.findResources(NATIVE_TYPE).values())
        .extracting(r -> r.get("UpdateReplacePolicy"))
        .containsExactly("Delete", "Delete");
  }

  @Test
  void nativeWithCodestarConnectionsIsRefusedNamingTheRule() {
    assertThatThrownBy(
            () ->
                nativeGhes("Ghes").serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Host at 'Stack/Ghes': serviceNamespace CODESTAR_CONNECTIONS cannot go with backend"
                + " NATIVE")
        .hasMessageContaining("codeconnections namespace only");
    Host explicit = nativeGhes("Ok").serviceNamespace(ServiceNamespace.CODECONNECTIONS).build();
    assertThat(explicit.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
  }

  @Test
  void theSameValidationAppliesOnBothBackends() {
    assertThatThrownBy(() -> nativeGhes("E").providerEndpoint("github.example.com").build())
        .hasMessageContaining("Host at 'Stack/E': providerEndpoint 'github.example.com' is not");
    assertThatThrownBy(() -> nativeGhes("S").tlsCertificate(HostTest.CERT).build())
        .hasMessageContaining("Host at 'Stack/S': tlsCertificate is set but vpc is not");
    assertThatThrownBy(() -> nativeGhes("N").hostName("h".repeat(65)).build())
        .hasMessageContaining("is 65 characters; the service allows 1 to 64");
    assertThatThrownBy(
            () -> nativeGhes("M").tags(Map.of(HostRules.MARKER_TAGS.get(0), "x")).build())
        .hasMessageContaining("is reserved");
    assertThatThrownBy(
            () ->
                Host.Builder.create(stack, "T")
                    .providerType(ProviderType.GITHUB)
                    .providerEndpoint("https://x.example.com")
                    .backend(HostBackend.NATIVE)
                    .build())
        .hasMessageContaining("providerType GITHUB cannot have a host");
  }

  @Test
  void tooManyTagsThroughTagsOfFailSynthesis() {
    Map<String, String> full = new java.util.TreeMap<>();
    for (int i = 0; i < 47; i++) {
      full.put("k" + i, "v");
    }
    nativeGhes("Full").tags(full).build();
    Tags.of(stack).add("one-more", "v");
    assertThatThrownBy(() -> app.synth()).hasMessageContaining("Host at 'Stack/Full': has 48 tags");
  }

  @Test
  void exportsParametersAndGrantsWorkOnANativeHost() {
    Host host = nativeGhes("Ghes").build();
    host.exportHostArn("GhesHostArn");
    host.publishHostArnParameter("/ci/hosts/ghes");
    Connection connection = Connection.Builder.create(stack, "Conn").host(host).build();
    Role role =
        Role.Builder.create(stack, "Role")
            .assumedBy(new ServicePrincipal("codepipeline.amazonaws.com"))
            .build();
    connection.grantUse(role);

    Object arn = stack.resolve(host.getHostArn());
    Template t = Template.fromStack(stack);
    t.hasOutput("*", Map.of("Value", arn, "Export", Map.of("Name", "GhesHostArn")));
    t.hasResourceProperties(
        "AWS::SSM::Parameter", Map.of("Name", "/ci/hosts/ghes", "Value", arn, "Type", "String"));
    t.hasResourceProperties("AWS::CodeConnections::Connection", Map.of("HostArn", arn));
    assertThat(UseConnectionStatements.of(t))
        .singleElement()
        .satisfies(
            use -> {
              assertThat(use.actions()).containsExactly("codeconnections:UseConnection");
              assertThat(use.resource()).isEqualTo(stack.resolve(connection.getConnectionArn()));
            });
  }
}
