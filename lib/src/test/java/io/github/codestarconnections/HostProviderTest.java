package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;

/** The stack's shared host provider: found in the construct tree, its functions and their IAM. */
class HostProviderTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Host.Builder ghes(String id) {
    return ghes(stack, id);
  }

  private static Host.Builder ghes(Stack in, String id) {
    return Host.Builder.create(in, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com");
  }

  private Vpc vpc() {
    return Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
  }

  @Test
  void theProviderIsTheStacksChildAndEveryHostFindsTheSameOne() {
    ghes("A").build();
    ghes("B").build();
    Stack other = new Stack(app, "Other");
    ghes(other, "C").build();

    Owner asking = new Owner("Host", stack);
    HostProvider found = HostProvider.of(stack, asking, ServiceNamespace.CODESTAR_CONNECTIONS);
    assertThat(stack.getNode().tryFindChild("CodeStarConnectionsHostProvider")).isSameAs(found);
    assertThat(found.builtFor()).hasToString("Host at 'Stack/A'");
    assertThat(HostProvider.of(other, asking, ServiceNamespace.CODESTAR_CONNECTIONS))
        .isNotSameAs(found)
        .isSameAs(other.getNode().tryFindChild("CodeStarConnectionsHostProvider"));
  }

  @Test
  void aHostInANestedScopeUsesItsStacksProvider() {
    software.constructs.Construct group = new software.constructs.Construct(stack, "Group");
    Host.Builder.create(group, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github-group.example.com")
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
  void threeHostsShareOneProvider() {
    ghes("A").build();
    ghes("B").providerEndpoint("https://github-b.example.com").build();
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
        List.of(HandlerFunctions.ON_EVENT_HANDLER, HandlerFunctions.IS_COMPLETE_HANDLER)) {
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
  void handlerRolesAreLeastPrivilegeWithoutVpc() {
    ghes("Ghes").build();

    List<Map<String, Object>> statements = ProviderTemplates.statements(Template.fromStack(stack));
    assertThat(statements.stream().flatMap(s -> ProviderTemplates.actions(s).stream()))
        .noneMatch(a -> a.startsWith("ec2:"))
        .noneMatch(a -> a.equals("codestar-connections:*"));
    List<String> onWildcard =
        statements.stream()
            .filter(s -> "*".equals(s.get("Resource")))
            .flatMap(s -> ProviderTemplates.actions(s).stream())
            .filter(a -> a.startsWith("codestar-connections:"))
            .distinct()
            .sorted()
            .toList();
    assertThat(onWildcard)
        .containsExactly(
            "codestar-connections:CreateHost",
            "codestar-connections:ListConnections",
            "codestar-connections:ListHosts");
    // Waiting and deleting reach every host of the namespace; changing and tagging the stack's
    // own hosts only (HandlerPermissions).
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(ProviderTemplates.actions(s))
                  .containsExactly(
                      "codestar-connections:GetHost", "codestar-connections:DeleteHost");
              assertThat(String.valueOf(s.get("Resource"))).contains(":host/*");
            });
    assertThat(statements)
        .anySatisfy(
            s -> {
              assertThat(ProviderTemplates.actions(s))
                  .containsExactly(
                      "codestar-connections:UpdateHost",
                      "codestar-connections:TagResource",
                      "codestar-connections:UntagResource",
                      "codestar-connections:ListTagsForResource");
              assertThat(String.valueOf(s.get("Resource")))
                  .contains("codestar-connections:")
                  .contains(":host/StackGhes")
                  .doesNotContain(":host/*");
            });
    assertThat(statements)
        .filteredOn(s -> ProviderTemplates.actions(s).contains("codestar-connections:TagResource"))
        .noneSatisfy(s -> assertThat(String.valueOf(s.get("Resource"))).contains(":host/*"));
  }

  @Test
  void handlerRolesGetEc2OnlyWhenAHostHasAVpc() {
    ghes("Ghes").vpc(vpc()).build();

    List<Map<String, Object>> statements = ProviderTemplates.statements(Template.fromStack(stack));
    assertThat(statements.stream().flatMap(s -> ProviderTemplates.actions(s).stream()))
        .contains(
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:CreateVpcEndpoint",
            "ec2:DeleteVpcEndpoints",
            "ec2:DescribeVpcs");
    assertThat(statements)
        .filteredOn(s -> ProviderTemplates.actions(s).contains("ec2:CreateVpcEndpoint"))
        .allSatisfy(s -> assertThat(String.valueOf(s.get("Resource"))).contains("ec2:"));
  }

  @Test
  void codeconnectionsHostsGetTheirOwnProviderAndActions() {
    Host host = ghes("New").serviceNamespace(ServiceNamespace.CODECONNECTIONS).build();

    assertThat(host.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    Template t = Template.fromStack(stack);
    t.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(Map.of("CODESTAR_CONNECTIONS_NAMESPACE", "codeconnections")))));
    assertThat(
            ProviderTemplates.statements(t).stream()
                .flatMap(s -> ProviderTemplates.actions(s).stream()))
        .contains("codeconnections:CreateHost")
        .noneMatch(a -> a.startsWith("codestar-connections:"));
  }
}
