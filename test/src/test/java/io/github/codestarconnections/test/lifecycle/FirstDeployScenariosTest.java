package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ServiceNamespace;
import io.github.codestarconnections.examples.CodeBuildWebhookStack;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.lifecycle.CodeBuildApp.Grant;
import io.github.codestarconnections.test.lifecycle.CodeBuildApp.Wait;
import io.github.codestarconnections.test.standin.StandInConnection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.assertions.Template;

/**
 * Issue 22, played: a new stack's first deploy works. A grant arrives before the resource that uses
 * it at create ({@link CodeBuildProjects}), nothing uses a connection while it is PENDING, and a
 * failed first deploy leaves nothing that blocks its retry (RetainExceptOnCreate, {@link
 * CloudFormationRules#keptByRollbackOfItsCreate}). Each scenario fails without the library's fix.
 */
class FirstDeployScenariosTest extends LifecycleScenario {
  private DeployResult deploy(Map<String, Object> template, String expectedStatus) {
    DeployResult r = cfn.deploy(template);
    assertThat(r.status()).as("%s\nhandler log:\n%s", r, cfn.log()).isEqualTo(expectedStatus);
    return r;
  }

  private String availableConnection(String name) {
    return standIn.seedConnection(Namespace.CODECONNECTIONS, name, "GitHub", null, "AVAILABLE");
  }

  private StandInConnection connectionNamed(String name) {
    return standIn.connections().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no connection " + name));
  }

  // ---- Grants before use ----------------------------------------------------------------------

  /**
   * The project's role needs the connection while CloudFormation creates the project; the role's
   * default policy names the project, so it comes after it. The library's grant is in a policy the
   * project depends on.
   */
  @Test
  void aWebhookProjectGetsItsGrantBeforeItIsCreatedAndNotFromItsDefaultPolicy() {
    String arn = availableConnection("acme-github");

    DeployResult byHand =
        deploy(
            CodeBuildApp.on(arn).granted(Grant.BY_HAND_IN_THE_DEFAULT_POLICY).template(),
            "ROLLBACK_COMPLETE");
    assertThat(byHand.reason())
        .contains("Failed to call CreateWebhook, reason: Access denied to connection " + arn);

    deploy(CodeBuildApp.on(arn).template(), "CREATE_COMPLETE");
    assertThat(cfn.resources.keySet())
        .anyMatch(id -> id.startsWith("BuildRoleCodeStarConnectionsGrantsPolicy"));
  }

  /**
   * A user's own grant, to a project on the account's default credential or to its role, is in a
   * policy the project depends on; and the project is made after the credential it reads through.
   */
  @ParameterizedTest
  @EnumSource(
      value = Grant.class,
      names = {"TO_THE_PROJECT", "TO_THE_ROLE"})
  void aUsersOwnGrantAndTheDefaultCredentialArriveBeforeTheProject(Grant grant) {
    String arn = availableConnection("acme-github");

    DeployResult r = deploy(CodeBuildApp.on(arn).granted(grant).template(), "CREATE_COMPLETE");

    assertThat(created(r, "Build"))
        .isGreaterThan(created(r, "BuildRoleCodeStarConnectionsGrantsPolicy"))
        .isGreaterThan(created(r, "Credential"));
  }

  // ---- Nothing used while PENDING -------------------------------------------------------------

  @Test
  void aWebhookOnAPendingConnectionFailsAndOnAnAvailableOneIsMade() {
    String pending =
        standIn.seedConnection(Namespace.CODECONNECTIONS, "pending-github", "GitHub", null);

    DeployResult r = deploy(CodeBuildApp.on(pending).template(), "ROLLBACK_COMPLETE");

    assertThat(r.reason())
        .contains("Failed to call CreateWebhook, reason: connection " + pending + " is PENDING");
    deploy(CodeBuildApp.on(availableConnection("acme-github")).template(), "CREATE_COMPLETE");
  }

  @Test
  void aWebhookOnANewConnectionThatDoesNotWaitIsRefusedAtSynth() {
    CodeBuildApp app = CodeBuildApp.onANewConnection().waiting(Wait.NONE);

    assertThatThrownBy(app::template)
        .hasMessageContaining("has a webhook")
        .hasMessageContaining("waitForAvailable(true)");
  }

  /**
   * The CodeBuildWebhook example on a fresh account: its connection is new, so PENDING, and the
   * project waits for a person to finish the handshake during the deploy, then makes the webhook.
   */
  @Test
  void theCodeBuildWebhookExampleDeploysInOneGoWhileAPersonFinishesTheHandshake() {
    Map<String, Object> template =
        Template.fromStack(new CodeBuildWebhookStack(new App(), LifecycleApp.STACK)).toJSON();
    standIn.finishHandshakeAfter("examples-github-codebuild", 3);

    DeployResult r = deploy(template, "CREATE_COMPLETE");

    assertThat(connectionNamed("examples-github-codebuild").status()).isEqualTo("AVAILABLE");
    assertThat(created(r, "Build")).isGreaterThan(created(r, "BuildWaitForHandshake"));
    assertThat(created(r, "BuildWaitForHandshake")).isGreaterThan(created(r, "GitHub"));
  }

  /**
   * The wait is the check's (600 s by default), measured on the clock the Provider framework's
   * waiter moves (the check reads at 0 s, 30 s, then every 60 s): a person who finishes the
   * handshake in time for the check's eleventh read (570 s) lets the deploy complete; one who
   * finishes it later finds the deploy failed by the check at its twelfth (630 s), the first read
   * after its wait, long before the waiter's own time runs out. The stand-in counts every
   * GetConnection, CloudFormation's own read of the new connection's status included.
   */
  @ParameterizedTest(name = "PENDING to {0} GetConnection calls")
  @CsvSource({"11, CREATE_COMPLETE", "13, ROLLBACK_COMPLETE"})
  void aHandshakeFinishedWhileTheCheckWaitsCompletesTheDeployAndOneAfterItsWaitDoesNot(
      int pendingReads, String status) {
    standIn.finishHandshakeAfter(CodeBuildApp.CONNECTION_NAME, pendingReads);
    standIn.resetCounts();

    DeployResult r = deploy(CodeBuildApp.onANewConnection().template(), status);

    if (status.equals("CREATE_COMPLETE")) {
      assertThat(connectionNamed(CodeBuildApp.CONNECTION_NAME).status()).isEqualTo("AVAILABLE");
      assertThat(standIn.callCount("GetConnection")).isEqualTo(pendingReads + 1);
      assertThat(created(r, "Build")).isGreaterThan(created(r, "BuildWaitForHandshake"));
    } else {
      assertThat(r.reason()).contains("Waited 600 s; still not AVAILABLE.");
      // CloudFormation's read and the check's twelve: the check stopped at its first after 600 s.
      assertThat(standIn.callCount("GetConnection")).isEqualTo(13);
      assertThat(r.events())
          .noneMatch(e -> e.matches("CREATE_COMPLETE Build[0-9A-F]{8} .*"))
          .anyMatch(e -> e.startsWith("ROLLBACK DELETE_COMPLETE GitHub"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Wait.class,
      names = {"SOURCE_OPTION", "OWN_CHECK"})
  void aProjectWaitingForTheHandshakeOfItsNewConnectionIsMade(Wait waiting) {
    standIn.finishHandshakeAfter(CodeBuildApp.CONNECTION_NAME, 2);

    deploy(CodeBuildApp.onANewConnection().waiting(waiting).template(), "CREATE_COMPLETE");

    assertThat(connectionNamed(CodeBuildApp.CONNECTION_NAME).status()).isEqualTo("AVAILABLE");
  }

  // ---- A failed create leaves nothing behind ---------------------------------------------------

  /**
   * Nobody finishes the handshake in time: the check's own wait (600 s) ends the first deploy,
   * which rolls back. With the default, the rollback deletes the new connection and the retry (a
   * person at hand this time) works; with RETAIN the connection stays and the retry collides on its
   * name.
   */
  @Test
  void aFirstDeployWhoseHandshakeIsNotDoneInTimeIsRetried() {
    DeployResult first = deploy(CodeBuildApp.onANewConnection().template(), "ROLLBACK_COMPLETE");

    assertThat(first.reason())
        .startsWith("BuildWaitForHandshake")
        .contains(
            "Waited 600 s; still not AVAILABLE. Connection '"
                + CodeBuildApp.CONNECTION_NAME
                + "' is PENDING.")
        .contains("'Update pending connection'")
        .contains("Then deploy again.")
        .doesNotContain("Operation timed out");
    assertThat(standIn.connections()).isEmpty();

    standIn.finishHandshakeAfter(CodeBuildApp.CONNECTION_NAME, 2);
    deploy(CodeBuildApp.onANewConnection().template(), "CREATE_COMPLETE");
    assertThat(standIn.connections())
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo("AVAILABLE"));
  }

  @Test
  void withRetainTheRetryOfAFailedFirstDeployCollidesOnTheConnectionName() {
    CodeBuildApp retained = CodeBuildApp.onANewConnection().removal(RemovalPolicy.RETAIN);
    deploy(retained.template(), "ROLLBACK_COMPLETE");
    assertThat(standIn.connections()).hasSize(1);

    standIn.finishHandshakeAfter(CodeBuildApp.CONNECTION_NAME, 2);
    DeployResult retry = deploy(retained.template(), "ROLLBACK_COMPLETE");
    assertThat(retry.reason())
        .contains("A connection named " + CodeBuildApp.CONNECTION_NAME + " already exists");
  }

  /**
   * A host (with the security group made for it) and a connection on it, in a first deploy that
   * fails after them: the rollback deletes all three, and the retry works. With RETAIN, host and
   * connection stay, and the retry collides on the URL (one host per URL).
   */
  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void aFailedFirstDeployOfAHostAndItsConnectionIsRetried(HostBackend backend) {
    LifecycleApp v1 = hostApp(backend, null);

    DeployResult first = deploy(v1.breaking(), "ROLLBACK_COMPLETE");

    assertThat(first.events())
        .anyMatch(e -> e.startsWith("ROLLBACK DELETE_COMPLETE Ghes"))
        .anyMatch(e -> e.startsWith("ROLLBACK DELETE_COMPLETE GhesSecurityGroup"))
        .anyMatch(e -> e.startsWith("ROLLBACK DELETE_COMPLETE GhesConnection"));
    account().verify();
    deploy(v1, "CREATE_COMPLETE");
    account().app(v1).verify();
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void withRetainTheRetryOfAFailedFirstDeployOfAHostCollidesOnItsUrl(HostBackend backend) {
    LifecycleApp v1 = hostApp(backend, RemovalPolicy.RETAIN);
    deploy(v1.breaking(), "ROLLBACK_COMPLETE");
    assertThat(standIn.hosts()).hasSize(1);

    DeployResult retry = deploy(v1, "ROLLBACK_COMPLETE");
    assertThat(retry.reason()).contains("used by host");
  }

  /**
   * A custom-resource host whose VPC set-up fails: its create fails half-way, with the host made.
   * The rollback sends the handler a Delete, which deletes that host, and the retry works.
   */
  @Test
  void aHostWhoseCreateFailedHalfWayIsDeletedByTheRollbackAndTheRetryWorks() {
    LifecycleApp v1 = app(ghes().inVpc("A")).withNetwork();
    standIn.failNextVpcInitialisation("no route to ghes.example.com");

    DeployResult first = deploy(v1, "ROLLBACK_COMPLETE");

    assertThat(first.reason()).contains("no route to ghes.example.com");
    assertThat(first.events()).anyMatch(e -> e.startsWith("ROLLBACK DELETE_COMPLETE Ghes"));
    assertThat(standIn.hosts()).isEmpty();
    deploy(v1, "CREATE_COMPLETE");
    account().app(v1).verify();
  }

  private LifecycleApp hostApp(HostBackend backend, RemovalPolicy removal) {
    HostDef host = ghes().inVpc("A");
    ConnectionDef conn = ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes");
    if (backend == HostBackend.NATIVE) {
      host = host.nativeBackend();
      conn = conn.in(ServiceNamespace.CODECONNECTIONS);
    }
    if (removal != null) {
      host = host.removal(removal);
      conn = conn.removal(removal);
    }
    return app(host, conn).withNetwork();
  }

  /**
   * When a resource was created: the index of the first CREATE_COMPLETE of a logical id that is the
   * construct id and a hash, or that starts with the construct id (a child's).
   */
  private static int created(DeployResult r, String constructId) {
    int i = 0;
    for (String e : r.events()) {
      if (e.startsWith("CREATE_COMPLETE ")) {
        String id = e.split(" ")[1];
        if (id.matches(constructId + "[0-9A-F]{8}")
            || (!constructId.equals("Build") && id.startsWith(constructId))) {
          return i;
        }
      }
      i++;
    }
    throw new AssertionError(constructId + " was not created: " + r);
  }
}
