package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.test.lifecycle.ProviderFramework.Delivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Every event is safe to deliver twice: the Provider framework invokes a function again when an
 * answer is lost, and Lambda delivers CloudFormation's asynchronous request at least once, so a
 * whole run of the framework may happen twice, together or after the first has answered ({@link
 * Delivery}). Delivered twice, a Create, an Update, a rollback and a Delete each give the same
 * answer and leave the same account (checked by the harness on every deploy: {@link
 * CloudFormation#redeliveryDifferences()}), and the stack ends as if delivered once.
 */
class RedeliveryScenariosTest extends LifecycleScenario {
  private static final LifecycleApp EMPTY = LifecycleApp.of(List.of(), List.of());

  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void aCreate(Delivery delivery) {
    cfn.deliverTwice(delivery, "CREATE");
    LifecycleApp v1 = app(ghes().inVpc("A").tagged(Map.of("team", "ci"))).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
    account().app(v1).verify();
  }

  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void anInPlaceUpdate(Delivery delivery) {
    deploy(app(ghes().tagged(Map.of("team", "ci"))), "CREATE_COMPLETE");
    cfn.deliverTwice(delivery, "UPDATE");
    LifecycleApp v2 = app(ghes().at(GHES2).tagged(Map.of("cost", "42")));
    deploy(v2, "UPDATE_COMPLETE");
    account().app(v2).verify();
  }

  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void aVpcAdditionAndTheNextChange(Delivery delivery) {
    deploy(app(ghes()).withNetwork(), "CREATE_COMPLETE");
    cfn.deliverTwice(delivery, "UPDATE");
    deploy(app(ghes().inVpc("A").groups("A1")).withNetwork(), "UPDATE_COMPLETE");
    LifecycleApp v3 = app(ghes().inVpc("A").groups("A1").tagged(Map.of("team", "ci")));
    deploy(v3.withNetwork(), "UPDATE_COMPLETE");
    account().app(v3).verify();
  }

  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void aReplacement(Delivery delivery) {
    deploy(app(ghes()), "CREATE_COMPLETE");
    cfn.deliverTwice(delivery, "UPDATE");
    LifecycleApp v2 = app(ghes().named("lifecycle-ghes-2").at(GHES2));
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(standIn.callCount("CreateHost")).isEqualTo(2);
    account().app(v2).verify();
  }

  /**
   * Issue 20, case 7: the rollback of a completed replacement, delivered twice, goes back to the
   * original host both times. Before, the first delivery consumed the replaced-by marker and the
   * second failed with "URL used by" the original, leaving UPDATE_ROLLBACK_FAILED.
   */
  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void theRollbackOfAReplacement(Delivery delivery) {
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")));
    deploy(v1, "CREATE_COMPLETE");
    String original = cfn.physicalId("Ghes");
    cfn.deliverTwice(delivery, "UPDATE_ROLLBACK");
    HostDef renamed = ghes().named("lifecycle-ghes-2").at(GHES2).tagged(Map.of("team", "ci"));
    DeployResult r = deploy(app(renamed).breaking(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("Ghes")).isEqualTo(original);
    account().app(v1).verify();
  }

  /**
   * Issue 20, case 7: the rollback of a VPC added in place, delivered twice, keeps the VPC both
   * times. Before, the first delivery consumed the vpc-added marker and the second refused "the
   * VpcConfiguration would be removed".
   */
  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void theRollbackOfAVpcAddition(Delivery delivery) {
    deploy(app(ghes()).withNetwork(), "CREATE_COMPLETE");
    cfn.deliverTwice(delivery, "UPDATE_ROLLBACK");
    LifecycleApp withVpc = app(ghes().inVpc("A").groups("A1")).withNetwork();
    deploy(withVpc.breaking(), "UPDATE_ROLLBACK_COMPLETE");
    account().app(withVpc).verify();
  }

  /** The rollback of an in-place change, and of a replacement that failed part-way. */
  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void theRollbackOfAnInPlaceChangeAndOfAFailedReplacement(Delivery delivery) {
    LifecycleApp v1 = app(ghes().inVpc("A").tagged(Map.of("team", "ci"))).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    cfn.deliverTwice(delivery, "UPDATE_ROLLBACK");
    deploy(
        app(ghes().inVpc("A").at(GHES2).tagged(Map.of("team", "platform")))
            .withNetwork()
            .breaking(),
        "UPDATE_ROLLBACK_COMPLETE");
    account().app(v1).verify();
    standIn.failNextVpcInitialisation("no route to ghes2.example.com");
    deploy(
        app(ghes().inVpc("A").named("lifecycle-ghes-2").at(GHES2)).withNetwork(),
        "UPDATE_ROLLBACK_COMPLETE");
    account().app(v1).verify();
  }

  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void aDelete(Delivery delivery) {
    HostDef vpcHost = ghes().inVpc("A").removal(RemovalPolicy.DESTROY);
    HostDef other =
        HostDef.ghes("Other", "lifecycle-other", "https://other.example.com")
            .removal(RemovalPolicy.DESTROY);
    deploy(LifecycleApp.of(List.of(vpcHost, other), List.of()).withNetwork(), "CREATE_COMPLETE");
    cfn.deliverTwice(delivery, "DELETE");
    DeployResult r = deploy(EMPTY.withNetwork(), "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().verify();
  }

  /** Every request of a whole life delivered twice. */
  @ParameterizedTest
  @EnumSource(
      value = Delivery.class,
      names = {"LOST_ANSWERS", "TWO_RUNS", "LATE_SECOND_RUN"})
  void aWholeLife(Delivery delivery) {
    cfn.deliverTwice(delivery, "CREATE", "UPDATE", "UPDATE_ROLLBACK", "DELETE");
    ConnectionDef conn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    deploy(app(ghes().removal(RemovalPolicy.DESTROY), conn).withNetwork(), "CREATE_COMPLETE");
    HostDef inVpc = ghes().inVpc("A").groups("A1").removal(RemovalPolicy.DESTROY);
    deploy(app(inVpc, conn).withNetwork().breaking(), "UPDATE_ROLLBACK_COMPLETE");
    deploy(app(inVpc, conn).withNetwork(), "UPDATE_COMPLETE");
    ConnectionDef renamedConn =
        ConnectionDef.onHost("GhesConnection", "lifecycle-ghes-2", "Ghes")
            .removal(RemovalPolicy.DESTROY);
    LifecycleApp renamed =
        app(inVpc.named("lifecycle-ghes-2").at(GHES2), renamedConn).withNetwork();
    deploy(renamed, "UPDATE_COMPLETE");
    account().app(renamed).verify();
    deleteStack("DELETE_COMPLETE");
    account().verify();
  }
}
