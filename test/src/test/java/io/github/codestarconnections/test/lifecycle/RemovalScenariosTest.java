package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.RemovalPolicy;

/** Hosts and connections leaving the stack, and the stack's deletion. */
class RemovalScenariosTest extends LifecycleScenario {
  private static final LifecycleApp EMPTY = LifecycleApp.of(List.of(), List.of());

  private static HostDef other() {
    return HostDef.ghes("Other", "lifecycle-other", "https://other.example.com");
  }

  @Test
  void aRemovedHostWithRetainStaysWithExactlyTheUsersTags() {
    HostDef host = ghes().tagged(Map.of("team", "ci"));
    deploy(app(host), "CREATE_COMPLETE");
    DeployResult r = deploy(EMPTY, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().host(host).verify();
  }

  @Test
  void aRemovedHostWithDestroyIsDeleted() {
    deploy(app(ghes().removal(RemovalPolicy.DESTROY)), "CREATE_COMPLETE");
    DeployResult r = deploy(EMPTY, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().verify();
  }

  @Test
  void aRemovedVpcHostIsDeletedWhileAnotherVpcHostKeepsTheRights() {
    HostDef vpcHost = ghes().inVpc("A").removal(RemovalPolicy.DESTROY);
    HostDef stays = other().inVpc("B");
    deploy(LifecycleApp.of(List.of(vpcHost, stays), List.of()).withNetwork(), "CREATE_COMPLETE");
    LifecycleApp v2 = LifecycleApp.of(List.of(stays), List.of()).withNetwork();
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(v2).verify();
  }

  /**
   * Item 5: the EC2 statements are in a policy of their own that every VPC host depends on, so the
   * last VPC host leaves with it and CloudFormation deletes the host first ("Resource A is deleted
   * before resource B", DependsOn attribute). Both are removed resources, so the cleanup order
   * between replaced and removed resources does not matter: played both ways, with another host
   * replaced in the same deploy.
   */
  @ParameterizedTest
  @EnumSource(CloudFormation.CleanupOrder.class)
  void theLastVpcHostRemovedIsDeleted(CloudFormation.CleanupOrder order) {
    cfn.cleanupOrder(order);
    HostDef vpcHost = ghes().inVpc("A").removal(RemovalPolicy.DESTROY);
    deploy(LifecycleApp.of(List.of(vpcHost, other()), List.of()).withNetwork(), "CREATE_COMPLETE");
    HostDef renamed = other().named("lifecycle-other-2").at("https://other2.example.com");
    LifecycleApp v2 = LifecycleApp.of(List.of(renamed), List.of()).withNetwork();
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(r.events())
        .filteredOn(e -> e.startsWith("CLEANUP DELETE_COMPLETE"))
        .map(e -> e.split(" ")[2].replaceAll("[0-9A-F]{8}$", ""))
        .containsSubsequence("Ghes", "CodeStarConnectionsHostProviderVpcPolicy");
    account().app(v2).verify();
  }

  @Test
  void theLastVpcHostRemovedWithRetainStaysAndTheRightsGo() {
    HostDef vpcHost = ghes().inVpc("A");
    deploy(LifecycleApp.of(List.of(vpcHost, other()), List.of()).withNetwork(), "CREATE_COMPLETE");
    String retained = cfn.physicalId("Ghes");
    String group = cfn.physicalId("GhesSecurityGroup");
    LifecycleApp v2 = LifecycleApp.of(List.of(other()), List.of()).withNetwork();
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(r.events()).anyMatch(e -> e.startsWith("CLEANUP DELETE_SKIPPED GhesSecurityGroup"));
    assertThat(cfn.template.toString()).doesNotContain("ec2:CreateNetworkInterface");
    assertThat(standIn.hosts()).hasSize(2);
    assertThat(standIn.host(retained).securityGroupIds()).containsExactly(group);
  }

  /**
   * Item 8 (handler side): a host a connection made outside the stack keeps cannot be deleted; the
   * stack deletion waits a few polls for the connection to go, then fails naming it, long before
   * the framework's timeout.
   */
  @Test
  void aStackDeleteOfAHostThatAConnectionMadeOutsideTheStackUsesSaysWhatToDo() {
    LifecycleApp v1 = app(ghes().removal(RemovalPolicy.DESTROY));
    deploy(v1, "CREATE_COMPLETE");
    String connection = connectionMadeOutsideTheStack("by-hand", cfn.physicalId("Ghes"));
    DeployResult r = deleteStack("DELETE_FAILED");
    assertThat(r.reason())
        .contains(connection)
        .contains("removalPolicy")
        .doesNotContain("Operation timed out");
    account().app(v1).connection(ConnectionDef.onHost("ByHand", "by-hand", "Ghes"), v1).verify();
  }

  @Test
  void aRemovedHostThatAConnectionMadeOutsideTheStackUsesStaysAndTheCleanupSaysWhy() {
    LifecycleApp v1 = app(ghes().removal(RemovalPolicy.DESTROY));
    deploy(v1, "CREATE_COMPLETE");
    String connection = connectionMadeOutsideTheStack("by-hand", cfn.physicalId("Ghes"));
    DeployResult r = deploy(EMPTY, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures())
        .singleElement()
        .asString()
        .contains(connection)
        .doesNotContain("Operation timed out");
    account().app(v1).connection(ConnectionDef.onHost("ByHand", "by-hand", "Ghes"), v1).verify();
  }

  /**
   * Item 8: a DESTROY host with its DESTROY connection leaves the stack; CloudFormation deletes the
   * connection first (it refers to the host), then the host.
   */
  @Test
  void aRemovedHostWithItsDestroyedConnectionIsDeleted() {
    ConnectionDef conn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    deploy(app(ghes().removal(RemovalPolicy.DESTROY), conn), "CREATE_COMPLETE");
    DeployResult r = deploy(EMPTY, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().verify();
  }

  @Test
  void aStackDeleteRetainsWhatIsRetained() {
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")), conn);
    deploy(v1, "CREATE_COMPLETE");
    deleteStack("DELETE_COMPLETE");
    account().app(v1).verify();
  }

  /**
   * Item 7: the security group the library makes for a VPC host follows the host's removal policy,
   * so a retained host keeps the group its network interfaces use and the stack deletion (EC2
   * refuses to delete a group in use) succeeds; on both backends.
   */
  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void theGhesExampleIsDestroyedLeavingTheRetainedHostAndItsGroup(HostBackend backend) {
    HostDef host = ghes().inVpc("A").certificate("A");
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    if (backend == HostBackend.NATIVE) {
      host = host.nativeBackend();
      conn = conn.in(ServiceNamespace.CODECONNECTIONS);
    }
    LifecycleApp v1 = app(host, conn).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    String group = cfn.physicalId("GhesSecurityGroup");
    DeployResult r = deleteStack("DELETE_COMPLETE");
    assertThat(r.events()).anyMatch(e -> e.startsWith("DELETE_SKIPPED GhesSecurityGroup"));
    assertThat(standIn.hosts())
        .singleElement()
        .satisfies(h -> assertThat(h.securityGroupIds()).containsExactly(group));
    assertThat(standIn.connections()).hasSize(1);
  }

  /** Item 7: with DESTROY, host and group go, the host first (it uses the group). */
  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void aDestroyedVpcHostIsDeletedWithItsGroup(HostBackend backend) {
    HostDef host = ghes().inVpc("A").removal(RemovalPolicy.DESTROY);
    deploy(
        app(backend == HostBackend.NATIVE ? host.nativeBackend() : host).withNetwork(),
        "CREATE_COMPLETE");
    DeployResult r = deleteStack("DELETE_COMPLETE");
    assertThat(r.events()).anyMatch(e -> e.startsWith("STACK DELETE_COMPLETE GhesSecurityGroup"));
    account().verify();
  }
}
