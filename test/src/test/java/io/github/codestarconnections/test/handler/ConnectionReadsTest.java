package io.github.codestarconnections.test.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.lambda.IsCompleteHandler;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.ReadEvent;
import io.github.codestarconnections.lambda.ReadEventParser;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.handler.CloudFormationPlayer.Result;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.PolicyStatement;
import io.github.codestarconnections.test.standin.StandInClients;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The handler's deploy-time reads against the stand-in, through the real SDK clients: a connection
 * lookup (paging, filters, none, several, throttling) and a status check (each mode). Every test
 * ends by checking that no request broke the service model.
 */
class ConnectionReadsTest {
  private static final String CONSOLE =
      "https://console.aws.amazon.com/codesuite/settings/connections?region=us-east-1";

  private CodeStarConnectionsStandIn standIn;
  private StandInClients clients;

  @BeforeEach
  void start() {
    standIn = CodeStarConnectionsStandIn.start();
    clients = new StandInClients(standIn);
  }

  @AfterEach
  void stop() {
    try {
      assertThat(standIn.violations()).as("requests that broke the service model").isEmpty();
    } finally {
      clients.close();
      standIn.close();
    }
  }

  private CloudFormationPlayer cfn(Namespace ns) {
    return new CloudFormationPlayer(clients.hostApi(ns));
  }

  private static Map<String, Object> lookup(String name, String... filters) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ConnectionName", name);
    for (int i = 0; i < filters.length; i += 2) {
      p.put(filters[i], filters[i + 1]);
    }
    return p;
  }

  private static Map<String, Object> check(String arn, String mode, String... more) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ResourceArn", arn);
    p.put("Mode", mode);
    p.put("ConsoleAddress", CONSOLE);
    for (int i = 0; i < more.length; i += 2) {
      p.put(more[i], more[i + 1]);
    }
    return p;
  }

  private static Map<String, Object> create(String type, Map<String, Object> properties) {
    Map<String, Object> e = CloudFormationPlayer.createEvent(properties);
    e.put("ResourceType", type);
    return e;
  }

  private Result find(Namespace ns, Map<String, Object> properties) {
    return cfn(ns).run(create(ReadEvent.LOOKUP_TYPE, properties));
  }

  private Result checkIt(Namespace ns, Map<String, Object> properties) {
    return cfn(ns).run(create(ReadEvent.CHECK_TYPE, properties));
  }

  // ---- Lookup ---------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void aLookupPagesEveryPageAndAnswersTheOneConnectionOfThatName(Namespace ns) {
    for (int i = 0; i < 5; i++) {
      standIn.seedConnection(ns, "other-" + i, "GitLab", null);
    }
    String arn = standIn.seedConnection(ns, "acme-github", "GitHub", null, "AVAILABLE");
    standIn.resetCounts();

    Result r = find(ns, lookup("acme-github"));

    assertThat(r.physicalResourceId()).isEqualTo(arn);
    assertThat(r.data())
        .containsEntry("ConnectionArn", arn)
        .containsEntry("ConnectionName", "acme-github")
        .containsEntry("ProviderType", "GitHub")
        .containsEntry("ConnectionStatus", "AVAILABLE")
        .containsEntry("OwnerAccountId", CodeStarConnectionsStandIn.ACCOUNT)
        .doesNotContainKey("HostArn");
    // Six connections, two a page.
    assertThat(standIn.callCount("ListConnections")).isEqualTo(3);
    assertThat(standIn.totalCalls()).isEqualTo(3);
  }

  @Test
  void theFiltersGoToListConnectionsAndNarrowTheMatch() {
    String host =
        standIn.seedHost(
            Namespace.CODECONNECTIONS,
            "ghes",
            "GitHubEnterpriseServer",
            "https://ghes.example.com",
            Map.of());
    String onHost =
        standIn.seedConnection(Namespace.CODECONNECTIONS, "acme", "GitHubEnterpriseServer", host);
    String cloud = standIn.seedConnection(Namespace.CODECONNECTIONS, "acme", "GitHub", null);

    assertThat(
            find(Namespace.CODECONNECTIONS, lookup("acme", "HostArnFilter", host))
                .physicalResourceId())
        .isEqualTo(onHost);
    assertThat(
            find(Namespace.CODECONNECTIONS, lookup("acme", "ProviderTypeFilter", "GitHub"))
                .physicalResourceId())
        .isEqualTo(cloud);
    Result withHost = find(Namespace.CODECONNECTIONS, lookup("acme", "HostArnFilter", host));
    assertThat(withHost.data()).containsEntry("HostArn", host);
  }

  @Test
  void theNamespaceNarrowsTheMatchToTheArnsService() {
    String old = standIn.seedConnection(Namespace.CODESTAR_CONNECTIONS, "acme", "GitHub", null);
    String current = standIn.seedConnection(Namespace.CODECONNECTIONS, "acme", "GitHub", null);

    assertThatThrownBy(() -> find(Namespace.CODECONNECTIONS, lookup("acme")))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("Connection lookup 'acme': 2 connections have that name (no filters)")
        .hasMessageContaining(old)
        .hasMessageContaining(current);
    assertThat(
            find(
                    Namespace.CODECONNECTIONS,
                    lookup("acme", "ServiceNamespace", "codestar-connections"))
                .physicalResourceId())
        .isEqualTo(old);
    assertThat(
            find(Namespace.CODECONNECTIONS, lookup("acme", "ServiceNamespace", "codeconnections"))
                .physicalResourceId())
        .isEqualTo(current);
  }

  @Test
  void noMatchFailsNamingTheNameTheFiltersAndTheConnectionsSeen() {
    standIn.seedConnection(Namespace.CODECONNECTIONS, "Acme-GitHub", "GitHub", null);
    standIn.seedConnection(Namespace.CODESTAR_CONNECTIONS, "acme-github", "GitHub", null);

    assertThatThrownBy(
            () ->
                find(
                    Namespace.CODECONNECTIONS,
                    lookup(
                        "acme-github",
                        "ProviderTypeFilter",
                        "GitHub",
                        "ServiceNamespace",
                        "codeconnections")))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageStartingWith(
            "Connection lookup 'acme-github': no connection has that name (namespace"
                + " codeconnections, ProviderTypeFilter GitHub); 1 of that name is in the other"
                + " namespace")
        .hasMessageContaining("case-sensitive")
        .hasMessageContaining(
            "ListConnections listed 2 with these filters: Acme-GitHub, acme-github.");
  }

  @Test
  void whatALookupFailureQuotesIsBoundedByResourceFailuresLimits() {
    for (int i = 0; i < 60; i++) {
      standIn.seedConnection(
          Namespace.CODECONNECTIONS, "a-rather-long-connection-name-" + i, "GitHub", null);
    }
    standIn.pageSize(25);

    assertThatThrownBy(() -> find(Namespace.CODECONNECTIONS, lookup("missing")))
        .isInstanceOf(ResourceFailure.class)
        .satisfies(
            f -> {
              assertThat(f.getMessage()).contains("ListConnections listed 60");
              assertThat(f.getMessage().length()).isLessThanOrEqualTo(ResourceFailure.MAX_LENGTH);
              assertThat(f.getMessage()).contains("...");
            });
  }

  @Test
  void throttlingIsPolledPastAndAccessDeniedFailsWithTheActionToAllow() {
    String arn = standIn.seedConnection(Namespace.CODECONNECTIONS, "acme", "GitHub", null);
    // Six throttled answers: more than one call's SDK attempts, so isComplete polls again.
    standIn.fault("ListConnections", Fault.THROTTLE, 6);
    Result r = find(Namespace.CODECONNECTIONS, lookup("acme"));
    assertThat(r.physicalResourceId()).isEqualTo(arn);
    assertThat(r.polls()).isGreaterThan(1);

    String role = "arn:aws:iam::123456789012:role/reader";
    standIn.allow(
        role,
        List.of(PolicyStatement.allow(List.of("codeconnections:GetConnection"), List.of("*"))));
    try (StandInClients denied = new StandInClients(standIn, role)) {
      IsCompleteHandler isComplete =
          new IsCompleteHandler(denied.hostApi(Namespace.CODECONNECTIONS), quiet());
      Map<String, Object> event = create(ReadEvent.LOOKUP_TYPE, lookup("acme"));
      event.put("PhysicalResourceId", "req");
      // Just after onEvent, AccessDenied may be IAM still applying the role's new policy.
      event.put(ReadEventParser.STARTED_AT, Long.toString(System.currentTimeMillis()));
      assertThat(isComplete.handleRequest(event, null)).containsEntry("IsComplete", false);
      // Minutes later it is not.
      event.put(ReadEventParser.STARTED_AT, Long.toString(System.currentTimeMillis() - 600_000));
      assertThatThrownBy(() -> isComplete.handleRequest(event, null))
          .isInstanceOf(ResourceFailure.class)
          .hasMessageContaining("ListConnections failed with ACCESS_DENIED")
          .hasMessageContaining("Allow codeconnections:ListConnections");
    }
  }

  @Test
  void theCodestarApiIsNotAskedWhatItCannotAnswer() {
    String host =
        standIn.seedHost(
            Namespace.CODECONNECTIONS,
            "ghes",
            "GitHubEnterpriseServer",
            "https://g.example.com",
            Map.of());
    standIn.resetCounts();

    assertThatThrownBy(
            () ->
                find(
                    Namespace.CODESTAR_CONNECTIONS,
                    lookup("acme", "ProviderTypeFilter", "AzureDevOps")))
        .hasMessageContaining("does not know the provider type AzureDevOps");
    assertThatThrownBy(
            () -> find(Namespace.CODESTAR_CONNECTIONS, lookup("acme", "HostArnFilter", host)))
        .hasMessageContaining("does not accept the codeconnections host ARN");
    assertThat(standIn.totalCalls()).isZero();
  }

  @Test
  void deletingAReadCallsNothing() {
    standIn.resetCounts();
    Map<String, Object> delete = CloudFormationPlayer.deleteEvent("req-1", lookup("acme"));
    delete.put("ResourceType", ReadEvent.LOOKUP_TYPE);
    Result r = cfn(Namespace.CODECONNECTIONS).run(delete);
    assertThat(r.physicalResourceId()).isEqualTo("req-1");
    assertThat(standIn.totalCalls()).isZero();
  }

  // ---- Status check ---------------------------------------------------------------------------

  @Test
  void reportNeverStopsTheDeploymentAndSaysWhereToFinishTheHandshake() {
    String pending = standIn.seedConnection(Namespace.CODECONNECTIONS, "acme", "GitHub", null);

    Result r = checkIt(Namespace.CODECONNECTIONS, check(pending, "REPORT"));

    assertThat(r.data())
        .containsEntry("Status", "PENDING")
        .containsEntry("Name", "acme")
        .containsEntry("ConsoleAddress", CONSOLE);
    assertThat((String) r.data().get("Summary"))
        .isEqualTo(
            "Connection 'acme' is PENDING. Open "
                + CONSOLE
                + ", choose the connection by name, then 'Update pending connection', and finish"
                + " the provider's sign-in.");
    // A connection that is gone: reported, once it is not just one too new to be seen yet.
    String gone =
        "arn:aws:codeconnections:us-east-1:123456789012:connection/0000dead-0000-0000-0000-0000";
    IsCompleteHandler isComplete =
        new IsCompleteHandler(clients.hostApi(Namespace.CODECONNECTIONS), quiet());
    Map<String, Object> event = create(ReadEvent.CHECK_TYPE, check(gone, "REPORT"));
    event.put("PhysicalResourceId", "req");
    event.put(ReadEventParser.STARTED_AT, Long.toString(System.currentTimeMillis()));
    assertThat(isComplete.handleRequest(event, null)).containsEntry("IsComplete", false);
    event.put(ReadEventParser.STARTED_AT, Long.toString(System.currentTimeMillis() - 600_000));
    assertThat(isComplete.handleRequest(event, null))
        .containsEntry("IsComplete", true)
        .extractingByKey("Data")
        .asString()
        .contains("Status=NOT_FOUND")
        .contains("does not exist");
  }

  @Test
  void requireAvailableFailsOnPendingWithTheAddressAndPassesOnAvailable() {
    String pending = standIn.seedConnection(Namespace.CODESTAR_CONNECTIONS, "acme", "GitHub", null);
    String ready =
        standIn.seedConnection(
            Namespace.CODESTAR_CONNECTIONS, "ready", "GitHub", null, "AVAILABLE");

    assertThatThrownBy(
            () -> checkIt(Namespace.CODESTAR_CONNECTIONS, check(pending, "REQUIRE_AVAILABLE")))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageStartingWith(
            "The check requires AVAILABLE. Connection 'acme' is PENDING. Open " + CONSOLE)
        .hasMessageEndingWith("Then deploy again.");
    assertThat(checkIt(Namespace.CODESTAR_CONNECTIONS, check(ready, "REQUIRE_AVAILABLE")).data())
        .containsEntry("Status", "AVAILABLE");
  }

  @Test
  void aWaitPollsUntilAvailableAndFailsOnceItsTimeIsOver() {
    String arn =
        standIn.seedConnection(
            Namespace.CODECONNECTIONS, "acme", "GitHub", null, "PENDING", "PENDING", "AVAILABLE");

    Result r =
        checkIt(Namespace.CODECONNECTIONS, check(arn, "WAIT_FOR_AVAILABLE", "WaitSeconds", "300"));
    assertThat(r.data()).containsEntry("Status", "AVAILABLE");
    assertThat(r.polls()).isEqualTo(3);

    String stuck = standIn.seedConnection(Namespace.CODECONNECTIONS, "stuck", "GitHub", null);
    IsCompleteHandler isComplete =
        new IsCompleteHandler(clients.hostApi(Namespace.CODECONNECTIONS), quiet());
    Map<String, Object> event =
        create(ReadEvent.CHECK_TYPE, check(stuck, "WAIT_FOR_AVAILABLE", "WaitSeconds", "300"));
    event.put("PhysicalResourceId", "req");
    event.put(ReadEventParser.STARTED_AT, Long.toString(System.currentTimeMillis() - 301_000));
    assertThatThrownBy(() -> isComplete.handleRequest(event, null))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageStartingWith("Waited 300 s; still not AVAILABLE. Connection 'stuck' is PENDING.")
        .hasMessageContaining(CONSOLE);
  }

  @Test
  void aHostCheckReadsGetHostAndSaysHowToSetTheHostUp() {
    String host =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "ghes",
            "GitHubEnterpriseServer",
            "https://g.example.com",
            Map.of());
    standIn.resetCounts();

    Result r = checkIt(Namespace.CODESTAR_CONNECTIONS, check(host, "REPORT"));

    assertThat(standIn.callCount("GetHost")).isEqualTo(1);
    assertThat((String) r.data().get("Summary"))
        .isEqualTo(
            "Host 'ghes' is PENDING. Open "
                + CONSOLE
                + ", choose the Hosts tab and the host by name, then 'Set up host'.");
  }

  /**
   * Issue 22: a host ARN the Region's API does not know may be a host of another Region (hosts are
   * regional); a connection's may not (connections are global).
   */
  @Test
  void aMissingHostIsSaidToBeMaybeInAnotherRegionAndAMissingConnectionIsNot() {
    String host = "arn:aws:codeconnections:eu-west-1:123456789012:host/ghes-0000dead";
    String connection =
        "arn:aws:codeconnections:eu-west-1:123456789012:connection/0000dead-0000-0000-0000-0000";
    IsCompleteHandler isComplete =
        new IsCompleteHandler(clients.hostApi(Namespace.CODECONNECTIONS), quiet());
    for (String arn : List.of(host, connection)) {
      Map<String, Object> event = create(ReadEvent.CHECK_TYPE, check(arn, "REQUIRE_AVAILABLE"));
      event.put("PhysicalResourceId", "req");
      // Past the time in which a not-found answer may be a resource too new to be seen.
      event.put(ReadEventParser.STARTED_AT, Long.toString(System.currentTimeMillis() - 600_000));
      var failure =
          assertThatThrownBy(() -> isComplete.handleRequest(event, null))
              .isInstanceOf(ResourceFailure.class)
              .hasMessageContaining("does not exist");
      if (arn.equals(host)) {
        failure.hasMessageContaining("in another Region: hosts are regional");
      } else {
        failure
            .hasMessageContaining("(deleted, or in another account)")
            .hasMessageNotContaining("Region");
      }
    }
  }

  @Test
  void aCheckEventWithBadPropertiesFailsBeforeAnyCall() {
    standIn.resetCounts();
    assertThatThrownBy(
            () -> checkIt(Namespace.CODECONNECTIONS, check("arn:aws:s3:::bucket", "REPORT")))
        .hasMessageStartingWith("Invalid status check property ResourceProperties.ResourceArn:")
        .hasMessageContaining("neither a connection nor a host ARN");
    assertThatThrownBy(
            () ->
                checkIt(
                    Namespace.CODECONNECTIONS,
                    check(
                        "arn:aws:codeconnections:us-east-1:123456789012:connection/x",
                        "WAIT_FOR_AVAILABLE")))
        .hasMessageContaining("WaitSeconds: is missing");
    assertThatThrownBy(() -> find(Namespace.CODECONNECTIONS, lookup("x".repeat(33))))
        .hasMessageStartingWith(
            "Invalid connection lookup property ResourceProperties.ConnectionName:")
        .hasMessageContaining("33 characters; the service allows 1 to 32");
    assertThat(standIn.totalCalls()).isZero();
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
