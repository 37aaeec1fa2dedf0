package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.StandInContractTest.GROUP;
import static io.github.codestarconnections.test.handler.StandInContractTest.SUBNET;
import static io.github.codestarconnections.test.handler.StandInContractTest.VPC;
import static io.github.codestarconnections.test.handler.StandInContractTest.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.test.conformance.ReferenceData;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.PolicyStatement;
import io.github.codestarconnections.test.standin.StandInClients;
import io.github.codestarconnections.test.standin.StandInConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;
import software.amazon.awssdk.services.codestarconnections.model.Connection;
import software.amazon.awssdk.services.codestarconnections.model.Tag;

/**
 * The stand-in's connections and its IAM check: what the harness and the handler rely on when they
 * make connections, list them per host, and call with a role's rights.
 */
class StandInAccountContractTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/handler";

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

  private String host(String name, String endpoint) {
    return clients
        .codeStar()
        .createHost(b -> b.name(name).providerType("GitLabSelfManaged").providerEndpoint(endpoint))
        .hostArn();
  }

  @Test
  void aConnectionStartsPendingAndTakesItsHostsType() {
    String host = host("gl", "https://gitlab.example.com");
    CodeStarConnectionsClient api = clients.codeStar();
    String arn =
        api.createConnection(
                b ->
                    b.connectionName("c")
                        .hostArn(host)
                        .tags(Tag.builder().key("k").value("v").build()))
            .connectionArn();
    Connection c = api.getConnection(b -> b.connectionArn(arn)).connection();
    assertThat(c.connectionStatusAsString()).isEqualTo("PENDING");
    assertThat(c.providerTypeAsString()).isEqualTo("GitLabSelfManaged");
    assertThat(c.hostArn()).isEqualTo(host);
    assertThat(api.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .singleElement()
        .satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("k=v"));
    api.untagResource(b -> b.resourceArn(arn).tagKeys("k"));
    assertThat(standIn.connections())
        .singleElement()
        .satisfies(s -> assertThat(s.tags()).isEmpty());
    api.deleteConnection(b -> b.connectionArn(arn));
    assertThat(standIn.connections()).isEmpty();
    assertThat(errorCode(() -> api.getConnection(b -> b.connectionArn(arn))))
        .isEqualTo("ResourceNotFoundException");
  }

  @Test
  void aConnectionNeedsAnExistingHostOfItsTargetsNamespace() {
    String ccHost =
        clients
            .codeConnections()
            .createHost(
                b ->
                    b.name("cc")
                        .providerType("GitHubEnterpriseServer")
                        .providerEndpoint("https://ghe.example.com"))
            .hostArn();
    String gone = ccHost.replace("codeconnections", "codestar-connections") + "0";
    assertThat(
            errorCode(
                () ->
                    clients.codeStar().createConnection(b -> b.connectionName("x").hostArn(gone))))
        .isEqualTo("ResourceNotFoundException");
    // The codestar-connections model's HostArn pattern names its own service only.
    assertThat(
            errorCode(
                () ->
                    clients
                        .codeStar()
                        .createConnection(b -> b.connectionName("x").hostArn(ccHost))))
        .isEqualTo("ValidationException");
    assertThat(standIn.violations()).singleElement().asString().contains("HostArn");
    clients.codeConnections().createConnection(b -> b.connectionName("x").hostArn(ccHost));
    assertThat(standIn.connections())
        .extracting(StandInConnection::hostArn)
        .containsExactly(ccHost);
  }

  @Test
  void listConnectionsFiltersByHostAndTypeAndPagesAcrossBothNamespaces() {
    standIn.pageSize(1);
    String a = host("a", "https://a.example.com");
    String b = host("b", "https://b.example.com");
    CodeConnectionsClient cc = clients.codeConnections();
    CodeStarConnectionsClient cs = clients.codeStar();
    cs.createConnection(r -> r.connectionName("a1").hostArn(a));
    cc.createConnection(r -> r.connectionName("a2").hostArn(a));
    cs.createConnection(r -> r.connectionName("b1").hostArn(b));
    cc.createConnection(r -> r.connectionName("gh").providerType("GitHub"));
    List<String> onA = new ArrayList<>();
    cs.listConnectionsPaginator(r -> r.hostArnFilter(a))
        .forEach(page -> page.connections().forEach(c -> onA.add(c.connectionName())));
    assertThat(onA).containsExactly("a1", "a2");
    assertThat(standIn.callCount("ListConnections")).isEqualTo(2);
    List<String> github = new ArrayList<>();
    cc.listConnectionsPaginator(r -> r.providerTypeFilter("GitHub").maxResults(10))
        .forEach(page -> page.connections().forEach(c -> github.add(c.connectionName())));
    assertThat(github).containsExactly("gh");
    assertThat(standIn.violations()).isEmpty();
  }

  @Test
  void connectionNamesAreUniqueInTheAccountAcrossNamespacesUnlessSwitchedOff() {
    CodeStarConnectionsClient api = clients.codeStar();
    api.createConnection(b -> b.connectionName("same").providerType("GitHub"));
    assertThat(
            errorCode(
                () ->
                    clients
                        .codeConnections()
                        .createConnection(b -> b.connectionName("same").providerType("GitHub"))))
        .isEqualTo("ValidationException");
    assertThat(standIn.connections()).hasSize(1);
    standIn.rules().uniqueConnectionNames(false);
    api.createConnection(b -> b.connectionName("same").providerType("GitHub"));
    assertThat(standIn.connections()).hasSize(2);
  }

  // ---- IAM -------------------------------------------------------------------------------------

  @Test
  void aPrincipalMayDoOnlyWhatItsStatementsAllowOnTheirResources() {
    String host = host("gl", "https://gitlab.example.com");
    try (StandInClients role = new StandInClients(standIn, ROLE)) {
      assertThat(errorCode(() -> role.codeStar().getHost(b -> b.hostArn(host))))
          .isEqualTo("AccessDeniedException");
      standIn.allow(
          ROLE,
          List.of(
              PolicyStatement.allow(
                  List.of("codestar-connections:Get*"),
                  List.of("arn:aws:codestar-connections:us-east-1:123456789012:host/*")),
              PolicyStatement.allow(List.of("codestar-connections:ListHosts"), List.of("*"))));
      assertThat(role.codeStar().getHost(b -> b.hostArn(host)).name()).isEqualTo("gl");
      assertThat(role.codeStar().listHosts(b -> {}).hosts()).hasSize(1);
      // Another action, another namespace's prefix, or another namespace's host: denied.
      assertThat(errorCode(() -> role.codeStar().deleteHost(b -> b.hostArn(host))))
          .isEqualTo("AccessDeniedException");
      assertThat(errorCode(() -> role.codeConnections().getHost(b -> b.hostArn(host))))
          .isEqualTo("AccessDeniedException");
      String ccHost =
          clients
              .codeConnections()
              .createHost(
                  b ->
                      b.name("cc")
                          .providerType("GitHubEnterpriseServer")
                          .providerEndpoint("https://ghe.example.com"))
              .hostArn();
      standIn.allow(
          ROLE,
          List.of(
              PolicyStatement.allow(
                  List.of("codeconnections:ListTagsForResource"),
                  List.of("arn:aws:codeconnections:us-east-1:123456789012:host/*"))));
      role.codeConnections().listTagsForResource(b -> b.resourceArn(ccHost));
      assertThat(
              errorCode(() -> role.codeConnections().listTagsForResource(b -> b.resourceArn(host))))
          .isEqualTo("AccessDeniedException");
    }
    assertThat(standIn.violations()).isEmpty();
  }

  @Test
  void aVpcHostNeedsTheCallersEc2RightsToBeMadeAndDeleted() {
    List<PolicyStatement> hostsOnly =
        List.of(PolicyStatement.allow(List.of("codestar-connections:*"), List.of("*")));
    List<PolicyStatement> withEc2 = new ArrayList<>(hostsOnly);
    withEc2.add(
        PolicyStatement.allow(
            List.of("ec2:Create*", "ec2:Delete*", "ec2:ModifyVpcEndpoint"),
            List.of("arn:aws:ec2:us-east-1:123456789012:*")));
    withEc2.add(PolicyStatement.allow(List.of("ec2:Describe*"), List.of("*")));
    standIn.allow(ROLE, hostsOnly);
    try (StandInClients role = new StandInClients(standIn, ROLE)) {
      CodeStarConnectionsClient api = role.codeStar();
      Runnable create =
          () ->
              api.createHost(
                  b ->
                      b.name("vpc")
                          .providerType("GitHubEnterpriseServer")
                          .providerEndpoint("https://ghe.example.com")
                          .vpcConfiguration(
                              v -> v.vpcId(VPC).subnetIds(SUBNET).securityGroupIds(GROUP)));
      assertThat(errorCode(create)).isEqualTo("AccessDeniedException");
      assertThat(standIn.hosts()).isEmpty();
      standIn.allow(ROLE, withEc2);
      create.run();
      String arn = standIn.hosts().get(0).arn();
      standIn.setStatus(arn, "PENDING", null);
      standIn.allow(ROLE, hostsOnly);
      assertThat(errorCode(() -> api.deleteHost(b -> b.hostArn(arn))))
          .isEqualTo("AccessDeniedException");
      // A host without a VPC needs no EC2 rights.
      api.createHost(
          b ->
              b.name("plain")
                  .providerType("GitHubEnterpriseServer")
                  .providerEndpoint("https://plain.example.com"));
      api.deleteHost(b -> b.hostArn(standIn.hosts().get(1).arn()));
      assertThat(standIn.hosts()).hasSize(1);
    }
  }

  @Test
  void theEc2RightsAreTheRegistrySchemasHandlerPermissions() throws Exception {
    Path schema =
        ReferenceData.require(
            "cfn-schemas/aws-codeconnections-host.json",
            "the stand-in's EC2 rights against the registry schema's handler permissions");
    JsonNode handlers = new ObjectMapper().readTree(schema.toFile()).path("handlers");
    Map<String, List<String>> copied = CodeStarConnectionsStandIn.vpcPermissions();
    copied.forEach(
        (handler, actions) -> {
          TreeSet<String> ec2 = new TreeSet<>();
          handlers
              .path(handler)
              .path("permissions")
              .forEach(
                  p -> {
                    if (p.asText().startsWith("ec2:")) {
                      ec2.add(p.asText());
                    }
                  });
          assertThat(new TreeSet<>(actions)).as(handler).isEqualTo(ec2);
        });
  }
}
