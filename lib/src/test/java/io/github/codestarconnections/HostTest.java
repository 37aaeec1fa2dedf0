package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
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
            "Retain",
            "UpdateReplacePolicy",
            "Delete"));
    assertThat(host.getHostName()).isEqualTo("acme-ghes");
    assertThat(host.getProviderType()).isEqualTo(ProviderType.GITHUB_ENTERPRISE_SERVER);
    assertThat(host.getSecurityGroups()).isEmpty();
    assertThat(host.getServiceNamespace()).isEqualTo(ServiceNamespace.CODESTAR_CONNECTIONS);
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
    Host kept = ghes("Kept").removalPolicy(RemovalPolicy.DESTROY).build();
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
  void aHostInANestedScopeUsesItsStacksProvider() {
    software.constructs.Construct group = new software.constructs.Construct(stack, "Group");
    Host.Builder.create(group, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .build();
    ghes("Top").build();

    assertThat(stack.getNode().tryFindChild("CodeStarConnectionsHostProvider")).isNotNull();
    Template.fromStack(stack).resourceCountIs("AWS::Lambda::Function", 5);
  }

  @Test
  void aConstructHoldingTheProvidersIdIsReportedNotCastAway() {
    new software.constructs.Construct(stack, "CodeStarConnectionsHostProvider");
    assertThatThrownBy(() -> ghes("Ghes").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host at 'Stack/Ghes'")
        .hasMessageContaining("'CodeStarConnectionsHostProvider'");
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
  void threeHostsShareOneProvider() {
    ghes("A").build();
    ghes("B").build();
    Host.Builder.create(stack, "C")
        .providerType(ProviderType.GITLAB_SELF_MANAGED)
        .providerEndpoint("https://gitlab.example.com")
        .build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs(Host.RESOURCE_TYPE, 3);
    // onEvent + isComplete + the framework's onEvent, isComplete and onTimeout.
    t.resourceCountIs("AWS::Lambda::Function", 5);
    t.resourceCountIs("AWS::StepFunctions::StateMachine", 1);
    Map<String, Map<String, Object>> hosts = t.findResources(Host.RESOURCE_TYPE);
    assertThat(
            hosts.values().stream()
                .map(r -> ((Map<?, ?>) r.get("Properties")).get("ServiceToken").toString())
                .distinct())
        .hasSize(1);
  }

  @Test
  void theHandlersAreJavaOnTheEmbeddedJar() {
    ghes("Ghes").build();

    Template t = Template.fromStack(stack);
    for (String handler :
        List.of(HostProvider.ON_EVENT_HANDLER, HostProvider.IS_COMPLETE_HANDLER)) {
      t.hasResourceProperties(
          "AWS::Lambda::Function",
          Map.of(
              "Handler",
              handler,
              "Runtime",
              "java21",
              "Timeout",
              120,
              "Environment",
              Map.of(
                  "Variables",
                  Match.objectLike(
                      Map.of("CODESTAR_CONNECTIONS_NAMESPACE", "codestar-connections")))));
    }
  }

  @Test
  void queryIntervalAndTimeoutReachTheWaiterWhichBacksOff() {
    ghes("Ghes").queryInterval(Duration.seconds(10)).totalTimeout(Duration.minutes(20)).build();
    ghes("Same").queryInterval(Duration.seconds(10)).maxQueryInterval(Duration.minutes(1)).build();

    Template t = Template.fromStack(stack);
    // Waits of 10, 20, 40, then 60 seconds: 22 of them make the 20 minutes.
    assertThat(waiterDefinition(t))
        .contains(
            "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":10,"
                + "\"MaxAttempts\":22,\"BackoffRate\":2,\"MaxDelaySeconds\":60}]");
  }

  @Test
  void theWaiterStillRunsTheFrameworksFunctions() {
    ghes("Ghes").build();

    Template t = Template.fromStack(stack);
    String definition = waiterDefinition(t);
    assertThat(definition)
        .startsWith("{\"StartAt\":\"framework-isComplete-task\"")
        .contains("\"IntervalSeconds\":30,\"MaxAttempts\":31,\"BackoffRate\":2")
        .contains(
            "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"framework-onTimeout-task\"}]");
    Map<String, Map<String, Object>> functions = t.findResources("AWS::Lambda::Function");
    String isComplete =
        functions.keySet().stream()
            .filter(k -> k.contains("frameworkisComplete"))
            .findFirst()
            .orElseThrow();
    String onTimeout =
        functions.keySet().stream()
            .filter(k -> k.contains("frameworkonTimeout"))
            .findFirst()
            .orElseThrow();
    assertThat(definition)
        .contains(
            "\"Type\":\"Task\",\"Resource\":\"<"
                + isComplete
                + ".Arn>\"},\"framework-onTimeout-task\"")
        .endsWith("\"Type\":\"Task\",\"Resource\":\"<" + onTimeout + ".Arn>\"}}}");
  }

  @Test
  void aMaxQueryIntervalEqualToTheIntervalKeepsTheFrameworksFixedPolling() {
    ghes("Ghes").queryInterval(Duration.seconds(20)).maxQueryInterval(Duration.seconds(20)).build();

    assertThat(waiterDefinition(Template.fromStack(stack)))
        .contains("\"IntervalSeconds\":20,\"MaxAttempts\":90,\"BackoffRate\":1}")
        .doesNotContain("MaxDelaySeconds");
  }

  @Test
  void aMaxQueryIntervalBelowTheIntervalIsRejected() {
    assertThatThrownBy(
            () ->
                ghes("Ghes")
                    .queryInterval(Duration.seconds(30))
                    .maxQueryInterval(Duration.seconds(10))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Host at 'Stack/Ghes': maxQueryInterval 10 seconds is shorter than queryInterval 30"
                + " seconds");
  }

  @Test
  void hostsAskingForDifferentMaxQueryIntervalsAreRejected() {
    ghes("A").build();
    assertThatThrownBy(() -> ghes("B").maxQueryInterval(Duration.minutes(2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Host at 'Stack/B': maxQueryInterval 2 minutes differs from the 1 minute");
  }

  /** The waiter's DefinitionString, its Fn::Join rendered with {@code <Id.Arn>} for each GetAtt. */
  private static String waiterDefinition(Template t) {
    Map<String, Map<String, Object>> machines = t.findResources("AWS::StepFunctions::StateMachine");
    assertThat(machines).hasSize(1);
    Map<?, ?> join =
        (Map<?, ?>)
            ((Map<?, ?>) machines.values().iterator().next().get("Properties"))
                .get("DefinitionString");
    List<?> parts = (List<?>) ((List<?>) join.get("Fn::Join")).get(1);
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof String literal) {
        text.append(literal);
      } else {
        List<?> getAtt = (List<?>) ((Map<?, ?>) part).get("Fn::GetAtt");
        text.append('<').append(getAtt.get(0)).append('.').append(getAtt.get(1)).append('>');
      }
    }
    return text.toString();
  }

  @Test
  void hostsAskingForDifferentTimingsAreRejected() {
    ghes("A").queryInterval(Duration.seconds(10)).build();
    assertThatThrownBy(() -> ghes("B").queryInterval(Duration.seconds(20)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host at 'Stack/B': queryInterval 20 seconds differs from the 10")
        .hasMessageContaining("every host in a stack shares one provider");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(Template t) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Map<String, Object> policy : t.findResources("AWS::IAM::Policy").values()) {
      Map<String, Object> doc =
          (Map<String, Object>)
              ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
      all.addAll((List<Map<String, Object>>) doc.get("Statement"));
    }
    return all;
  }

  private static List<String> actions(Map<String, Object> statement) {
    Object a = statement.get("Action");
    return a instanceof List<?> l
        ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(a));
  }

  @Test
  void handlerRolesAreLeastPrivilegeWithoutVpc() {
    ghes("Ghes").build();

    List<Map<String, Object>> statements = statements(Template.fromStack(stack));
    assertThat(statements.stream().flatMap(s -> actions(s).stream()))
        .noneMatch(a -> a.startsWith("ec2:"))
        .noneMatch(a -> a.equals("codestar-connections:*"));
    List<String> onWildcard =
        statements.stream()
            .filter(s -> "*".equals(s.get("Resource")))
            .flatMap(s -> actions(s).stream())
            .filter(a -> a.startsWith("codestar-connections:"))
            .distinct()
            .sorted()
            .toList();
    assertThat(onWildcard)
        .containsExactly(
            "codestar-connections:CreateHost",
            "codestar-connections:ListConnections",
            "codestar-connections:ListHosts");
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(actions(s))
                  .containsExactly(
                      "codestar-connections:GetHost",
                      "codestar-connections:UpdateHost",
                      "codestar-connections:DeleteHost",
                      "codestar-connections:TagResource",
                      "codestar-connections:UntagResource",
                      "codestar-connections:ListTagsForResource");
              assertThat(String.valueOf(s.get("Resource")))
                  .contains("codestar-connections:")
                  .contains(":host/*");
            });
  }

  @Test
  void handlerRolesGetEc2OnlyWhenAHostHasAVpc() {
    ghes("Ghes").vpc(vpc()).build();

    List<Map<String, Object>> statements = statements(Template.fromStack(stack));
    assertThat(statements.stream().flatMap(s -> actions(s).stream()))
        .contains(
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:CreateVpcEndpoint",
            "ec2:DeleteVpcEndpoints",
            "ec2:DescribeVpcs");
    assertThat(statements)
        .filteredOn(s -> actions(s).contains("ec2:CreateVpcEndpoint"))
        .allSatisfy(s -> assertThat(String.valueOf(s.get("Resource"))).contains("ec2:"));
  }

  @Test
  void codeconnectionsHostsGetTheirOwnProviderAndActions() {
    Host host = ghes("New").serviceNamespace(ServiceNamespace.CODECONNECTIONS).build();

    assertThat(host.getServiceNamespace()).isEqualTo(ServiceNamespace.CODECONNECTIONS);
    Template t = Template.fromStack(stack);
    t.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(Map.of("CODESTAR_CONNECTIONS_NAMESPACE", "codeconnections")))));
    assertThat(statements(t).stream().flatMap(s -> actions(s).stream()))
        .contains("codeconnections:CreateHost")
        .noneMatch(a -> a.startsWith("codestar-connections:"));
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
        .hasMessageContaining("Host.fromHostArn at 'Stack/D'")
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
    Map<String, String> fifty = new java.util.TreeMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("k" + i, "v");
    }
    ghes("Full").tags(fifty).build();
    Tags.of(stack).add("one-more", "v");
    assertThatThrownBy(() -> app.synth()).hasMessageContaining("Host at 'Stack/Full': has 51 tags");
  }
}
