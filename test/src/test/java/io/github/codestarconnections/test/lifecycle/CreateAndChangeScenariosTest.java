package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.test.standin.StandInRules.OmittedFields;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.RemovalPolicy;

/** Creating a stack, and every change a user can make to a host in place. */
class CreateAndChangeScenariosTest extends LifecycleScenario {

  @Test
  void createThenDeleteTheStack() {
    LifecycleApp v1 = app(ghes().tagged(Map.of("team", "ci")).removal(RemovalPolicy.DESTROY));
    deploy(v1, "CREATE_COMPLETE");
    account().app(v1).verify();
    deleteStack("DELETE_COMPLETE");
    account().verify();
  }

  @Test
  void createAVpcHostWithAConnection() {
    HostDef host = ghes().inVpc("A").certificate("A").tagged(Map.of("team", "platform"));
    LifecycleApp v1 =
        app(host, ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes")).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    account().app(v1).verify();
  }

  /** Changes a host in place from v1 to v2 and checks the host kept its ARN. */
  private void inPlace(LifecycleApp v1, LifecycleApp v2) {
    deploy(v1, "CREATE_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    DeployResult r = deploy(v2, "UPDATE_COMPLETE");
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId("Ghes")).isEqualTo(arn);
    account().app(v2).verify();
  }

  @Test
  void endpointChangesInPlace() {
    inPlace(app(ghes()), app(ghes().at(GHES2)));
  }

  /**
   * A VPC added in place: the host carries {@link MarkerTag#VPC_ADDED} until its next update, so
   * that a rollback of the addition (UpdateHost cannot remove a VPC) keeps the VPC instead of
   * failing; the next update removes it.
   */
  @Test
  void vpcAddedInPlace() {
    deploy(app(ghes()).withNetwork(), "CREATE_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    deploy(app(ghes().inVpc("A")).withNetwork(), "UPDATE_COMPLETE");
    assertThat(cfn.physicalId("Ghes")).isEqualTo(arn);
    assertThat(standIn.host(arn).vpcId()).isEqualTo(cfn.physicalId("VpcA"));
    assertThat(standIn.host(arn).tags()).containsOnlyKeys(MarkerTag.VPC_ADDED);
    LifecycleApp v3 = app(ghes().inVpc("A").tagged(Map.of("team", "ci"))).withNetwork();
    deploy(v3, "UPDATE_COMPLETE");
    account().app(v3).verify();
  }

  @Test
  void vpcChangedInPlace() {
    inPlace(app(ghes().inVpc("A")).withNetwork(), app(ghes().inVpc("B")).withNetwork());
  }

  @Test
  void subnetsChangeInPlace() {
    inPlace(
        app(ghes().inVpc("A")).withNetwork(), app(ghes().inVpc("A").firstSubnet()).withNetwork());
  }

  @Test
  void securityGroupsChangeInPlace() {
    HostDef own = ghes().inVpc("A");
    inPlace(app(own).withNetwork(), app(own.groups("A1", "A2")).withNetwork());
    deploy(app(own.groups("A2")).withNetwork(), "UPDATE_COMPLETE");
    account().app(app(own.groups("A2"))).verify();
  }

  @Test
  void certificateChangesInPlace() {
    HostDef host = ghes().inVpc("A");
    inPlace(app(host).withNetwork(), app(host.certificate("A")).withNetwork());
    deploy(app(host.certificate("B")).withNetwork(), "UPDATE_COMPLETE");
    account().app(app(host.certificate("B"))).verify();
  }

  @Test
  void tagsChangeInPlace() {
    inPlace(
        app(ghes().tagged(Map.of("team", "ci", "env", "test"))),
        app(ghes().tagged(Map.of("team", "platform", "cost", "42"))));
  }

  /** Fact (b): UpdateHost gets the whole wanted configuration, whatever it does with the rest. */
  @ParameterizedTest
  @EnumSource(OmittedFields.class)
  void anEndpointChangeKeepsTheVpcWhateverUpdateHostDoesWithOmittedFields(OmittedFields omitted) {
    standIn.rules().updateHostOmittedFields(omitted);
    inPlace(app(ghes().inVpc("A")).withNetwork(), app(ghes().inVpc("A").at(GHES2)).withNetwork());
  }

  /**
   * Fact (c): GetHost may still show the old VPC just after UpdateHost; isComplete waits for the
   * change, so that the rollback of a later failure finds the host settled.
   */
  @Test
  void aChangeIsDoneOnlyOnceGetHostShowsIt() {
    standIn.rules().staleReadsAfterUpdate(1);
    standIn.vpcInitialisationPolls(3);
    LifecycleApp v1 = app(ghes().inVpc("A")).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    deploy(app(ghes().inVpc("B")).withNetwork().breaking(), "UPDATE_ROLLBACK_COMPLETE");
    account().app(v1).verify();
  }
}
