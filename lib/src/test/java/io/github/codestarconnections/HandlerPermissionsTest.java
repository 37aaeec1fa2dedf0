package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;

/**
 * The handler roles' IAM as CloudFormation orders it: the EC2 statements in a policy of their own
 * that every VPC host depends on, and each named host's own role policies.
 */
class HandlerPermissionsTest {
  private final Stack stack = new Stack(new App(), "Stack");

  private Host.Builder ghes(String id, String name) {
    return Host.Builder.create(stack, id)
        .hostName(name)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://" + id.toLowerCase() + ".example.com");
  }

  private static String logicalIdStartingWith(Map<String, Map<String, Object>> found, String p) {
    return found.keySet().stream().filter(k -> k.startsWith(p)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<String> dependsOn(Template t, String hostPrefix) {
    Map<String, Object> host =
        t.findResources(Host.RESOURCE_TYPE).entrySet().stream()
            .filter(e -> e.getKey().startsWith(hostPrefix))
            .findFirst()
            .orElseThrow()
            .getValue();
    Object d = host.get("DependsOn");
    return d == null ? List.of() : (List<String>) d;
  }

  @Test
  void theEc2StatementsAreAPolicyOfTheirOwnThatEveryVpcHostDependsOn() {
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
    ghes("InVpc", "in-vpc").vpc(vpc).build();
    ghes("Plain", "plain").build();

    Template t = Template.fromStack(stack);
    Map<String, Map<String, Object>> policies = t.findResources("AWS::IAM::Policy");
    String vpcPolicy = logicalIdStartingWith(policies, "CodeStarConnectionsHostProviderVpcPolicy");
    Map<?, ?> props = (Map<?, ?>) policies.get(vpcPolicy).get("Properties");
    assertThat((List<?>) props.get("Roles")).hasSize(2);
    assertThat(String.valueOf(props.get("Roles")))
        .contains("OnEventRole")
        .contains("IsCompleteRole");
    policies.forEach(
        (id, p) -> {
          if (!id.equals(vpcPolicy)) {
            assertThat(String.valueOf(p)).doesNotContain("ec2:CreateNetworkInterface");
          }
        });
    assertThat(dependsOn(t, "InVpc")).contains(vpcPolicy);
    assertThat(dependsOn(t, "Plain")).doesNotContain(vpcPolicy);
    assertThat(String.valueOf(policies.get(vpcPolicy).get("Metadata")))
        .contains("AwsSolutions-IAM5");
  }

  @Test
  void aStackWithoutVpcHostsHasNoEc2Policy() {
    ghes("Plain", "plain").build();

    assertThat(Template.fromStack(stack).findResources("AWS::IAM::Policy").keySet())
        .noneMatch(id -> id.contains("VpcPolicy"));
  }

  @Test
  void eachNamedHostHasItsOwnRolePoliciesWhichItDependsOn() {
    ghes("A", "ghes-a").build();
    ghes("B", "ghes_b").build();

    Template t = Template.fromStack(stack);
    Map<String, Map<String, Object>> rolePolicies = t.findResources("AWS::IAM::RolePolicy");
    assertThat(rolePolicies).hasSize(4);
    for (String host : List.of("A", "B")) {
      List<String> own =
          rolePolicies.keySet().stream()
              .filter(id -> id.startsWith(host + "On") || id.startsWith(host + "Is"))
              .toList();
      assertThat(own).hasSize(2);
      assertThat(dependsOn(t, host)).containsAll(own);
    }
    assertThat(String.valueOf(rolePolicies))
        .contains(":host/ghes-a-*")
        .contains(":host/ghes_b-*")
        .doesNotContain(":host/*");
  }

  /**
   * The role policies' resource, made from a prefix formatted once per provider, is what the
   * stack's formatArn gives for the host's name, with the environment known or not.
   */
  @Test
  void aHostsRolePoliciesNameTheArnTheStackFormatsForItsName() {
    Stack known =
        new Stack(
            new App(),
            "Known",
            StackProps.builder()
                .env(Environment.builder().account("123456789012").region("cn-north-1").build())
                .build());
    for (Stack s : List.of(stack, known)) {
      Host.Builder.create(s, "A")
          .hostName("ghes-a")
          .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
          .providerEndpoint("https://a.example.com")
          .build();
      Object expected =
          s.resolve(
              s.formatArn(
                  ArnComponents.builder()
                      .service("codestar-connections")
                      .resource("host")
                      .resourceName("ghes-a-*")
                      .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                      .build()));
      Map<String, Map<String, Object>> rolePolicies =
          Template.fromStack(s).findResources("AWS::IAM::RolePolicy");
      assertThat(rolePolicies).hasSize(2);
      rolePolicies.forEach(
          (id, p) ->
              assertThat(
                      ((Map<?, ?>)
                              ((List<?>)
                                      ((Map<?, ?>)
                                              ((Map<?, ?>) p.get("Properties"))
                                                  .get("PolicyDocument"))
                                          .get("Statement"))
                                  .get(0))
                          .get("Resource"))
                  .as(id)
                  .isEqualTo(expected));
    }
  }

  @Test
  void aRenamedHostsRolePoliciesHaveANewNameSoCloudFormationReplacesThem() {
    Stack renamed = new Stack(new App(), "Stack");
    Host.Builder.create(renamed, "A")
        .hostName("ghes-a-2")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://a.example.com")
        .build();
    ghes("A", "ghes-a").build();

    List<Object> before = policyNames(Template.fromStack(stack));
    List<Object> after = policyNames(Template.fromStack(renamed));
    assertThat(before).hasSize(1);
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    Stack again = new Stack(new App(), "Stack");
    Host.Builder.create(again, "A")
        .hostName("ghes-a")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://elsewhere.example.com")
        .build();
    assertThat(policyNames(Template.fromStack(again))).isEqualTo(before);
  }

  private static List<Object> policyNames(Template t) {
    return t.findResources("AWS::IAM::RolePolicy").values().stream()
        .map(r -> ((Map<?, ?>) r.get("Properties")).get("PolicyName"))
        .distinct()
        .map(Object.class::cast)
        .toList();
  }

  @Test
  void hostsWhoseArnIsUnknownAtSynthShareOneStatementOnEveryHost() {
    ghes("Token", Token.asString(Map.of("Ref", "HostName"))).build();
    ghes("Spaced", "my ghes").build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs("AWS::IAM::RolePolicy", 0);
    List<Map<String, Object>> onAnyHost =
        ProviderTemplates.statements(t).stream()
            .filter(s -> ProviderTemplates.actions(s).contains("codestar-connections:TagResource"))
            .toList();
    assertThat(onAnyHost).singleElement();
    assertThat(String.valueOf(onAnyHost.get(0).get("Resource"))).contains(":host/*");
  }

  @Test
  void aNativeHostAddsNoHandlerPermissions() {
    Host.Builder.create(stack, "Native")
        .hostName("native")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://native.example.com")
        .backend(HostBackend.NATIVE)
        .vpc(Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build())
        .build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs("AWS::IAM::RolePolicy", 0);
    t.resourceCountIs("AWS::IAM::Policy", 0);
  }

  @Test
  // Annotations return cxapi.SynthesisMessage, deprecated since its definition moved to the
  // package @aws-cdk/cloud-assembly-api, which has no Java artifact: there is no other type.
  @SuppressWarnings("deprecation")
  void moreNamedHostsThanTheRolesInlinePoliciesCanHoldWarnOnTheFirstHostTooMany() {
    for (int i = 0; i <= HandlerPermissions.MAX_NAMED_HOSTS; i++) {
      ghes("H" + i, "ghes-" + i).build();
    }
    assertThat(Annotations.fromStack(stack).findWarning("*", Match.anyValue()))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.getId()).isEqualTo("/Stack/H" + HandlerPermissions.MAX_NAMED_HOSTS);
              assertThat(String.valueOf(w.getEntry().getData()))
                  .contains("more than 25")
                  .contains("10,240")
                  .contains("backend NATIVE");
            });
  }
}
