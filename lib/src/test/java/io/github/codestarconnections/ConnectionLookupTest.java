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
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** {@link Connection#fromConnectionName} and {@link Connection#fromConnectionLookup}. */
class ConnectionLookupTest {
  private static final String CODESTAR_HOST =
      "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-0a1b2c3d";
  private static final String CODECONNECTIONS_HOST =
      "arn:aws:codeconnections:eu-west-1:123456789012:host/ghes-0a1b2c3d";

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private static ConnectionLookupProps.Builder named(String name) {
    return ConnectionLookupProps.builder().connectionName(name);
  }

  private Map<String, Object> lookupResource(Template t) {
    Map<String, Map<String, Object>> found = t.findResources(ConnectionLookupProps.RESOURCE_TYPE);
    assertThat(found).hasSize(1);
    return found.values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @Test
  void aLookupByNameIsACustomResourceOnTheCodeconnectionsProviderAndItsArnIsAGetAtt() {
    IConnection github = Connection.fromConnectionName(stack, "GitHub", "acme-github");

    Template t = Template.fromStack(stack);
    Map<String, Object> resource = lookupResource(t);
    assertThat(properties(resource)).containsOnlyKeys("ServiceToken", "ConnectionName");
    assertThat(properties(resource)).containsEntry("ConnectionName", "acme-github");
    assertThat(stack.resolve(github.getConnectionArn()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalIdOf(t), "ConnectionArn")));
    assertThat(logicalIdOf(t)).startsWith("GitHub");
    // The namespace is unknown: the codeconnections provider, whose API takes both namespaces.
    assertThat(t.findResources("AWS::Lambda::Function").keySet())
        .anyMatch(id -> id.startsWith("CodeConnectionsHostProvider"))
        .noneMatch(id -> id.startsWith("CodeStarConnectionsHostProvider"));
    assertThat(github.getConnectionName()).isEqualTo("acme-github");
  }

  @Test
  void aLookupOnlyStackGrantsListConnectionsAndNoHostAction() {
    Connection.fromConnectionName(stack, "GitHub", "acme-github");

    List<String> actions = new java.util.ArrayList<>();
    for (Map<String, Object> s : ProviderTemplates.statements(Template.fromStack(stack))) {
      actions.addAll(ProviderTemplates.actions(s));
    }
    assertThat(actions)
        .filteredOn(a -> a.startsWith("codeconnections:") || a.startsWith("codestar-connections:"))
        .containsExactly("codeconnections:ListConnections");
  }

  @Test
  void filtersBecomeTheLookupsProperties() {
    IHost host = Host.fromHostArn(stack, "GhesHost", CODESTAR_HOST);
    Connection.fromConnectionLookup(
        stack,
        "Ghes",
        named("acme-ghes")
            .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .host(host)
            .build());

    Template t = Template.fromStack(stack);
    Map<String, Object> resource = lookupResource(t);
    assertThat(properties(resource))
        .containsEntry("ConnectionName", "acme-ghes")
        .containsEntry("ProviderTypeFilter", "GitHubEnterpriseServer")
        .containsEntry("HostArnFilter", CODESTAR_HOST)
        .containsEntry("ServiceNamespace", "codestar-connections");
    assertThat(t.findResources("AWS::Lambda::Function").keySet())
        .anyMatch(id -> id.startsWith("CodeStarConnectionsHostProvider"))
        .noneMatch(id -> id.startsWith("CodeConnectionsHostProvider"));
  }

  @Test
  void grantUseNamesBothPrefixesWhenTheNamespaceIsUnknownAndOneWhenGiven() {
    Role role =
        Role.Builder.create(stack, "Role")
            .assumedBy(new ServicePrincipal("codepipeline.amazonaws.com"))
            .build();
    Connection.fromConnectionName(stack, "Any", "acme-any").grantUse(role);
    Connection.fromConnectionLookup(
            stack,
            "New",
            named("acme-new").serviceNamespace(ServiceNamespace.CODECONNECTIONS).build())
        .grantUse(role);

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "Roles",
                List.of(Map.of("Ref", Match.stringLikeRegexp("Role.*"))),
                "PolicyDocument",
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Action",
                            List.of(
                                "codestar-connections:UseConnection",
                                "codeconnections:UseConnection"),
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("Any.*"), "ConnectionArn"))),
                        Map.of(
                            "Action",
                            "codeconnections:UseConnection",
                            "Effect",
                            "Allow",
                            "Resource",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("New.*"), "ConnectionArn")))))));
  }

  @Test
  void rerunEveryDeployAddsTheContextValueOrTheSynthesisTime() {
    Stack pinned =
        new Stack(
            App.Builder.create().context(Map.of(Rerun.CONTEXT_KEY, "execution-42")).build(),
            "Pinned");
    Connection.fromConnectionLookup(
        pinned, "GitHub", named("acme-github").rerun(Rerun.EVERY_DEPLOY).build());
    Connection.fromConnectionLookup(
        stack, "GitHub", named("acme-github").rerun(Rerun.EVERY_DEPLOY).build());

    assertThat(properties(lookupResource(Template.fromStack(pinned))))
        .containsEntry("Rerun", "execution-42");
    assertThat((String) properties(lookupResource(Template.fromStack(stack))).get("Rerun"))
        .matches("synthesized \\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void anEmptyOrOverlongNameIsRefusedNamingTheConstructPropertyValueAndRule() {
    assertThatThrownBy(() -> Connection.fromConnectionName(stack, "Empty", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Connection lookup at 'Stack/Empty': connectionName '' is 0 characters; the service"
                + " allows 1 to 32");
    String long33 = "x".repeat(33);
    assertThatThrownBy(() -> Connection.fromConnectionName(stack, "Long", long33))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Connection lookup at 'Stack/Long': connectionName '"
                + long33
                + "' is 33 characters; the service allows 1 to 32");
    assertThatThrownBy(() -> Connection.fromConnectionName(stack, "Null", null))
        .hasMessageContaining("Stack/Null")
        .hasMessageContaining("connectionName is null");
  }

  @Test
  void filtersThatCannotMatchAreRefused() {
    IHost codestarHost = Host.fromHostArn(stack, "CodeStarHost", CODESTAR_HOST);
    assertThatThrownBy(
            () ->
                Connection.fromConnectionLookup(
                    stack,
                    "CloudOnHost",
                    named("x").providerType(ProviderType.GITHUB).host(codestarHost).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection lookup at 'Stack/CloudOnHost'")
        .hasMessageContaining("providerType GITHUB is a cloud provider and cannot go with a host");
    assertThatThrownBy(
            () ->
                Connection.fromConnectionLookup(
                    stack,
                    "GhesWithoutHost",
                    named("x").providerType(ProviderType.GITHUB_ENTERPRISE_SERVER).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection lookup at 'Stack/GhesWithoutHost'")
        .hasMessageContaining("providerType GITHUB_ENTERPRISE_SERVER")
        .hasMessageContaining("needs a host");
    IHost codeconnectionsHost = Host.fromHostArn(stack, "NewHost", CODECONNECTIONS_HOST);
    assertThatThrownBy(
            () ->
                Connection.fromConnectionLookup(
                    stack,
                    "OldOnNewHost",
                    named("x")
                        .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
                        .host(codeconnectionsHost)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection lookup at 'Stack/OldOnNewHost'")
        .hasMessageContaining("serviceNamespace CODESTAR_CONNECTIONS")
        .hasMessageContaining("codeconnections");
    assertThatThrownBy(
            () ->
                Connection.fromConnectionLookup(
                    stack,
                    "AdoOld",
                    named("x")
                        .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
                        .providerType(ProviderType.AZURE_DEVOPS)
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection lookup at 'Stack/AdoOld'")
        .hasMessageContaining("AZURE_DEVOPS");
  }

  @Test
  void aLookupSharesTheProviderWithTheStacksHosts() {
    Host ghes =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://ghes.example.com")
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    Connection.fromConnectionLookup(stack, "OnGhes", named("acme-ghes").host(ghes).build());

    Template t = Template.fromStack(stack);
    assertThat(t.findResources("AWS::Lambda::Function").keySet())
        .filteredOn(id -> id.contains("HostProvider") && id.contains("OnEvent"))
        .hasSize(1);
    assertThat(properties(lookupResource(t)).get("HostArnFilter"))
        .isEqualTo(
            Map.of(
                "Ref",
                stack.getLogicalId(
                    (software.amazon.awscdk.CfnElement) ghes.getNode().getDefaultChild())));
  }

  private static String logicalIdOf(Template t) {
    return t.findResources(ConnectionLookupProps.RESOURCE_TYPE).keySet().iterator().next();
  }
}
