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

  /**
   * Item 6: connection names are unique in an account, and the new connection (a new logical id) is
   * made while the old one, under RETAIN, still exists: keeping the name, the create fails and the
   * stack rolls back, nothing lost.
   */
  @Test
  void aConnectionSwitchingNamespaceWithItsNameIsRefusedAndRollsBack() {
    ConnectionDef conn = ConnectionDef.to("GitHub", "lifecycle-github", ProviderType.GITHUB);
    LifecycleApp v1 = LifecycleApp.of(List.of(), List.of(conn));
    deploy(v1, "CREATE_COMPLETE");
    LifecycleApp v2 =
        LifecycleApp.of(List.of(), List.of(conn.in(ServiceNamespace.CODECONNECTIONS)));
    DeployResult r = deploy(v2, "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("lifecycle-github").contains("already exists");
    account().app(v1).verify();
  }

  @Test
  void aConnectionSwitchesNamespaceWithANewName() {
    ConnectionDef conn = ConnectionDef.to("GitHub", "lifecycle-github", ProviderType.GITHUB);
    deploy(LifecycleApp.of(List.of(), List.of(conn)), "CREATE_COMPLETE");
    ConnectionDef switched =
        ConnectionDef.to("GitHub", "lifecycle-github-cc", ProviderType.GITHUB)
            .in(ServiceNamespace.CODECONNECTIONS);
    LifecycleApp v2 = LifecycleApp.of(List.of(), List.of(switched));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    // The old connection left the stack under its default RETAIN: it stays, the new one is made.
    account().app(v2).connection(conn, LifecycleApp.of(List.of(), List.of(conn))).verify();
  }

  @Test
  void aHostSwitchesNamespaceWithANewUrl() {
    deploy(app(ghes()), "CREATE_COMPLETE");
    LifecycleApp v2 = app(ghes().in(ServiceNamespace.CODECONNECTIONS).at(GHES2));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    // The old host left the stack under its default RETAIN: it stays, the new one is made.
    account().app(v2).host(ghes()).verify();
  }

  @Test
  void aHostSwitchingNamespaceWithItsUrlIsRefusedBeforeAnythingIsTouched() {
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    DeployResult r =
        deploy(app(ghes().in(ServiceNamespace.CODECONNECTIONS)), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason())
        .contains(GHES)
        .contains("three deploys")
        .contains("removalPolicy DESTROY");
    account().app(v1).verify();
  }
}
