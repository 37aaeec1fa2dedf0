package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ConnectionNamespaceTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  @Test
  void defaultIsTheCodestarResourceType() {
    Connection c = Connection.Builder.create(stack, "C").providerType(ProviderType.GITHUB).build();

    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
    Template t = Template.fromStack(stack);
    t.resourceCountIs("AWS::CodeStarConnections::Connection", 1);
    t.resourceCountIs("AWS::CodeConnections::Connection", 0);
  }

  @Test
  void codeconnectionsEmitsTheCodeConnectionsResourceWithTagsAndRetain() {
    Connection c =
        Connection.Builder.create(stack, "C")
            .connectionName("cc-github")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .tags(Map.of("team", "platform"))
            .build();
    Tags.of(stack).add("env", "prod");

    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    Template t = Template.fromStack(stack);
    t.resourceCountIs("AWS::CodeStarConnections::Connection", 0);
    t.hasResource(
        "AWS::CodeConnections::Connection",
        Map.of(
            "Properties",
            Map.of(
                "ConnectionName",
                "cc-github",
                "ProviderType",
                "GitHub",
                "Tags",
                Match.arrayWith(
                    java.util.List.of(
                        Map.of("Key", "env", "Value", "prod"),
                        Map.of("Key", "team", "Value", "platform")))),
            "DeletionPolicy",
            "Retain"));
    assertThat(stack.resolve(c.getConnectionArn()).toString()).contains("ConnectionArn");
  }

  @Test
  void aConnectionOnAnOwnedHostMustShareItsNamespace() {
    Host host =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    assertThatThrownBy(() -> Connection.Builder.create(stack, "Wrong").host(host).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Connection at 'Stack/Wrong': serviceNamespace CODESTAR_CONNECTIONS differs from the"
                + " host's CODECONNECTIONS (Stack/Ghes)");

    Connection ok =
        Connection.Builder.create(stack, "Right")
            .host(host)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    assertThat(ok.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    Template.fromStack(stack).resourceCountIs("AWS::CodeConnections::Connection", 1);
  }

  @Test
  void aConnectionOnALiteralImportedHostMustShareItsNamespaceButATokenHostIsTakenAsItIs() {
    IHost host =
        Host.fromHostArn(
            stack,
            "Ghes",
            "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1a2b3c4d");

    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Wrong")
                    .host(host)
                    .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differs from the host's CODESTAR_CONNECTIONS");

    IHost fromSsm = Host.fromHostArnParameter(stack, "Ssm", "/ci/hosts/ghes");
    Connection.Builder.create(stack, "OnSsmHost")
        .host(fromSsm)
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeConnections::Connection",
            Map.of(
                "HostArn",
                Map.of("Ref", Match.stringLikeRegexp("SsmParameterValuecihostsghes.*"))));
  }

  @Test
  void anImportWithAGivenNamespaceThatContradictsALiteralArnIsRejected() {
    assertThatThrownBy(
            () ->
                new ImportedConnection(
                    stack,
                    "C",
                    new ConnectionAttributes(ConnectionSourceActionTest.CODESTAR_ARN, null),
                    ServiceNamespace.CODECONNECTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "is in namespace CODESTAR_CONNECTIONS, not the given CODECONNECTIONS");
  }
}
