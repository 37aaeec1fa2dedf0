package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnUpdatePolicy;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * A deleted host cannot keep a retained connection (refused at synth), and a connection on an owned
 * host is deleted when its replacement is made.
 */
class HostRemovalTest {
  private final Stack stack = new Stack(new App(), "Stack");

  private Host host(RemovalPolicy policy, HostBackend backend) {
    return Host.Builder.create(stack, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .removalPolicy(policy)
        .backend(backend)
        .build();
  }

  private Connection connection(Host on, RemovalPolicy policy) {
    return Connection.Builder.create(stack, "GhesConnection")
        .host(on)
        .removalPolicy(policy)
        .handshakeOutput(false)
        .build();
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void aDestroyedHostWithARetainedConnectionIsRefusedNamingBoth(HostBackend backend) {
    Host ghes = host(RemovalPolicy.DESTROY, backend);
    Connection.Builder.create(stack, "GhesConnection").host(ghes).handshakeOutput(false).build();

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("[Stack/Ghes] Host at 'Stack/Ghes': has removalPolicy DESTROY")
        .hasMessageContaining("Connection at 'Stack/GhesConnection'")
        .hasMessageContaining("removalPolicy(RemovalPolicy.DESTROY)")
        .hasMessageContaining("the host RETAIN");
  }

  @Test
  void policiesAppliedLaterAreTheOnesChecked() {
    Host ghes = host(RemovalPolicy.RETAIN, HostBackend.CUSTOM_RESOURCE);
    Connection conn = connection(ghes, RemovalPolicy.RETAIN);
    ghes.applyRemovalPolicy(RemovalPolicy.DESTROY);
    assertThatThrownBy(() -> Template.fromStack(stack)).hasMessageContaining("removalPolicy");

    Stack other = new Stack(new App(), "Other");
    Host destroyed =
        Host.Builder.create(other, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    Connection later =
        Connection.Builder.create(other, "GhesConnection")
            .host(destroyed)
            .handshakeOutput(false)
            .build();
    later.applyRemovalPolicy(RemovalPolicy.DESTROY);
    Template.fromStack(other)
        .hasResource(
            "AWS::CodeStarConnections::Connection",
            Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
    assertThat(conn.getNode().getPath()).isEqualTo("Stack/GhesConnection");
  }

  /**
   * The hosts' deletion policies are read at synth as the template has them, however they were set
   * (here on the default child, behind the Host's back), each host's its own, all in one read.
   */
  @Test
  void eachHostIsCheckedWithTheDeletionPolicyItsTemplateHas() {
    Host[] hosts = new Host[4];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] =
          Host.Builder.create(stack, "Ghes" + i)
              .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
              .providerEndpoint("https://github" + i + ".example.com")
              .removalPolicy(RemovalPolicy.RETAIN)
              .build();
      Connection.Builder.create(stack, "Connection" + i)
          .host(hosts[i])
          .removalPolicy(i == 3 ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
          .handshakeOutput(false)
          .build();
    }
    for (int i : new int[] {1, 3}) {
      ((CfnResource) hosts[i].getNode().getDefaultChild())
          .applyRemovalPolicy(RemovalPolicy.DESTROY);
    }

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("[Stack/Ghes1] Host at 'Stack/Ghes1': has removalPolicy DESTROY")
        .hasMessageContaining("Connection at 'Stack/Connection1'")
        .message()
        .doesNotContain("Ghes0")
        .doesNotContain("Ghes2")
        .doesNotContain("Ghes3");
  }

  @Test
  void aHostWithEveryResourceOptionSetIsStillChecked() {
    // The deletion policies are read with the hosts' other CloudFormation options (a condition, a
    // construct of its own; metadata; an update policy): those must neither break the read nor hide
    // the policy.
    Stack kept = new Stack(new App(), "Kept");
    withEveryOption(kept, RemovalPolicy.RETAIN);
    Template.fromStack(kept)
        .hasResource(
            "Custom::CodeStarConnectionsHost",
            Map.of("Condition", "InProduction", "DeletionPolicy", "Retain"));

    Stack destroyed = new Stack(new App(), "Destroyed");
    withEveryOption(destroyed, RemovalPolicy.DESTROY);
    assertThatThrownBy(() -> Template.fromStack(destroyed))
        .hasMessageContaining("Host at 'Destroyed/Ghes': has removalPolicy DESTROY")
        .hasMessageContaining("Connection at 'Destroyed/GhesConnection'");
  }

  /** A host with a retained connection, and every option set on the host's resource. */
  private static void withEveryOption(Stack in, RemovalPolicy hostPolicy) {
    Host ghes =
        Host.Builder.create(in, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .build();
    Connection.Builder.create(in, "GhesConnection").host(ghes).handshakeOutput(false).build();
    CfnResource resource = (CfnResource) ghes.getNode().getDefaultChild();
    CfnCondition inProduction =
        CfnCondition.Builder.create(in, "InProduction")
            .expression(Fn.conditionEquals(Aws.ACCOUNT_ID, "123456789012"))
            .build();
    resource.getCfnOptions().setCondition(inProduction);
    resource.getCfnOptions().setMetadata(Map.of("owner", "platform"));
    resource.getCfnOptions().setUpdatePolicy(CfnUpdatePolicy.builder().build());
    resource.applyRemovalPolicy(hostPolicy);
  }

  @Test
  void combinationsThatCanBeDeletedPass() {
    Host retained = host(RemovalPolicy.RETAIN, HostBackend.CUSTOM_RESOURCE);
    connection(retained, RemovalPolicy.RETAIN);
    Template.fromStack(stack);

    Stack other = new Stack(new App(), "Other");
    Host destroyed =
        Host.Builder.create(other, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    Connection.Builder.create(other, "C")
        .host(destroyed)
        .removalPolicy(RemovalPolicy.DESTROY)
        .handshakeOutput(false)
        .build();
    Template.fromStack(other).resourceCountIs("AWS::CodeStarConnections::Connection", 1);
  }

  @Test
  void aConnectionOnAnOwnedHostIsDeletedWhenReplacedButRetainedWhenRemoved() {
    Host ghes = host(RemovalPolicy.RETAIN, HostBackend.CUSTOM_RESOURCE);
    Connection conn = connection(ghes, RemovalPolicy.RETAIN);
    // Applied later, the policy still leaves the replacement policy alone.
    conn.applyRemovalPolicy(RemovalPolicy.RETAIN);
    Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .handshakeOutput(false)
        .build();

    Template t = Template.fromStack(stack);
    Map<String, Map<String, Object>> connections =
        t.findResources("AWS::CodeStarConnections::Connection");
    assertThat(connections.entrySet())
        .filteredOn(e -> e.getKey().startsWith("GhesConnection"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getValue().get("DeletionPolicy")).isEqualTo("Retain");
              assertThat(e.getValue().get("UpdateReplacePolicy")).isEqualTo("Delete");
            });
    // Without a host nothing replaces it but a change the user makes: the policy is the user's.
    assertThat(connections.entrySet())
        .filteredOn(e -> e.getKey().startsWith("GitHub"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue().get("UpdateReplacePolicy")).isEqualTo("Retain"));
  }
}
