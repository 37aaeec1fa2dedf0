package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Hosts on the native backend ({@code AWS::CodeConnections::Host}, played by CloudFormation's own
 * handler as the deployer: Name and ProviderType create-only, the rest updated in place), and the
 * switch from the custom resource to it, which is a new logical id (a new host made before the old
 * one leaves the stack).
 */
class NativeBackendScenariosTest extends LifecycleScenario {
  private static HostDef nativeGhes() {
    return ghes().nativeBackend().removal(RemovalPolicy.DESTROY);
  }

  private static ConnectionDef connection(String name) {
    return ConnectionDef.onHost("GhesConnection", name, "Ghes")
        .in(ServiceNamespace.CODECONNECTIONS)
        .removal(RemovalPolicy.DESTROY);
  }

  @Test
  void aNativeHostIsCreatedAndDeletedWithTheStack() {
    LifecycleApp v1 = app(nativeGhes().tagged(Map.of("team", "ci")), connection("lifecycle-ghes"));
    deploy(v1, "CREATE_COMPLETE");
    assertThat(cfn.physicalId("GhesNativeResource")).startsWith("arn:aws:codeconnections:");
    account().app(v1).verify();
    deleteStack("DELETE_COMPLETE");
    account().verify();
  }

  @Test
  void anEndpointAndTagChangeUpdatesANativeHostInPlace() {
    deploy(app(nativeGhes().tagged(Map.of("team", "ci"))), "CREATE_COMPLETE");
    String arn = cfn.physicalId("GhesNativeResource");
    LifecycleApp v2 = app(nativeGhes().at(GHES2).tagged(Map.of("team", "platform")));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("GhesNativeResource")).isEqualTo(arn);
    account().app(v2).verify();
  }

  @Test
  void aNativeRenameWithANewUrlReplacesTheHostAndItsConnection() {
    deploy(app(nativeGhes(), connection("lifecycle-ghes")), "CREATE_COMPLETE");
    String old = cfn.physicalId("GhesNativeResource");
    LifecycleApp v2 =
        app(nativeGhes().named("lifecycle-ghes-2").at(GHES2), connection("lifecycle-ghes-2"));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("GhesNativeResource")).isNotEqualTo(old);
    account().app(v2).verify();
  }

  /** One host per URL: the new host is refused by the service, and the stack rolls back. */
  @Test
  void aNativeRenameKeepingTheUrlIsRefusedAndRollsBackLosingNothing() {
    LifecycleApp v1 = app(nativeGhes());
    deploy(v1, "CREATE_COMPLETE");
    DeployResult r = deploy(app(nativeGhes().named("renamed")), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains(GHES);
    account().app(v1).verify();
  }

  /**
   * A backend switch keeping the URL: the native host (a new logical id) is made while the custom
   * resource's host still has the URL, so the service refuses it and CloudFormation rolls back; the
   * custom resource's host and its provider are untouched.
   */
  @Test
  void aBackendSwitchKeepingTheUrlIsRefusedAndRollsBackLosingNothing() {
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")));
    deploy(v1, "CREATE_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    DeployResult r =
        deploy(app(nativeGhes().tagged(Map.of("team", "ci"))), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains(GHES);
    assertThat(cfn.physicalId("Ghes")).isEqualTo(arn);
    account().app(v1).verify();
  }

  /**
   * A backend switch with a new URL works: the native host is made, and the custom resource's host
   * leaves the stack under its removal policy (with DESTROY it is deleted by the provider, which
   * leaves the stack in the same cleanup, after it: the host depends on it).
   */
  @ParameterizedTest
  @EnumSource(
      value = RemovalPolicy.class,
      names = {"RETAIN", "DESTROY"})
  void aBackendSwitchWithANewUrlWorks(RemovalPolicy oldPolicy) {
    HostDef custom = ghes().tagged(Map.of("team", "ci")).removal(oldPolicy);
    deploy(app(custom), "CREATE_COMPLETE");
    LifecycleApp v2 = app(nativeGhes().at(GHES2).tagged(Map.of("team", "ci")));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.template.toString()).doesNotContain("OnEventHandler");
    AccountCheck expected = account().app(v2);
    if (oldPolicy == RemovalPolicy.RETAIN) {
      expected.host(custom);
    }
    expected.verify();
    assertThat(standIn.hosts()).hasSize(oldPolicy == RemovalPolicy.RETAIN ? 2 : 1);
    assertThat(List.of(cfn.status())).containsExactly("UPDATE_COMPLETE");
  }
}
