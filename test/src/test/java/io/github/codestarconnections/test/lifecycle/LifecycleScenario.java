package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInClients;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A stack lifecycle scenario: a fresh stand-in and stack per test, deploys that must end in a given
 * status, and the account check at the end.
 */
abstract class LifecycleScenario {
  static final String GHES = "https://ghes.example.com";
  static final String GHES2 = "https://ghes2.example.com";

  CodeStarConnectionsStandIn standIn;
  CloudFormation cfn;

  @BeforeEach
  void startStack() {
    standIn = CodeStarConnectionsStandIn.start();
    cfn = new CloudFormation(standIn);
  }

  @AfterEach
  void stopStack() {
    cfn.close();
    standIn.close();
  }

  /** Deploys and checks the stack's status, showing the events when it differs. */
  DeployResult deploy(LifecycleApp app, String expectedStatus) {
    return deploy(app.template(), expectedStatus);
  }

  /** Deploys a pipeline app and checks the stack's status. */
  DeployResult deploy(PipelineApp app, String expectedStatus) {
    return deploy(app.template(), expectedStatus);
  }

  private DeployResult deploy(java.util.Map<String, Object> template, String expectedStatus) {
    DeployResult r = cfn.deploy(template);
    assertThat(r.status()).as("%s\nhandler log:\n%s", r, cfn.log()).isEqualTo(expectedStatus);
    assertSafeToDeliverTwice();
    return r;
  }

  DeployResult deleteStack(String expectedStatus) {
    DeployResult r = cfn.delete();
    assertThat(r.status()).as("%s\nhandler log:\n%s", r, cfn.log()).isEqualTo(expectedStatus);
    assertSafeToDeliverTwice();
    return r;
  }

  /**
   * Every request delivered twice (see {@link CloudFormation#deliverTwice}) did what the first did.
   */
  private void assertSafeToDeliverTwice() {
    assertThat(cfn.redeliveryDifferences()).as("handler log:\n%s", cfn.log()).isEmpty();
  }

  AccountCheck account() {
    return AccountCheck.of(standIn, cfn);
  }

  /**
   * A connection someone makes on a host outside the stack (in the console, or in another stack on
   * an imported host): CloudFormation never deletes it.
   *
   * @param name its name
   * @param hostArn the host
   * @return its ARN
   */
  String connectionMadeOutsideTheStack(String name, String hostArn) {
    try (StandInClients admin = new StandInClients(standIn, CloudFormation.DEPLOYER)) {
      return admin
          .codeStar()
          .createConnection(b -> b.connectionName(name).hostArn(hostArn))
          .connectionArn();
    }
  }

  static HostDef ghes() {
    return HostDef.ghes("Ghes", "lifecycle-ghes", GHES);
  }

  static LifecycleApp app(HostDef host) {
    return LifecycleApp.of(List.of(host), List.of());
  }

  static LifecycleApp app(HostDef host, ConnectionDef connection) {
    return LifecycleApp.of(List.of(host), List.of(connection));
  }
}
