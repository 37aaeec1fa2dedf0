package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

  @Test
  @AwaitsLibFix(
      "item 5: the handler roles keep the EC2 statements while a VPC host may still be deleted"
          + " (cleanup runs after the update phase removed them)")
  void theLastVpcHostRemovedIsDeleted() {
    HostDef vpcHost = ghes().inVpc("A").removal(RemovalPolicy.DESTROY);
    deploy(LifecycleApp.of(List.of(vpcHost, other()), List.of()).withNetwork(), "CREATE_COMPLETE");
    LifecycleApp v2 = LifecycleApp.of(List.of(other()), List.of()).withNetwork();
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(v2).verify();
  }

  /**
   * Item 8 (handler side): a host whose retained connection stays cannot be deleted; the stack
   * deletion fails at once, naming the connection, instead of waiting for a timeout.
   */
  @Test
  void aStackDeleteWithARetainedConnectionOnADestroyedHostSaysWhatToDo() {
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    LifecycleApp v1 = app(ghes().removal(RemovalPolicy.DESTROY), conn);
    deploy(v1, "CREATE_COMPLETE");
    String connection = cfn.physicalId("GhesConnection");
    DeployResult r = deleteStack("DELETE_FAILED");
    assertThat(r.reason())
        .contains(connection)
        .contains("removalPolicy")
        .doesNotContain("Operation timed out");
    account().app(v1).verify();
  }

  @Test
  void aRemovedHostWithARetainedConnectionStaysAndTheCleanupSaysWhy() {
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    LifecycleApp v1 = app(ghes().removal(RemovalPolicy.DESTROY), conn);
    deploy(v1, "CREATE_COMPLETE");
    DeployResult r = deploy(EMPTY, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures())
        .singleElement()
        .asString()
        .contains("connection")
        .doesNotContain("Operation timed out");
    account().app(v1).verify();
  }

  @Test
  void aStackDeleteRetainsWhatIsRetained() {
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")), conn);
    deploy(v1, "CREATE_COMPLETE");
    deleteStack("DELETE_COMPLETE");
    account().app(v1).verify();
  }

  @Test
  @AwaitsLibFix(
      "item 7: the security group the library makes for a retained VPC host must outlive the"
          + " stack too (retained with it), or the stack delete fails on DependencyViolation")
  void theGhesExampleIsDestroyedLeavingTheRetainedHostAndItsGroup() {
    LifecycleApp v1 =
        app(
                ghes().inVpc("A").certificate("A"),
                ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes"))
            .withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    deleteStack("DELETE_COMPLETE");
    assertThat(standIn.hosts()).hasSize(1);
    assertThat(standIn.connections()).hasSize(1);
  }
}
