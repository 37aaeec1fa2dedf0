package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
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
  void codeconnectionsEmitsTheCodeConnectionsResourceWithTagsAndRetainExceptOnCreate() {
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
            "RetainExceptOnCreate"));
    assertThat(stack.resolve(c.getConnectionArn()).toString()).contains("ConnectionArn");
  }

  private static final String CODESTAR_HOST =
      "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1a2b3c4d";
  private static final String CODECONNECTIONS_HOST =
      "arn:aws:codeconnections:eu-west-1:123456789012:host/ghes-1a2b3c4d";

  private Host ownedHost(String id, ServiceNamespace namespace) {
    return Host.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://" + id.toLowerCase() + ".example.com")
        .serviceNamespace(namespace)
        .build();
  }

  @Test
  void aConnectionOnAnOwnedHostFollowsItsNamespace() {
    Host codeconnections = ownedHost("New", ServiceNamespace.CODECONNECTIONS);
    Host codestar = ownedHost("Old", ServiceNamespace.CODESTAR_CONNECTIONS);

    Connection onNew = Connection.Builder.create(stack, "OnNew").host(codeconnections).build();
    Connection onOld = Connection.Builder.create(stack, "OnOld").host(codestar).build();

    assertThat(onNew.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    assertThat(onOld.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
    Template t = Template.fromStack(stack);
    t.hasResourceProperties(
        "AWS::CodeConnections::Connection",
        Map.of("HostArn", stack.resolve(codeconnections.getHostArn())));
    t.hasResourceProperties(
        "AWS::CodeStarConnections::Connection",
        Map.of("HostArn", stack.resolve(codestar.getHostArn())));
  }

  @Test
  void aConnectionOnANativeHostIsACodeConnectionsConnection() {
    Host host =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .backend(HostBackend.NATIVE)
            .build();

    Connection.Builder.create(stack, "OnNative").host(host).build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs("AWS::CodeStarConnections::Connection", 0);
    t.hasResourceProperties(
        "AWS::CodeConnections::Connection",
        Map.of("HostArn", Map.of("Fn::GetAtt", java.util.List.of(Match.anyValue(), "HostArn"))));
  }

  @Test
  void aConnectionOnALiteralImportedHostFollowsTheArnsNamespace() {
    IHost codeconnections = Host.fromHostArn(stack, "New", CODECONNECTIONS_HOST);
    IHost codestar = Host.fromHostArn(stack, "Old", CODESTAR_HOST);

    Connection onNew = Connection.Builder.create(stack, "OnNew").host(codeconnections).build();
    Connection onOld = Connection.Builder.create(stack, "OnOld").host(codestar).build();

    assertThat(onNew.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    assertThat(onOld.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeConnections::Connection", Map.of("HostArn", CODECONNECTIONS_HOST));
  }

  @Test
  void aCodeConnectionsConnectionMayUseACodestarHostAsThatApiAllows() {
    Host owned = ownedHost("Owned", ServiceNamespace.CODESTAR_CONNECTIONS);
    IHost imported = Host.fromHostArn(stack, "Imported", CODESTAR_HOST);

    for (IHost host : java.util.List.of(owned, imported)) {
      Connection c =
          Connection.Builder.create(stack, "On" + host.getNode().getId())
              .host(host)
              .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
              .build();
      assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    }
    Template.fromStack(stack).resourceCountIs("AWS::CodeConnections::Connection", 2);
  }

  @Test
  void aCodestarConnectionOnACodeConnectionsHostIsRefusedAsThatApiRefusesIt() {
    Host owned = ownedHost("Ghes", ServiceNamespace.CODECONNECTIONS);
    IHost imported = Host.fromHostArn(stack, "Imported", CODECONNECTIONS_HOST);

    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Wrong")
                    .host(owned)
                    .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Connection at 'Stack/Wrong': serviceNamespace CODESTAR_CONNECTIONS cannot take the"
                + " host's codeconnections ARN (Stack/Ghes); the codestar-connections API accepts"
                + " only codestar-connections host ARNs");
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "AlsoWrong")
                    .host(imported)
                    .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection at 'Stack/AlsoWrong': serviceNamespace")
        .hasMessageContaining("(Stack/Imported)");
  }

  @Test
  void aTokenHostKeepsTheDefaultNamespaceUnlessOneIsGiven() {
    IHost fromSsm = Host.fromHostArnParameter(stack, "Ssm", "/ci/hosts/ghes");
    IHost fromExport = Host.fromHostArn(stack, "Exported", Fn.importValue("GhesHostArn"));
    assertThat(fromSsm.getServiceNamespace()).isEmpty();

    Connection unknown = Connection.Builder.create(stack, "Unknown").host(fromExport).build();
    Connection given =
        Connection.Builder.create(stack, "Given")
            .host(fromSsm)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    assertThat(unknown.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
    assertThat(given.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeConnections::Connection",
            Map.of(
                "HostArn",
                Map.of("Ref", Match.stringLikeRegexp("SsmParameterValuecihostsghes.*"))));
  }

  @Test
  void azureDevOpsIsACodeConnectionsProviderOnly() {
    Connection ado =
        Connection.Builder.create(stack, "Ado").providerType(ProviderType.AZURE_DEVOPS).build();

    assertThat(ado.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeConnections::Connection", Map.of("ProviderType", "AzureDevOps"));
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "OldAdo")
                    .providerType(ProviderType.AZURE_DEVOPS)
                    .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Connection at 'Stack/OldAdo': providerType AZURE_DEVOPS cannot go with"
                + " serviceNamespace CODESTAR_CONNECTIONS; only the codeconnections API lists"
                + " AzureDevOps");
  }

  @Test
  void aHostOfAnotherLibraryThatDoesNotSayItsNamespaceIsUnknown() {
    IHost foreign = new ForeignHost(stack, "Foreign");
    Connection c = Connection.Builder.create(stack, "C").host(foreign).build();
    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
  }

  /** An IHost written against the interface before it had getServiceNamespace. */
  private static final class ForeignHost extends software.amazon.awscdk.Resource implements IHost {
    ForeignHost(software.constructs.Construct scope, String id) {
      super(scope, id);
    }

    @Override
    public String getHostArn() {
      return CODESTAR_HOST;
    }
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
