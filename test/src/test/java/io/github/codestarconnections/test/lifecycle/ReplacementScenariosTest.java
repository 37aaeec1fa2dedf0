package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.StandInHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Every change that replaces a host: a new host must get a URL of its own while the old one exists
 * ("You cannot use the same URL for more than one host"), so a replacement either works or is
 * refused before anything is touched, saying what to do.
 */
class ReplacementScenariosTest extends LifecycleScenario {

  /** Replaces v1's host by v2's, the old one deleted in cleanup. */
  private void replaced(LifecycleApp v1, LifecycleApp v2) {
    deploy(v1, "CREATE_COMPLETE");
    String old = cfn.physicalId("Ghes");
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("Ghes")).isNotEqualTo(old);
    account().app(v2).verify();
  }

  @Test
  void aRenameWithANewUrlReplacesTheHost() {
    replaced(app(ghes()), app(ghes().named("lifecycle-ghes-2").at(GHES2)));
  }

  @Test
  void aProviderTypeChangeWithANewUrlReplacesTheHost() {
    replaced(
        app(ghes()),
        app(ghes().typed(ProviderType.GITLAB_SELF_MANAGED).at("https://gitlab.example.com")));
  }

  @Test
  void aRenameThatKeepsTheUrlIsRefusedBeforeAnythingIsTouched() {
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")));
    deploy(v1, "CREATE_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    DeployResult r =
        deploy(
            app(ghes().named("renamed").tagged(Map.of("team", "ci"))), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason())
        .contains("https://ghes.example.com")
        .contains("Change providerEndpoint together with it")
        .contains("removalPolicy DESTROY");
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
    assertThat(cfn.physicalId("Ghes")).isEqualTo(arn);
    account().app(v1).verify();
  }

  @Test
  void aRemovedVpcIsRefusedBeforeAnythingIsTouched() {
    LifecycleApp v1 = app(ghes().inVpc("A")).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    DeployResult r = deploy(app(ghes().at(GHES2)).withNetwork(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("VPC").contains("Removing a VPC from a host");
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
    account().app(v1).verify();
  }

  @Test
  void aCreateWhoseUrlAnotherHostUsesIsRefusedNamingIt() {
    String other =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "someone-else",
            "GitHubEnterpriseServer",
            GHES,
            Map.of());
    DeployResult r = deploy(app(ghes()), "ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains(other).contains(GHES);
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(other);
  }

  /**
   * Item 6: a codeconnections host is never matched against hosts of the other namespace (whose
   * tags its role may not read); the URL they share is what stops the create, and the message says
   * so.
   */
  @Test
  void aCodeConnectionsCreateIgnoresHostsOfTheOtherNamespace() {
    String retained =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "lifecycle-ghes",
            "GitHubEnterpriseServer",
            GHES,
            Map.of("codestarconnections-cdk:request", "an-old-request"));
    DeployResult r = deploy(app(ghes().in(ServiceNamespace.CODECONNECTIONS)), "ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains(retained).doesNotContain("ACCESS_DENIED");
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(retained);
  }

  /**
   * Item 8: a connection on a replaced host is replaced with it, and the old one is deleted
   * whatever its removal policy (its UpdateReplacePolicy is Delete: on the old host it is useless,
   * and retained it would keep that host from being deleted). CloudFormation deletes the old
   * connection before the old host (it refers to it); both are replaced resources, so the order
   * between replaced and removed resources does not matter. Connection names are unique in an
   * account, so the new connection needs a name of its own.
   */
  @ParameterizedTest
  @EnumSource(CloudFormation.CleanupOrder.class)
  void aReplacedHostsRetainedConnectionIsReplacedAndTheOldOnesAreDeleted(
      CloudFormation.CleanupOrder order) {
    cfn.cleanupOrder(order);
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    deploy(app(ghes(), conn), "CREATE_COMPLETE");
    ConnectionDef renamedConn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes-2", "Ghes");
    LifecycleApp v2 = app(ghes().named("lifecycle-ghes-2").at(GHES2), renamedConn);
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(v2).verify();
  }

  /**
   * Connection names are unique in an account ("Connection names must be unique in an AWS account",
   * API reference, Connection data type), and a replaced connection's new one is made before the
   * old one goes: keeping its name, the create fails and the stack rolls back to the original host
   * and connection, nothing lost.
   */
  @Test
  void aHostReplacedWithAConnectionKeepingItsNameRollsBackLosingNothing() {
    ConnectionDef conn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    LifecycleApp v1 = app(ghes(), conn);
    deploy(v1, "CREATE_COMPLETE");
    String host = cfn.physicalId("Ghes");
    String connection = cfn.physicalId("GhesConnection");
    DeployResult r =
        deploy(app(ghes().named("lifecycle-ghes-2").at(GHES2), conn), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("lifecycle-ghes").contains("already exists");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("Ghes")).isEqualTo(host);
    assertThat(cfn.physicalId("GhesConnection")).isEqualTo(connection);
    account().app(v1).verify();
  }

  @Test
  void aReplacedHostWhoseConnectionIsDestroyedIsDeleted() {
    ConnectionDef conn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    ConnectionDef renamedConn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes-2", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    replaced(app(ghes(), conn), app(ghes().named("lifecycle-ghes-2").at(GHES2), renamedConn));
    assertThat(standIn.connections()).hasSize(1);
    assertThat(List.of(cfn.status())).containsExactly("UPDATE_COMPLETE");
  }

  /**
   * Item 8 (handler side): a host replaced while its connection leaves the stack. The cleanup
   * deletes the connection and the old host in an order CloudFormation does not document, in
   * parallel. Removed resources first: the connection goes, then the host. The old host first: its
   * Delete waits (a few polls) while the connection still uses it, the connection goes meanwhile,
   * then the host. Both end clean.
   */
  @ParameterizedTest
  @EnumSource(CloudFormation.CleanupOrder.class)
  void aHostReplacedWhileItsConnectionIsRemoved(CloudFormation.CleanupOrder order) {
    cfn.cleanupOrder(order);
    ConnectionDef conn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    deploy(app(ghes().removal(RemovalPolicy.DESTROY), conn), "CREATE_COMPLETE");
    LifecycleApp v2 =
        app(ghes().named("lifecycle-ghes-2").at(GHES2).removal(RemovalPolicy.DESTROY));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(v2).verify();
  }

  /**
   * Item 14: the handler roles may change and tag only the stack's hosts, by name, through role
   * policies of each host's own. A rename replaces the host's policies too: the old name's stay
   * until cleanup deletes them after the old host (both are replaced resources), and a removed
   * host's go after it (both removed). So both old hosts are deleted whichever CloudFormation
   * starts first.
   */
  @ParameterizedTest
  @EnumSource(CloudFormation.CleanupOrder.class)
  void aRenameAndARemovalInOneDeployDeleteBothOldHostsUnderEitherCleanupOrder(
      CloudFormation.CleanupOrder order) {
    cfn.cleanupOrder(order);
    HostDef removed =
        HostDef.ghes("Other", "lifecycle-other", "https://other.example.com")
            .removal(RemovalPolicy.DESTROY);
    HostDef renamed = ghes().tagged(Map.of("team", "ci"));
    deploy(LifecycleApp.of(List.of(renamed, removed), List.of()), "CREATE_COMPLETE");
    LifecycleApp v2 = app(renamed.named("lifecycle-ghes-2").at(GHES2));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(r.events())
        .filteredOn(e -> e.startsWith("CLEANUP DELETE_COMPLETE"))
        .anyMatch(e -> e.contains("GhesOnEventAccess"))
        .anyMatch(e -> e.contains("OtherOnEventAccess"));
    account().app(v2).verify();
  }
}
