package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.lambda.ServiceClients;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.StandInHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;

/**
 * VPC changes that end well: UpdateHost cannot remove a VPC, so what a change asks of the VPC is
 * read from the properties (old against new), a rollback keeps what the host has and says so, the
 * marker of an addition is on the host before UpdateHost, and a removal is refused with advice that
 * works when followed.
 */
class VpcChangeScenariosTest extends LifecycleScenario {
  /** The groups of the stack (A1), not the one the library makes: see aVpcAddedThen... */
  private static HostDef inVpcA() {
    return ghes().inVpc("A").groups("A1");
  }

  /**
   * Issue 20, case 4: after the rollback of a VPC added in place, the host keeps the VPC; a later
   * change that asks nothing of the VPC (a tag) deploys, and the answer says the host keeps it.
   * Before, it was refused as "the VpcConfiguration would be removed" (the live host against the
   * new properties), and so was its rollback.
   */
  @Test
  void aChangeThatAsksNothingOfTheVpcDeploysAfterARolledBackAddition() {
    deploy(app(ghes()).withNetwork(), "CREATE_COMPLETE");
    deploy(app(inVpcA()).withNetwork().breaking(), "UPDATE_ROLLBACK_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    deploy(app(ghes().tagged(Map.of("team", "ci"))).withNetwork(), "UPDATE_COMPLETE");
    StandInHost host = standIn.host(arn);
    assertThat(host.tags()).isEqualTo(Map.of("team", "ci"));
    assertThat(host.vpcId()).isEqualTo(cfn.physicalId("VpcA"));
    assertThat(hostAttributes().get("Notice").toString())
        .contains("keeps VpcConfiguration " + host.vpcId())
        .contains("Removing a VPC from a host");
  }

  /**
   * Issue 20, case 5: the marker of an in-place addition is on the host before UpdateHost. Tagging
   * fails past the SDK's retries: nothing was changed, and the rollback completes. Before, the
   * marker was written after UpdateHost, so the VPC was added unmarked, and the rollback was
   * refused as a removal.
   */
  @Test
  void aVpcAdditionWhoseTaggingFailsRollsBack() {
    LifecycleApp v1 = app(ghes()).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    standIn.fault("TagResource", Fault.THROTTLE, ServiceClients.MAX_ATTEMPTS);
    DeployResult r =
        deploy(
            app(inVpcA().tagged(Map.of("team", "ci"))).withNetwork(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("TagResource");
    account().app(v1).verify();
  }

  /**
   * Issue 20, case 6: a VPC added in place whose set-up fails. The update fails quoting the
   * service; its rollback completes (the host keeps the VPC: UpdateHost cannot remove one), the
   * answer saying so; and the advice ("fix the network or VpcConfiguration and deploy again")
   * works: deployed again, the VPC is set up again. Before, the rollback's isComplete failed on
   * VPC_CONFIG_FAILED_INITIALIZATION, leaving UPDATE_ROLLBACK_FAILED.
   */
  @Test
  void theRollbackOfAFailedVpcAdditionCompletesAndItsAdviceWorks() {
    deploy(app(ghes()).withNetwork(), "CREATE_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    standIn.failNextVpcInitialisation("no route to ghes.example.com");
    LifecycleApp withVpc = app(inVpcA()).withNetwork();
    DeployResult r = deploy(withVpc, "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason())
        .contains("no route to ghes.example.com")
        .contains("fix the network or VpcConfiguration and deploy again");
    assertThat(standIn.host(arn).status()).isEqualTo("VPC_CONFIG_FAILED_INITIALIZATION");
    assertThat(standIn.host(arn).tags()).isEmpty();
    assertThat(hostAttributes().get("Notice").toString())
        .contains("VPC_CONFIG_FAILED_INITIALIZATION")
        .contains("no route to ghes.example.com");
    // The network is fixed; deploy again: the VPC is set up again, an addition like the first
    // (marked until the host's next update, for the rollback it might have).
    deploy(withVpc, "UPDATE_COMPLETE");
    assertThat(standIn.host(arn).status()).isEqualTo("PENDING");
    assertThat(standIn.host(arn).tags()).containsOnlyKeys(MarkerTag.VPC_ADDED);
    assertThat(cfn.physicalId("Ghes")).isEqualTo(arn);
    LifecycleApp tagged = app(inVpcA().tagged(Map.of("team", "ci"))).withNetwork();
    deploy(tagged, "UPDATE_COMPLETE");
    account().app(tagged).verify();
  }

  /**
   * Issue 20, case 8: removing a VPC is refused before anything is touched, with advice that works
   * when followed, as README's "Removing a VPC from a host" walks through it with the default
   * RETAIN (a retained host keeps its URL, and one URL serves one host): DESTROY on the host and
   * its connection, deploy; remove them, deploy; add the host back without vpc, deploy. Before, the
   * advice was "deploy twice" (the retained host kept the URL, so the second deploy failed) or
   * "change providerEndpoint together with it" (refused the same way).
   */
  @Test
  void aVpcIsRemovedFromAHostAsTheReadmeWalksThroughIt() {
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    LifecycleApp v1 = app(ghes().inVpc("A").certificate("A"), conn).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    String old = cfn.physicalId("Ghes");

    DeployResult refused = deploy(app(ghes(), conn).withNetwork(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(refused.reason())
        .contains("VpcConfiguration would be removed")
        .contains("Nothing was changed")
        .contains("removalPolicy DESTROY")
        .contains("Removing a VPC from a host");
    account().app(v1).verify();
    // Changing providerEndpoint with it is refused the same way: it is still a removal.
    deploy(app(ghes().at(GHES2), conn).withNetwork(), "UPDATE_ROLLBACK_COMPLETE");
    account().app(v1).verify();

    // 1. The host and its connection are deleted when they leave the stack.
    ConnectionDef destroyed = conn.removal(RemovalPolicy.DESTROY);
    deploy(
        app(ghes().inVpc("A").certificate("A").removal(RemovalPolicy.DESTROY), destroyed)
            .withNetwork(),
        "UPDATE_COMPLETE");
    // 2. They leave the stack: deleted, with the group made for the host.
    DeployResult removed =
        deploy(LifecycleApp.of(List.of(), List.of()).withNetwork(), "UPDATE_COMPLETE");
    assertThat(removed.cleanupFailures()).isEmpty();
    account().verify();
    // 3. The host comes back without a VPC, at the same URL, with its connection.
    LifecycleApp v3 = app(ghes(), conn).withNetwork();
    deploy(v3, "UPDATE_COMPLETE");
    assertThat(cfn.physicalId("Ghes")).isNotEqualTo(old);
    account().app(v3).verify();
  }

  private Map<String, Object> hostAttributes() {
    String arn = cfn.physicalId("Ghes");
    return cfn.resources.values().stream()
        .filter(d -> d.physicalId.equals(arn))
        .findFirst()
        .orElseThrow()
        .attributes;
  }
}
