package io.github.codestarconnections.test.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.lambda.HostApi;
import io.github.codestarconnections.lambda.HostApiException;
import io.github.codestarconnections.lambda.HostSpec;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.StandInClients;
import io.github.codestarconnections.test.standin.StandInConnection;
import io.github.codestarconnections.test.standin.StandInHost;
import io.github.codestarconnections.test.standin.StandInRules.OmittedFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;

/**
 * The stand-in itself: it must catch what the real service would reject, and give each of the
 * service's documented rules about hosts (see HostOperations for the sources).
 */
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

  // ---- Rules about hosts ---------------------------------------------------------------------

  static final String VPC = "vpc-0123456789abcdef0";
  static final String SUBNET = "subnet-0123456789abcdef0";
  static final String GROUP = "sg-0123456789abcdef0";

  static String errorCode(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      return e.awsErrorDetails().errorCode();
    }
    throw new AssertionError("the call succeeded");
  }

  private String createHost(String name, String endpoint, String vpcId) {
    return clients
        .codeStar()
        .createHost(
            b -> {
              b.name(name).providerType("GitHubEnterpriseServer").providerEndpoint(endpoint);
              if (vpcId != null) {
                b.vpcConfiguration(v -> v.vpcId(vpcId).subnetIds(SUBNET).securityGroupIds(GROUP));
              }
            })
        .hostArn();
  }

  private String connectionOn(String hostArn) {
    return clients
        .codeStar()
        .createConnection(b -> b.connectionName("on-host").hostArn(hostArn))
        .connectionArn();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ResourceUnavailableException", "ConflictException", "ValidationException"})
  void deleteHostIsRefusedWhileAConnectionUsesTheHost(String code) {
    if (!code.equals("ResourceUnavailableException")) {
      standIn.rules().deleteHostInUseError(code);
    }
    String host = createHost("h", "https://ghe.example.com", null);
    String connection = connectionOn(host);
    CodeStarConnectionsClient api = clients.codeStar();
    assertThat(errorCode(() -> api.deleteHost(b -> b.hostArn(host)))).isEqualTo(code);
    assertThat(standIn.hosts()).hasSize(1);
    api.deleteConnection(b -> b.connectionArn(connection));
    api.deleteHost(b -> b.hostArn(host));
    assertThat(standIn.hosts()).isEmpty();
  }

  @Test
  void deleteHostIsRefusedWhileItsVpcIsSetUpOrTornDown() {
    String host = createHost("h", "https://ghe.example.com", VPC);
    assertThat(standIn.host(host).status()).isEqualTo("VPC_CONFIG_INITIALIZING");
    CodeStarConnectionsClient api = clients.codeStar();
    assertThat(errorCode(() -> api.deleteHost(b -> b.hostArn(host))))
        .isEqualTo("ResourceUnavailableException");
    standIn.setStatus(host, "VPC_CONFIG_DELETING", null);
    assertThat(errorCode(() -> api.deleteHost(b -> b.hostArn(host))))
        .isEqualTo("ResourceUnavailableException");
  }

  @Test
  void updateHostOnlyWhilePending() {
    String host = createHost("h", "https://ghe.example.com", null);
    standIn.setStatus(host, "AVAILABLE", null);
    assertThat(
            errorCode(
                () ->
                    clients
                        .codeStar()
                        .updateHost(
                            b -> b.hostArn(host).providerEndpoint("https://x.example.com"))))
        .isEqualTo("UnsupportedOperationException");
    assertThat(standIn.host(host).providerEndpoint()).isEqualTo("https://ghe.example.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ValidationException", "ConflictException"})
  void aUrlServesOneHost(String code) {
    standIn.rules().duplicateUrlError(code);
    String first = createHost("first", "https://ghe.example.com", null);
    assertThat(errorCode(() -> createHost("second", "https://ghe.example.com", null)))
        .isEqualTo(code);
    String second = createHost("second", "https://other.example.com", null);
    CodeStarConnectionsClient api = clients.codeStar();
    assertThat(
            errorCode(
                () ->
                    api.updateHost(
                        b -> b.hostArn(second).providerEndpoint("https://ghe.example.com"))))
        .isEqualTo(code);
    // Sending a host its own URL again is no conflict.
    api.updateHost(b -> b.hostArn(first).providerEndpoint("https://ghe.example.com"));
    assertThat(standIn.hosts())
        .extracting(StandInHost::providerEndpoint)
        .containsExactly("https://ghe.example.com", "https://other.example.com");
  }

  @Test
  void oneVpcPerHostOnlyWhenSwitchedOn() {
    createHost("a", "https://a.example.com", VPC);
    createHost("b", "https://b.example.com", VPC);
    standIn.rules().oneVpcPerHost(true, "ConflictException");
    assertThat(errorCode(() -> createHost("c", "https://c.example.com", VPC)))
        .isEqualTo("ConflictException");
    assertThat(standIn.hosts()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(OmittedFields.class)
  void updateHostWithoutAVpcKeepsOrClearsItAsSwitched(OmittedFields omitted) {
    standIn.rules().updateHostOmittedFields(omitted);
    String host = createHost("h", "https://ghe.example.com", VPC);
    standIn.setStatus(host, "PENDING", null);
    clients.codeStar().updateHost(b -> b.hostArn(host).providerEndpoint("https://x.example.com"));
    assertThat(standIn.host(host).vpcId()).isEqualTo(omitted == OmittedFields.KEEP ? VPC : null);
  }

  @Test
  void getHostShowsTheOldStateForSwitchedStaleReads() {
    standIn.rules().staleReadsAfterUpdate(2);
    String host = createHost("h", "https://ghe.example.com", null);
    CodeStarConnectionsClient api = clients.codeStar();
    api.updateHost(b -> b.hostArn(host).providerEndpoint("https://x.example.com"));
    for (String expected :
        List.of("https://ghe.example.com", "https://ghe.example.com", "https://x.example.com")) {
      assertThat(api.getHost(b -> b.hostArn(host)).providerEndpoint()).isEqualTo(expected);
    }
  }

  @Test
  void aStaleReadShowsTheHostAsItWasStatusIncluded() {
    standIn.rules().staleReadsAfterUpdate(1);
    standIn.vpcInitialisationPolls(3);
    String host = createHost("h", "https://ghe.example.com", null);
    CodeStarConnectionsClient api = clients.codeStar();
    api.updateHost(
        b ->
            b.hostArn(host)
                .vpcConfiguration(v -> v.vpcId(VPC).subnetIds(SUBNET).securityGroupIds(GROUP)));
    var stale = api.getHost(b -> b.hostArn(host));
    assertThat(stale.status()).isEqualTo("PENDING");
    assertThat(stale.vpcConfiguration()).isNull();
    var fresh = api.getHost(b -> b.hostArn(host));
    assertThat(fresh.status()).isEqualTo("VPC_CONFIG_INITIALIZING");
    assertThat(fresh.vpcConfiguration().vpcId()).isEqualTo(VPC);
  }

  @Test
  void aVpcHostHoldsItsSecurityGroupsUntilItIsGone() {
    standIn.vpcDeletionPolls(2);
    String host = createHost("h", "https://ghe.example.com", VPC);
    standIn.setStatus(host, "PENDING", null);
    assertThat(standIn.hostsUsingSecurityGroup(GROUP)).containsExactly(host);
    assertThat(standIn.hostsUsingSecurityGroup("sg-0fedcba9876543210")).isEmpty();
    CodeStarConnectionsClient api = clients.codeStar();
    api.deleteHost(b -> b.hostArn(host));
    api.getHost(b -> b.hostArn(host));
    assertThat(standIn.hostsUsingSecurityGroup(GROUP)).containsExactly(host);
    api.getHost(b -> b.hostArn(host));
    assertThat(standIn.hostsUsingSecurityGroup(GROUP)).isEmpty();
  }

  @Test
  void azureDevOpsIsOnlyInTheCodeConnectionsModel() {
    String arn =
        clients
            .codeConnections()
            .createConnection(b -> b.connectionName("ado").providerType("AzureDevOps"))
            .connectionArn();
    assertThat(arn).startsWith("arn:aws:codeconnections:");
    assertThat(standIn.violations()).isEmpty();
    assertThat(
            errorCode(
                () ->
                    clients
                        .codeStar()
                        .createConnection(
                            b -> b.connectionName("ado").providerType("AzureDevOps"))))
        .isEqualTo("ValidationException");
    assertThat(standIn.violations()).singleElement().asString().contains("AzureDevOps");
    assertThat(standIn.connections()).extracting(StandInConnection::arn).containsExactly(arn);
  }
}
