package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures and CloudFormation's rollback: the stack goes back to what it was, no host is left
 * behind, none is lost, and the rollback itself never fails when the host can be what is wanted.
 */
class RollbackScenariosTest extends LifecycleScenario {

  /**
   * Item 2: the rollback of a completed rename goes back to the original host (CloudFormation
   * deletes the new one in rollback cleanup) and never makes another host with the old name.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRenameThenALaterFailureGoesBackToTheOriginalHost(boolean keepFailedPhysicalId) {
    cfn.keepFailedPhysicalId(keepFailedPhysicalId);
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")));
    deploy(v1, "CREATE_COMPLETE");
    String original = cfn.physicalId("Ghes");
    HostDef renamed = ghes().named("lifecycle-ghes-2").at(GHES2).tagged(Map.of("team", "ci"));
    DeployResult r = deploy(app(renamed).breaking(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("Ghes")).isEqualTo(original);
    account().app(v1).verify();
  }

  /**
   * A replacement whose own new host fails (its VPC set-up): whichever physical id CloudFormation
   * keeps from the FAILED answer, the rollback leaves exactly the original host.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aReplacementThatFailsItselfLeavesTheOriginalAlone(boolean keepFailedPhysicalId) {
    cfn.keepFailedPhysicalId(keepFailedPhysicalId);
    LifecycleApp v1 = app(ghes().inVpc("A")).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    String original = cfn.physicalId("Ghes");
    standIn.failNextVpcInitialisation("no route to ghes2.example.com");
    DeployResult r =
        deploy(
            app(ghes().inVpc("A").named("lifecycle-ghes-2").at(GHES2)).withNetwork(),
            "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("no route to ghes2.example.com");
    assertThat(cfn.physicalId("Ghes")).isEqualTo(original);
    account().app(v1).verify();
  }

  @Test
  void anInPlaceChangeThenALaterFailureIsUndone() {
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")));
    deploy(v1, "CREATE_COMPLETE");
    deploy(
        app(ghes().at(GHES2).tagged(Map.of("team", "platform", "cost", "42"))).breaking(),
        "UPDATE_ROLLBACK_COMPLETE");
    account().app(v1).verify();
  }

  @Test
  void aVpcChangeThenALaterFailureIsUndone() {
    LifecycleApp v1 = app(ghes().inVpc("A")).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    deploy(
        app(ghes().inVpc("B").certificate("B")).withNetwork().breaking(),
        "UPDATE_ROLLBACK_COMPLETE");
    account().app(v1).verify();
  }

  /**
   * UpdateHost cannot remove a VPC, so the rollback of a VPC added in place keeps it (recognised by
   * its marker) rather than failing the rollback; deploying the VPC again changes nothing but the
   * marker. (With the group the library makes for the host, that group is deleted by the rollback
   * cleanup while the host still uses it: EC2 refuses, and it stays outside the stack.)
   */
  @Test
  void aVpcAddedThenALaterFailureKeepsTheVpcAndTheRollbackCompletes() {
    deploy(app(ghes()).withNetwork(), "CREATE_COMPLETE");
    LifecycleApp withVpc = app(ghes().inVpc("A").groups("A1")).withNetwork();
    DeployResult r = deploy(withVpc.breaking(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.log()).contains("the host keeps its VPC");
    account().app(withVpc).verify();
    standIn.resetCounts();
    deploy(withVpc, "UPDATE_COMPLETE");
    assertThat(standIn.callCount("UpdateHost")).as(cfn.log()).isZero();
    account().app(withVpc).verify();
  }

  @Test
  void anUpdateOfAnAvailableHostFailsWithWhatToDoAndRollsBack() {
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    standIn.setStatus(cfn.physicalId("Ghes"), "AVAILABLE", null);
    DeployResult r = deploy(app(ghes().at(GHES2)), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("PENDING").contains("AVAILABLE");
    account().app(v1).verify();
  }

  /** Item 12: a new host GetHost does not see yet is waited for, as for a Create. */
  @Test
  void aReplacementGetHostDoesNotSeeYetIsWaitedFor() {
    deploy(app(ghes()), "CREATE_COMPLETE");
    standIn.rules().newHostsUnseenByGetHost(2);
    LifecycleApp v2 = app(ghes().named("lifecycle-ghes-2").at(GHES2));
    deploy(v2, "UPDATE_COMPLETE");
    account().app(v2).verify();
  }
}
