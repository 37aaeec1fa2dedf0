package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Switching serviceNamespace (item 1). CloudFormation refuses a change set that changes a logical
 * id's type or a custom resource's ServiceToken, so the switch must come as new logical ids (lib's
 * part of the fix). A host switched keeping its URL is still refused by the service's one URL per
 * host rule, before anything is touched.
 */
class NamespaceSwitchScenariosTest extends LifecycleScenario {

  @Test
  @AwaitsLibFix(
      "item 1: a Connection's logical id must change with its namespace (the type changes from"
          + " AWS::CodeStarConnections::Connection to AWS::CodeConnections::Connection)")
  void aConnectionSwitchesNamespace() {
    ConnectionDef conn = ConnectionDef.to("GitHub", "lifecycle-github", ProviderType.GITHUB);
    deploy(LifecycleApp.of(List.of(), List.of(conn)), "CREATE_COMPLETE");
    LifecycleApp v2 =
        LifecycleApp.of(List.of(), List.of(conn.in(ServiceNamespace.CODECONNECTIONS)));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(v2).verify();
  }

  @Test
  @AwaitsLibFix(
      "item 1: a Host's logical id must change with its namespace (the ServiceToken moves to the"
          + " other namespace's provider)")
  void aHostSwitchesNamespaceWithANewUrl() {
    deploy(app(ghes()), "CREATE_COMPLETE");
    LifecycleApp v2 = app(ghes().in(ServiceNamespace.CODECONNECTIONS).at(GHES2));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(v2).verify();
  }

  @Test
  @AwaitsLibFix("item 1: as above; the service then refuses the second host with the same URL")
  void aHostSwitchingNamespaceWithItsUrlIsRefusedBeforeAnythingIsTouched() {
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    DeployResult r =
        deploy(app(ghes().in(ServiceNamespace.CODECONNECTIONS)), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains(GHES).contains("two deploys");
    account().app(v1).verify();
  }

  /** Today's outcome, which the lib change turns into the scenarios above. */
  @Test
  void todayTheSwitchIsRefusedByTheChangeSet() {
    HostDef host = ghes();
    ConnectionDef conn = ConnectionDef.to("GitHub", "lifecycle-github", ProviderType.GITHUB);
    LifecycleApp v1 = app(host, conn);
    deploy(v1, "CREATE_COMPLETE");
    DeployResult r = cfn.deploy(app(host, conn.in(ServiceNamespace.CODECONNECTIONS)));
    assertThat(r.status()).isEqualTo("CHANGE_SET_FAILED");
    assertThat(r.reason()).contains("Update of resource type is not permitted");
    r = cfn.deploy(app(host.in(ServiceNamespace.CODECONNECTIONS).at(GHES2), conn));
    assertThat(r.status()).isEqualTo("CHANGE_SET_FAILED");
    assertThat(r.reason()).contains("Modifying service token is not allowed");
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
  }
}
