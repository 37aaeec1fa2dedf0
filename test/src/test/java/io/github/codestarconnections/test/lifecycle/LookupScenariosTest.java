package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ReadinessMode;
import io.github.codestarconnections.ServiceNamespace;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.StandInClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a pipeline stack of another app finds its connection by name, and checks at deploy time
 * whether the connection is ready; reads run when their properties change, and delete nothing.
 */
class LookupScenariosTest extends LifecycleScenario {
  private static final String CONSOLE =
      "https://console.aws.amazon.com/codesuite/settings/connections?region=us-east-1";

  /** Connections of other names, so that the lookup pages (the stand-in answers 2 a page). */
  private void seedOthers() {
    standIn.seedConnection(Namespace.CODESTAR_CONNECTIONS, "acme-gitlab", "GitLab", null);
    standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-bitbucket", "Bitbucket", null);
    standIn.seedConnection(Namespace.CODECONNECTIONS, "ACME-GITHUB", "GitHub", null);
  }

  private Deployed only(String type) {
    List<Deployed> found =
        cfn.resources.values().stream().filter(d -> d.type().equals(type)).toList();
    assertThat(found).as("deployed %s", type).hasSize(1);
    return found.get(0);
  }

  /** The ConnectionArn the deployed pipeline's source action was given. */
  @SuppressWarnings("unchecked")
  private String pipelineConnection() {
    List<Object> stages =
        (List<Object>) only("AWS::CodePipeline::Pipeline").properties.get("Stages");
    Map<String, Object> source = Templates.map(stages.get(0));
    Map<String, Object> action = Templates.map(((List<Object>) source.get("Actions")).get(0));
    return (String) Templates.map(action.get("Configuration")).get("ConnectionArn");
  }

  /** Whether a deployed policy lets the pipeline's roles use the connection. */
  private boolean someRoleMayUse(String arn) {
    return cfn.resources.values().stream()
        .filter(d -> d.type().equals("AWS::IAM::Policy"))
        .flatMap(d -> IamAccount.statements(d.properties.get("PolicyDocument")).stream())
        .anyMatch(
            s ->
                s.actions().contains("codeconnections:UseConnection")
                    && s.resources().contains(arn));
  }

  @Test
  void aPipelineStackInAnotherAppFindsItsConnectionByNameAndUsesIt() {
    // The other app: the connection's own stack.
    String theirs;
    try (CloudFormation other = new CloudFormation(standIn)) {
      LifecycleApp shared =
          LifecycleApp.of(
              List.of(),
              List.of(
                  ConnectionDef.to("GitHub", "acme-github", ProviderType.GITHUB)
                      .in(ServiceNamespace.CODECONNECTIONS)));
      assertThat(other.deploy(shared).status()).isEqualTo("CREATE_COMPLETE");
      theirs = other.physicalId("GitHubCodeConnectionsResource");
    }
    seedOthers();
    standIn.resetCounts();

    deploy(PipelineApp.lookingUp("acme-github"), "CREATE_COMPLETE");

    assertThat(pipelineConnection()).isEqualTo(theirs);
    assertThat(cfn.physicalId("GitHub")).isEqualTo(theirs);
    assertThat(someRoleMayUse(theirs)).as("UseConnection on the found ARN").isTrue();
    // Four connections, two a page: the lookup read every page.
    assertThat(standIn.callCount("ListConnections")).isEqualTo(2);
    assertThat(standIn.violations()).isEmpty();
  }

  @Test
  void aCheckStopsTheDeployWithTheConsoleAddressWhileTheConnectionIsPending() {
    standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-github", "GitHub", null, "PENDING");

    DeployResult r =
        deploy(
            PipelineApp.lookingUp("acme-github").checking(ReadinessMode.REQUIRE_AVAILABLE),
            "ROLLBACK_COMPLETE");

    assertThat(r.reason())
        .contains("Connection 'acme-github' is PENDING")
        .contains(CONSOLE)
        .contains("Update pending connection")
        .contains("deploy again");
    // The pipeline waits for the check, so it never existed.
    assertThat(r.events()).noneMatch(e -> e.startsWith("CREATE_COMPLETE " + PipelineApp.PIPELINE));
    assertThat(standIn.connections()).hasSize(1);
    assertThat(standIn.violations()).isEmpty();
  }

  @Test
  void aWaitSucceedsWhenAPersonFinishesTheHandshakeDuringTheDeploy() {
    String arn =
        standIn.seedConnection(
            Namespace.CODECONNECTIONS,
            "acme-github",
            "GitHub",
            null,
            "PENDING",
            "PENDING",
            "ERROR",
            "AVAILABLE");
    standIn.resetCounts();

    deploy(
        PipelineApp.lookingUp("acme-github").checking(ReadinessMode.WAIT_FOR_AVAILABLE),
        "CREATE_COMPLETE");

    Deployed check = only(io.github.codestarconnections.ReadinessCheck.RESOURCE_TYPE);
    assertThat(check.attributes).containsEntry("Status", "AVAILABLE");
    assertThat((String) check.attributes.get("Summary"))
        .contains("'acme-github' is AVAILABLE")
        .contains(CONSOLE);
    // One GetConnection a poll: PENDING, PENDING, ERROR (retried by the service), AVAILABLE.
    assertThat(standIn.callCount("GetConnection")).isEqualTo(4);
    assertThat(pipelineConnection()).isEqualTo(arn);
  }

  @Test
  void aLookupThatFindsNoneOrSeveralFailsNamingTheNameTheFiltersAndWhatItSaw() {
    seedOthers();
    DeployResult none = deploy(PipelineApp.lookingUp("acme-github"), "ROLLBACK_COMPLETE");
    assertThat(none.reason())
        .contains("Connection lookup 'acme-github': no connection has that name (no filters)")
        .contains("case-sensitive")
        .contains("acme-gitlab, acme-bitbucket, ACME-GITHUB");

    String old =
        standIn.seedConnection(Namespace.CODESTAR_CONNECTIONS, "acme-github", "GitHub", null);
    String current =
        standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-github", "GitHub", null);
    cfn.close();
    cfn = new CloudFormation(standIn);
    DeployResult several = deploy(PipelineApp.lookingUp("acme-github"), "ROLLBACK_COMPLETE");
    assertThat(several.reason())
        .contains("2 connections have that name (no filters)")
        .contains(old)
        .contains(current)
        .contains("serviceNamespace");

    cfn.close();
    cfn = new CloudFormation(standIn);
    deploy(
        PipelineApp.lookingUp("acme-github").in(ServiceNamespace.CODECONNECTIONS),
        "CREATE_COMPLETE");
    assertThat(pipelineConnection()).isEqualTo(current);
    assertThat(standIn.violations()).isEmpty();
  }

  @Test
  void aThrottledLookupIsPolledPastRatherThanFailed() {
    String arn = standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-github", "GitHub", null);
    // More than the SDK's attempts of one call: the handler answers "not yet" and is polled again.
    standIn.fault("ListConnections", Fault.THROTTLE, 6);

    deploy(PipelineApp.lookingUp("acme-github"), "CREATE_COMPLETE");

    assertThat(pipelineConnection()).isEqualTo(arn);
    assertThat(cfn.log()).contains("ListConnections: THROTTLED");
  }

  /**
   * Item 3 of the issue: a read runs when its properties change. The same template keeps the first
   * answer, even after the connection was made again; a new {@code Rerun} value looks again, and
   * the pipeline follows the new ARN.
   */
  @Test
  void readsRunAgainOnlyWhenTheirPropertiesChange() {
    String first = standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-github", "GitHub", null);
    PipelineApp v1 = PipelineApp.lookingUp("acme-github").rerun("deploy-1");
    deploy(v1, "CREATE_COMPLETE");
    assertThat(pipelineConnection()).isEqualTo(first);

    try (StandInClients someone = new StandInClients(standIn)) {
      someone.codeConnections().deleteConnection(b -> b.connectionArn(first));
    }
    String second =
        standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-github", "GitHub", null);
    standIn.resetCounts();

    deploy(v1, "UPDATE_COMPLETE");
    assertThat(standIn.totalCalls()).as("the same template sends the read nothing").isZero();
    assertThat(pipelineConnection()).isEqualTo(first);

    deploy(v1.rerun("deploy-2"), "UPDATE_COMPLETE");
    assertThat(standIn.callCount("ListConnections")).isEqualTo(1);
    assertThat(pipelineConnection()).isEqualTo(second);
    assertThat(cfn.physicalId("GitHub")).isEqualTo(second);
  }

  @Test
  void deletingTheStackDeletesNoConnection() {
    standIn.seedConnection(Namespace.CODECONNECTIONS, "acme-github", "GitHub", null, "AVAILABLE");
    deploy(PipelineApp.lookingUp("acme-github").checking(ReadinessMode.REPORT), "CREATE_COMPLETE");
    standIn.resetCounts();

    deleteStack("DELETE_COMPLETE");

    assertThat(standIn.totalCalls()).isZero();
    assertThat(standIn.connections()).hasSize(1);
  }
}
