package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.test.standin.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.RemovalPolicy;

/** Throttling bursts, lost answers and refusals at every step of a stack's life. */
class FaultScenariosTest extends LifecycleScenario {
  private static final LifecycleApp EMPTY = LifecycleApp.of(List.of(), List.of());

  /** Item 4: throttling is retried with back-off while the time budget lasts, never a count. */
  @Test
  void aThrottlingBurstOnCreateHostIsRiddenOut() {
    standIn.fault("CreateHost", Fault.THROTTLE, 5);
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    assertThat(standIn.callCount("CreateHost")).isEqualTo(6);
    account().app(v1).verify();
  }

  /** Throttling bursts on every operation of a whole lifecycle: nothing in the outcome changes. */
  @Test
  void throttlingBurstsOnEveryOperationChangeNothing() {
    for (String operation :
        List.of(
            "ListHosts",
            "GetHost",
            "ListTagsForResource",
            "TagResource",
            "UntagResource",
            "UpdateHost",
            "DeleteHost",
            "ListConnections")) {
      standIn.fault(operation, Fault.THROTTLE, 3);
    }
    standIn.fault("CreateHost", Fault.THROTTLE, 4);
    HostDef v1 = ghes().tagged(Map.of("team", "ci")).removal(RemovalPolicy.DESTROY);
    deploy(app(v1), "CREATE_COMPLETE");
    HostDef v2 = ghes().at(GHES2).tagged(Map.of("cost", "42")).removal(RemovalPolicy.DESTROY);
    deploy(app(v2), "UPDATE_COMPLETE");
    account().host(v2).verify();
    deploy(EMPTY, "UPDATE_COMPLETE");
    account().verify();
  }

  /** Item 3: the host made by a CreateHost whose answer was lost is found and kept. */
  @Test
  void aLostAnswerOfTheLastCreateHostAttemptIsFoundNotLeaked() {
    standIn.fault("CreateHost", Fault.THROTTLE, 2);
    standIn.fault("CreateHost", Fault.LOST_RESPONSE, 1);
    standIn.fault("CreateHost", Fault.THROTTLE, 1000);
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    assertThat(standIn.hosts()).hasSize(1);
    account().app(v1).verify();
  }

  /**
   * Item 3: a CreateHost without an answer whose host the service lists only later: onEvent does
   * not fail (its outcome is unknown), and isComplete finds the host by its marker.
   */
  @Test
  void aHostListedOnlyAfterOnEventIsFoundByIsComplete() {
    standIn.rules().newHostsUnlistedByListHosts(30);
    standIn.fault("CreateHost", Fault.LOST_RESPONSE, 1);
    standIn.fault("CreateHost", Fault.SERVER_ERROR, 1000);
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    assertThat(cfn.physicalId("Ghes")).isEqualTo(standIn.hosts().get(0).arn());
    account().app(v1).verify();
  }

  /** A lost answer at any step of create, change and delete changes nothing in the outcome. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CreateHost",
        "GetHost",
        "ListHosts",
        "ListTagsForResource",
        "TagResource",
        "UntagResource",
        "UpdateHost",
        "DeleteHost",
        "ListConnections"
      })
  void aLostAnswerAtAnyStep(String operation) {
    HostDef v1 = ghes().tagged(Map.of("team", "ci")).removal(RemovalPolicy.DESTROY);
    HostDef v2 = ghes().at(GHES2).tagged(Map.of("team", "platform")).removal(RemovalPolicy.DESTROY);
    standIn.fault(operation, Fault.LOST_RESPONSE, 1);
    deploy(app(v1), "CREATE_COMPLETE");
    account().host(v1).verify();
    standIn.fault(operation, Fault.LOST_RESPONSE, 1);
    deploy(app(v2), "UPDATE_COMPLETE");
    account().host(v2).verify();
    standIn.fault(operation, Fault.LOST_RESPONSE, 1);
    deploy(EMPTY, "UPDATE_COMPLETE");
    account().verify();
  }

  /** The same for a host in a VPC, whose UpdateHost and DeleteHost make it busy at once. */
  @ParameterizedTest
  @ValueSource(strings = {"CreateHost", "UpdateHost", "DeleteHost"})
  void aLostAnswerAtAnyStepOfAVpcHost(String operation) {
    standIn.vpcInitialisationPolls(2);
    standIn.vpcDeletionPolls(2);
    HostDef v1 = ghes().inVpc("A").removal(RemovalPolicy.DESTROY);
    HostDef v2 = ghes().inVpc("A").firstSubnet().removal(RemovalPolicy.DESTROY);
    HostDef keeps =
        HostDef.ghes("Other", "lifecycle-other", "https://other.example.com").inVpc("B");
    standIn.fault(operation, Fault.LOST_RESPONSE, 1);
    deploy(LifecycleApp.of(List.of(v1, keeps), List.of()).withNetwork(), "CREATE_COMPLETE");
    standIn.fault(operation, Fault.LOST_RESPONSE, 1);
    LifecycleApp changed = LifecycleApp.of(List.of(v2, keeps), List.of()).withNetwork();
    deploy(changed, "UPDATE_COMPLETE");
    account().app(changed).verify();
    standIn.fault(operation, Fault.LOST_RESPONSE, 1);
    LifecycleApp removed = LifecycleApp.of(List.of(keeps), List.of()).withNetwork();
    DeployResult r = deploy(removed, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    account().app(removed).verify();
  }

  /**
   * DeleteHost refused because a connection uses the host, whatever the (undocumented) error code:
   * the handler waits a few polls for the connection to go, then names it and stops, instead of
   * retrying until the framework's timeout.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"ResourceUnavailableException", "ConflictException", "ValidationException"})
  void aRefusedDeleteOfAHostInUseFailsNamingTheConnection(String errorCode) {
    standIn.rules().deleteHostInUseError(errorCode);
    LifecycleApp v1 = app(ghes().removal(RemovalPolicy.DESTROY));
    deploy(v1, "CREATE_COMPLETE");
    String connection = connectionMadeOutsideTheStack("by-hand", cfn.physicalId("Ghes"));
    // The handler's own look at the host's connections is throttled away: DeleteHost answers.
    standIn.fault("ListConnections", Fault.THROTTLE, 4);
    DeployResult r = deleteStack("DELETE_FAILED");
    assertThat(r.reason()).contains(connection).doesNotContain("Operation timed out");
    account().app(v1).connection(ConnectionDef.onHost("ByHand", "by-hand", "Ghes"), v1).verify();
  }
}
