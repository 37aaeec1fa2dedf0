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
  void aConnectionSwitchesNamespace() {
    ConnectionDef conn = ConnectionDef.to("GitHub", "lifecycle-github", ProviderType.GITHUB);
    deploy(LifecycleApp.of(List.of(), List.of(conn)), "CREATE_COMPLETE");
    LifecycleApp v2 =
        LifecycleApp.of(List.of(), List.of(conn.in(ServiceNamespace.CODECONNECTIONS)));
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
    assertThat(r.reason()).contains(GHES).contains("two deploys");
    account().app(v1).verify();
  }
}
