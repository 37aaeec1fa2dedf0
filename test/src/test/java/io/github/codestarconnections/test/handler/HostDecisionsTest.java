package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.HostProperties.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.Placeholder;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.handler.CloudFormationPlayer.Result;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.PolicyStatement;
import io.github.codestarconnections.test.standin.StandInClients;
import io.github.codestarconnections.test.standin.StandInHost;
import io.github.codestarconnections.test.standin.StandInRules.OmittedFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each decision of the handler (issue 10), one event at a time against the stand-in: what it calls,
 * what it leaves in the account. The stack-level sequences are in the lifecycle scenarios.
 */
class HostDecisionsTest {
  private static final String VPC = "vpc-0123456789abcdef0";
  private static final String SUBNET = "subnet-0123456789abcdef0";
  private static final String GROUP = "sg-0123456789abcdef0";

  private CodeStarConnectionsStandIn standIn;
  private StandInClients clients;
  private CloudFormationPlayer cfn;

  @BeforeEach
  void start() {
    standIn = CodeStarConnectionsStandIn.start();
    clients = new StandInClients(standIn);
    cfn = new CloudFormationPlayer(clients.hostApi(Namespace.CODESTAR_CONNECTIONS));
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

  // ---- Create ----------------------------------------------------------------------------------

  /** Item 4: throttling is no count of attempts; the budget decides. */
  @Test
  void throttledCreateHostIsRetriedPastThreeAttempts() {
    standIn.fault("CreateHost", Fault.THROTTLE, 5);
    Result r = cfn.create(host("patient").build());
    assertThat(standIn.callCount("CreateHost")).isEqualTo(6);
    assertThat(standIn.host(r.physicalResourceId()).tags()).isEmpty();
  }

  /** Item 11: the create marker is there until the host is ready, then gone. */
  @Test
  void theCreateMarkerIsRemovedOnceTheHostIsReadyAndRetriedIfThatFails() {
    Map<String, Object> event = CloudFormationPlayer.createEvent(host("h").tags("a", "1").build());
    Map<String, Object> answer = cfn.onEvent(event);
    String arn = (String) answer.get("PhysicalResourceId");
    assertThat(standIn.host(arn).tags())
        .containsEntry(
            MarkerTag.KEY,
            MarkerTag.value(
                MarkerTag.KEY,
                new MarkerTag.Writer(
                    CloudFormationPlayer.STACK_ID, "Host1A2B3C4D", (String) event.get("RequestId")),
                null));
    standIn.fault("UntagResource", Fault.THROTTLE, 4);
    Result r = cfn.pollUntilComplete(event, answer);
    assertThat(r.polls()).isEqualTo(2);
    assertThat(standIn.host(arn).tags()).isEqualTo(Map.of("a", "1"));
  }

  /** Item 6: a codeconnections create never reads the tags of codestar-connections hosts. */
  @Test
  void aCreateLooksForItsOwnHostInItsOwnNamespaceOnly() {
    CloudFormationPlayer cc = new CloudFormationPlayer(clients.hostApi(Namespace.CODECONNECTIONS));
    Map<String, Object> event = CloudFormationPlayer.createEvent(host("twin").build());
    String other =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "twin",
            "GitHubEnterpriseServer",
            "https://ghe.example.com",
            Map.of(MarkerTag.KEY, (String) event.get("RequestId")));
    assertThatThrownBy(() -> cc.run(event))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("is used by host 'twin' (" + other + ")")
        .hasMessageContaining("Nothing was changed");
    assertThat(standIn.callCount("ListTagsForResource")).isZero();
    assertThat(standIn.callCount("CreateHost")).isZero();
  }

  /**
   * Item 3: when CreateHost's outcome stays unknown, onEvent answers a placeholder; isComplete
   * finds the host by its marker once the service lists it and answers its ARN.
   */
  @Test
  void anUnknownCreateOutcomeIsAPlaceholderThatIsCompleteResolves() {
    standIn.rules().newHostsUnlistedByListHosts(20);
    standIn.fault("CreateHost", Fault.LOST_RESPONSE, 1);
    standIn.fault("CreateHost", Fault.SERVER_ERROR, 1000);
    Map<String, Object> event = CloudFormationPlayer.createEvent(host("late").build());
    Map<String, Object> answer = cfn.onEvent(event);
    assertThat(answer.get("PhysicalResourceId"))
        .isEqualTo(Placeholder.of((String) event.get("RequestId")));
    Result r = cfn.pollUntilComplete(event, answer);
    String arn = standIn.hosts().get(0).arn();
    assertThat(r.physicalResourceId()).isEqualTo(arn);
    assertThat(r.data()).containsEntry("HostArn", arn);
    assertThat(standIn.host(arn).tags()).isEmpty();
  }

  /** Item 3 and 10: a Delete of a placeholder deletes the host its marker finds, props or not. */
  @Test
  void aDeleteOfAPlaceholderDeletesTheHostItsMarkerFinds() {
    String other =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "h",
            "GitHubEnterpriseServer",
            "https://x.example.com",
            Map.of());
    String mine =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "h",
            "GitHubEnterpriseServer",
            "https://ghe.example.com",
            Map.of(MarkerTag.KEY, "request-1"));
    Result r = cfn.delete(Placeholder.of("request-1"), null);
    assertThat(r.physicalResourceId()).isEqualTo(Placeholder.of("request-1"));
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(other);
    assertThat(mine).isNotEqualTo(other);
  }

  /**
   * Item 14: with the roles scoped to the stack's host names, a placeholder's Delete (no
   * properties: every host of the namespace is a candidate) passes over hosts whose tags the role
   * may not read, and finds its own.
   */
  @Test
  void aMarkerLookUpPassesOverHostsWhoseTagsTheRoleMayNotRead() {
    String foreign =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "foreign",
            "GitHubEnterpriseServer",
            "https://foreign.example.com",
            Map.of());
    String mine =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "own",
            "GitHubEnterpriseServer",
            "https://own.example.com",
            Map.of(MarkerTag.KEY, "request-1"));
    String role = "arn:aws:iam::123456789012:role/scoped";
    String hosts = "arn:aws:codestar-connections:us-east-1:123456789012:host/";
    standIn.allow(
        role,
        List.of(
            PolicyStatement.allow(
                List.of("codestar-connections:ListHosts", "codestar-connections:ListConnections"),
                List.of("*")),
            PolicyStatement.allow(
                List.of("codestar-connections:GetHost", "codestar-connections:DeleteHost"),
                List.of(hosts + "*")),
            PolicyStatement.allow(
                List.of(
                    "codestar-connections:ListTagsForResource",
                    "codestar-connections:UntagResource"),
                List.of(hosts + "own-*"))));
    try (StandInClients scoped = new StandInClients(standIn, role)) {
      new CloudFormationPlayer(scoped.hostApi(Namespace.CODESTAR_CONNECTIONS))
          .delete(Placeholder.of("request-1"), null);
    }
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(foreign);
    assertThat(mine).isNotEqualTo(foreign);
  }

  /** Item 10: a Delete without ResourceProperties works. */
  @Test
  void aDeleteWithoutResourcePropertiesWorks() {
    String arn = cfn.create(host("h").build()).physicalResourceId();
    cfn.delete(arn, null);
    assertThat(standIn.hosts()).isEmpty();
  }

  // ---- Update ----------------------------------------------------------------------------------

  /** Fact (b): UpdateHost is sent the whole configuration, whatever it does with the rest. */
  @Test
  void anEndpointChangeSendsTheVpcToo() {
    standIn.rules().updateHostOmittedFields(OmittedFields.CLEAR);
    Map<String, Object> v1 = host("h").vpc(VPC, SUBNET, GROUP).build();
    String arn = cfn.create(v1).physicalResourceId();
    cfn.update(
        arn, v1, host("h").vpc(VPC, SUBNET, GROUP).endpoint("https://x.example.com").build());
    assertThat(standIn.host(arn).vpcId()).isEqualTo(VPC);
    assertThat(standIn.host(arn).providerEndpoint()).isEqualTo("https://x.example.com");
  }

  /** Fact (c): isComplete waits until GetHost shows the change. */
  @Test
  void isCompleteWaitsUntilGetHostShowsTheChange() {
    Map<String, Object> v1 = host("h").build();
    String arn = cfn.create(v1).physicalResourceId();
    standIn.rules().staleReadsAfterUpdate(3);
    Result r = cfn.update(arn, v1, host("h").endpoint("https://x.example.com").build());
    assertThat(r.polls()).isEqualTo(4);
  }

  /** Item 12: a new host GetHost does not see yet, after a replacing Update, is waited for. */
  @Test
  void aReplacingUpdateWaitsForGetHostToSeeTheNewHost() {
    Map<String, Object> v1 = host("h").build();
    String arn = cfn.create(v1).physicalResourceId();
    standIn.rules().newHostsUnseenByGetHost(2);
    Result r = cfn.update(arn, v1, host("h2").endpoint("https://x.example.com").build());
    assertThat(r.physicalResourceId()).isNotEqualTo(arn);
    assertThat(r.polls()).isEqualTo(3);
    // The replaced host is marked, as this stack's resource's, until CloudFormation deletes it.
    assertThat(
            MarkerTag.writtenBy(
                MarkerTag.REPLACED_BY,
                standIn.host(arn).tags().get(MarkerTag.REPLACED_BY),
                CloudFormationPlayer.STACK_ID,
                "Host1A2B3C4D",
                null))
        .isPresent();
  }

  /** Item 2: the rollback of a completed replacement goes back to the original host. */
  @Test
  void theRollbackOfAReplacementReturnsTheOriginalHost() {
    Map<String, Object> v1 = host("h").tags("team", "ci").build();
    String original = cfn.create(v1).physicalResourceId();
    Map<String, Object> v2 =
        host("h2").tags("team", "ci").endpoint("https://x.example.com").build();
    String replacement = cfn.update(original, v1, v2).physicalResourceId();
    standIn.resetCounts();
    Result back = cfn.update(replacement, v2, v1);
    assertThat(back.physicalResourceId()).isEqualTo(original);
    assertThat(standIn.callCount("CreateHost")).isZero();
    assertThat(standIn.host(original).tags()).isEqualTo(Map.of("team", "ci"));
  }

  /**
   * An Update whose physical id is a placeholder answers the host's ARN, and takes the create
   * marker off it, so that CloudFormation's Delete of the placeholder then finds nothing to delete.
   */
  @Test
  void anUpdateOfAPlaceholderSettlesItsHost() {
    String arn =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "h",
            "GitHubEnterpriseServer",
            "https://ghe.example.com",
            Map.of(MarkerTag.KEY, "request-1"));
    Map<String, Object> v1 = host("h").build();
    Result r = cfn.update(Placeholder.of("request-1"), v1, host("h").tags("a", "1").build());
    assertThat(r.physicalResourceId()).isEqualTo(arn);
    assertThat(standIn.host(arn).tags()).isEqualTo(Map.of("a", "1"));
    cfn.delete(Placeholder.of("request-1"), v1);
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(arn);
  }

  /** A rollback that finds the host already as wanted changes nothing and never fails. */
  @Test
  void aRollbackOfARefusedUpdateOfAnAvailableHostWritesNothing() {
    Map<String, Object> v1 = host("h").build();
    String arn = cfn.create(v1).physicalResourceId();
    standIn.setStatus(arn, "AVAILABLE", null);
    Map<String, Object> v2 = host("h").endpoint("https://x.example.com").build();
    assertThatThrownBy(() -> cfn.update(arn, v1, v2)).hasMessageContaining("PENDING");
    standIn.resetCounts();
    cfn.update(arn, v2, v1);
    assertThat(standIn.callCount("UpdateHost") + standIn.callCount("TagResource")).isZero();
  }

  /** Fact (a): a rename keeping the URL is refused before anything is touched. */
  @Test
  void aRenameKeepingTheUrlIsRefusedWithoutATouch() {
    Map<String, Object> v1 = host("h").build();
    String arn = cfn.create(v1).physicalResourceId();
    standIn.resetCounts();
    assertThatThrownBy(() -> cfn.update(arn, v1, host("h2").build()))
        .hasMessageContaining("Change providerEndpoint together with it")
        .hasMessageContaining("removalPolicy DESTROY");
    assertThat(standIn.callCount("CreateHost") + standIn.callCount("TagResource")).isZero();
    assertThat(standIn.host(arn).tags()).isEmpty();
  }

  @Test
  void removingAVpcIsRefusedWithoutATouchButItsRollbackOfAnAdditionKeepsIt() {
    Map<String, Object> none = host("h").build();
    Map<String, Object> withVpc = host("h").vpc(VPC, SUBNET, GROUP).build();
    String arn = cfn.create(none).physicalResourceId();
    cfn.update(arn, none, withVpc);
    // The rollback of that addition: kept, rollback done.
    cfn.update(arn, withVpc, none);
    assertThat(standIn.host(arn).vpcId()).isEqualTo(VPC);
    assertThat(standIn.host(arn).tags()).isEmpty();
    // A deliberate removal later: refused.
    standIn.resetCounts();
    assertThatThrownBy(() -> cfn.update(arn, withVpc, none))
        .hasMessageContaining("UpdateHost cannot remove a host's VPC")
        .hasMessageContaining("removalPolicy DESTROY")
        .hasMessageContaining("Removing a VPC from a host");
    assertThat(standIn.callCount("UpdateHost") + standIn.callCount("CreateHost")).isZero();
  }

  // ---- Delete ----------------------------------------------------------------------------------

  /**
   * Item 8: connections on the host keep the Delete waiting a bounded time (they may be on their
   * way out in the same cleanup), then fail it naming them, whatever DeleteHost's refusal code.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"ResourceUnavailableException", "ConflictException", "ValidationException"})
  void aHostInUseFailsItsDeleteNamingTheConnectionsAfterAWait(String code) {
    standIn.rules().deleteHostInUseError(code);
    Map<String, Object> v1 = host("h").build();
    String arn = cfn.create(v1).physicalResourceId();
    String connection =
        clients
            .codeStar()
            .createConnection(b -> b.connectionName("on-h").hostArn(arn))
            .connectionArn();
    standIn.fault("ListConnections", Fault.THROTTLE, 4);
    assertThatThrownBy(() -> cfn.delete(arn, v1))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("on-h (" + connection + ")")
        .hasMessageContaining("removalPolicy DESTROY");
    assertThat(cfn.log()).contains("waiting for 1 connection(s) on the host to be deleted");
    assertThat(standIn.hosts()).hasSize(1);
  }

  /** Item 8: a connection deleted while the Delete waits lets the host go. */
  @Test
  void aConnectionDeletedWhileTheDeleteWaitsLetsTheHostGo() {
    Map<String, Object> v1 = host("h").build();
    String arn = cfn.create(v1).physicalResourceId();
    String connection =
        clients
            .codeStar()
            .createConnection(b -> b.connectionName("on-h").hostArn(arn))
            .connectionArn();
    Map<String, Object> delete = CloudFormationPlayer.deleteEvent(arn, v1);
    Map<String, Object> first = cfn.onEvent(delete);
    assertThat(standIn.callCount("DeleteHost")).isZero();
    clients.codeStar().deleteConnection(b -> b.connectionArn(connection));
    cfn.pollUntilComplete(delete, first);
    assertThat(standIn.hosts()).isEmpty();
  }
}
