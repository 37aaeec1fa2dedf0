package io.github.codestarconnections.test.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.lambda.HostApi;
import io.github.codestarconnections.lambda.HostApiException;
import io.github.codestarconnections.lambda.HostSpec;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.ServiceModel;
import io.github.codestarconnections.test.standin.StandInClients;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in itself: it must catch what the real service would reject. */
class StandInContractTest {
  private CodeStarConnectionsStandIn standIn;
  private StandInClients clients;

  @BeforeEach
  void start() {
    standIn = CodeStarConnectionsStandIn.start();
    clients = new StandInClients(standIn);
  }

  @AfterEach
  void stop() {
    clients.close();
    standIn.close();
  }

  @Test
  void usesTheOfficialModelsWhenTheReferenceIsThere() {
    for (Namespace ns : Namespace.values()) {
      var file = ServiceModel.officialFile(ns);
      assertThat(standIn.usesOfficialModel(ns))
          .isEqualTo(file != null && Files.isRegularFile(file));
      assertThat(ServiceModel.load(ns).targetPrefix())
          .isEqualTo(
              ns == Namespace.CODECONNECTIONS
                  ? "com.amazonaws.codeconnections.CodeConnections_20231201"
                  : "com.amazonaws.codestar.connections.CodeStar_connections_20191201");
    }
  }

  @Test
  void recordsAndRejectsRequestsThatBreakTheModel() {
    HostApi api = clients.hostApi(Namespace.CODESTAR_CONNECTIONS);
    assertThatThrownBy(() -> api.getHost("arn:aws:codestar-connections:us-east-1:1234:host/x"))
        .isInstanceOf(HostApiException.class)
        .extracting(e -> ((HostApiException) e).kind())
        .isEqualTo(HostApiException.Kind.INVALID_REQUEST);
    assertThat(standIn.violations()).singleElement().asString().contains("GetHost.HostArn");
  }

  @Test
  void theOldNamespaceRefusesNewArnsAndTheNewOneTakesBoth() {
    String arn =
        standIn.seedHost(
            Namespace.CODECONNECTIONS,
            "h",
            "GitLabSelfManaged",
            "https://gl.example.com",
            Map.of());
    assertThat(clients.hostApi(Namespace.CODECONNECTIONS).getHost(arn).status())
        .isEqualTo("PENDING");
    assertThatThrownBy(() -> clients.hostApi(Namespace.CODESTAR_CONNECTIONS).getHost(arn))
        .isInstanceOf(HostApiException.class);
    assertThat(standIn.violations()).hasSize(1);
  }

  @Test
  void rejectsAProviderTypeOutsideTheModel() {
    HostApi api = clients.hostApi(Namespace.CODECONNECTIONS);
    assertThatThrownBy(
            () ->
                api.createHost(
                    new HostSpec("h", "Gitea", "https://g.example.com", null, Map.of()), Map.of()))
        .isInstanceOf(HostApiException.class);
    assertThat(standIn.violations()).singleElement().asString().contains("ProviderType");
    assertThat(standIn.hosts()).isEmpty();
  }

  @Test
  void paginatesListHosts() {
    for (int i = 0; i < 5; i++) {
      standIn.seedHost(
          Namespace.CODESTAR_CONNECTIONS,
          "h" + i,
          "GitHubEnterpriseServer",
          "https://ghe" + i + ".example.com",
          Map.of());
    }
    standIn.pageSize(2);
    assertThat(clients.hostApi(Namespace.CODESTAR_CONNECTIONS).listHosts()).hasSize(5);
    assertThat(standIn.callCount("ListHosts")).isEqualTo(3);
    assertThat(standIn.violations()).isEmpty();
  }

  @Test
  void aLostResponseIsAFastClientErrorAfterTheActionHappened() {
    standIn.fault("CreateHost", Fault.LOST_RESPONSE, 1);
    HostApi api = clients.hostApi(Namespace.CODESTAR_CONNECTIONS);
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                api.createHost(
                    new HostSpec(
                        "h", "GitHubEnterpriseServer", "https://g.example.com", null, Map.of()),
                    Map.of()))
        .isInstanceOf(HostApiException.class)
        .extracting(e -> ((HostApiException) e).kind())
        .isEqualTo(HostApiException.Kind.NO_RESPONSE);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    // Sent once: CreateHost is never retried by the SDK.
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
    assertThat(standIn.hosts()).hasSize(1);
    assertThat(standIn.violations()).isEmpty();
  }
}
