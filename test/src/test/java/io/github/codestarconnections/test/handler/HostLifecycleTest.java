package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.HostProperties.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.handler.CloudFormationPlayer.Result;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.StandInClients;
import io.github.codestarconnections.test.standin.StandInHost;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host handler's whole lifecycle against the stand-in, through the real SDK clients, for both
 * namespaces. Every test ends by checking that no request broke the service model.
 */
class HostLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  private CloudFormationPlayer cloudFormation(Namespace ns) {
    return new CloudFormationPlayer(clients.hostApi(ns));
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void wholeLifecycle(Namespace ns) throws Exception {
    CloudFormationPlayer cfn = cloudFormation(ns);
    Map<String, Object> v1 = host("ghe").tags("team", "ci", "env", "test").build();

    Map<String, Object> createEvent = CloudFormationPlayer.createEvent(v1);
    Result created = cfn.run(createEvent);
    String arn = created.physicalResourceId();
    assertThat(arn).startsWith("arn:aws:" + ns.arnService() + ":us-east-1:123456789012:host/");
    assertThat(created.data())
        .containsEntry("HostArn", arn)
        .containsEntry("Status", "PENDING")
        .containsEntry("Name", "ghe");
    // Once the create is settled, the host carries exactly the user's tags (the create marker is
    // gone, issue 10 item 11).
    assertThat(standIn.host(arn).tags()).isEqualTo(Map.of("team", "ci", "env", "test"));
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);

    // Endpoint change: in place.
    Map<String, Object> v2 =
        host("ghe").tags("team", "ci", "env", "test").endpoint("https://ghe2.example.com").build();
    standIn.resetCounts();
    Result endpointUpdated = cfn.update(arn, v1, v2);
    assertThat(endpointUpdated.physicalResourceId()).isEqualTo(arn);
    assertThat(standIn.callCount("UpdateHost")).isEqualTo(1);
    assertThat(standIn.callCount("CreateHost")).isZero();
    assertThat(standIn.host(arn).providerEndpoint()).isEqualTo("https://ghe2.example.com");

    // VPC added: in place, waits out VPC_CONFIG_INITIALIZING.
    standIn.vpcInitialisationPolls(3);
    Map<String, Object> v3 =
        host("ghe")
            .tags("team", "ci", "env", "test")
            .endpoint("https://ghe2.example.com")
            .vpc("vpc-0123456789abcdef0", "subnet-0123456789abcdef0", "sg-0123456789abcdef0")
            .build();
    Result vpcUpdated = cfn.update(arn, v2, v3);
    assertThat(vpcUpdated.physicalResourceId()).isEqualTo(arn);
    assertThat(vpcUpdated.polls()).isEqualTo(4);
    assertThat(vpcUpdated.data()).containsEntry("Status", "PENDING");
    assertThat(standIn.host(arn).vpcId()).isEqualTo("vpc-0123456789abcdef0");

    // Rename: replacement, then CloudFormation deletes the old host. The new host needs a URL of
    // its own while the old one exists ("You cannot use the same URL for more than one host").
    standIn.vpcInitialisationPolls(1);
    Map<String, Object> v4 =
        host("ghe-renamed")
            .tags("team", "ci", "env", "test")
            .endpoint("https://ghe3.example.com")
            .vpc("vpc-0123456789abcdef0", "subnet-0123456789abcdef0", "sg-0123456789abcdef0")
            .build();
    Result renamed = cfn.update(arn, v3, v4);
    String newArn = renamed.physicalResourceId();
    assertThat(newArn).isNotEqualTo(arn);
    assertThat(renamed.data())
        .containsEntry("Name", "ghe-renamed")
        .containsEntry("HostArn", newArn);
    assertThat(standIn.hosts()).hasSize(2);
    cfn.delete(arn, v3);
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(newArn);

    // Tags: one changed, one removed, one added; the marker stays.
    Map<String, Object> v5 =
        host("ghe-renamed")
            .tags("team", "platform", "cost", "42")
            .endpoint("https://ghe3.example.com")
            .vpc("vpc-0123456789abcdef0", "subnet-0123456789abcdef0", "sg-0123456789abcdef0")
            .build();
    standIn.resetCounts();
    cfn.update(newArn, v4, v5);
    assertThat(standIn.callCount("TagResource")).isEqualTo(1);
    assertThat(standIn.callCount("UntagResource")).isEqualTo(1);
    assertThat(standIn.callCount("UpdateHost")).isZero();
    assertThat(standIn.host(newArn).tags()).isEqualTo(Map.of("team", "platform", "cost", "42"));

    // Nothing changed: onEvent reads the live host and its tags, isComplete reads it for Data and
    // its tags for markers to settle; nothing is written.
    standIn.resetCounts();
    Result same = cfn.update(newArn, v5, v5);
    assertThat(same.data()).containsEntry("Status", "PENDING");
    assertThat(standIn.callCount("GetHost")).isEqualTo(2);
    assertThat(standIn.callCount("ListTagsForResource")).isEqualTo(2);
    assertThat(standIn.totalCalls()).isEqualTo(4);

    // Delete, then delete again.
    cfn.delete(newArn, v5);
    assertThat(standIn.hosts()).isEmpty();
    standIn.resetCounts();
    cfn.delete(newArn, v5);
    assertThat(standIn.callCount("DeleteHost")).isEqualTo(1);

    // One JSON object per line, naming the calls, never the certificate.
    for (String line : cfn.log().split("\n")) {
      JsonNode node = JSON.readTree(line);
      assertThat(node.has("requestType")).as(line).isTrue();
      assertThat(node.has("calls")).as(line).isTrue();
      assertThat(node.has("outcome")).as(line).isTrue();
    }
    assertThat(cfn.log()).contains("\"CreateHost\"").doesNotContain(HostProperties.TLS_BODY);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void waitsOutVpcInitialisationOverSeveralPolls(Namespace ns) {
    standIn.vpcInitialisationPolls(5);
    Result r =
        cloudFormation(ns)
            .create(host("vpc-host").vpc("vpc-0123abcd", "subnet-0123abcd", "sg-0123abcd").build());
    assertThat(r.polls()).isEqualTo(6);
    assertThat(r.data()).containsEntry("Status", "PENDING");
    assertThat(standIn.callCount("GetHost")).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void failedVpcInitialisationFailsWithTheServiceMessage(Namespace ns) {
    standIn.vpcInitialisationPolls(2);
    standIn.failNextVpcInitialisation("Subnet subnet-0123abcd has no route to ghe.example.com");
    assertThatThrownBy(
            () ->
                cloudFormation(ns)
                    .create(
                        host("doomed")
                            .vpc("vpc-0123abcd", "subnet-0123abcd", "sg-0123abcd")
                            .build()))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("Host 'doomed' (arn:aws:" + ns.arnService())
        .hasMessageContaining("VPC_CONFIG_FAILED_INITIALIZATION")
        .hasMessageContaining("Subnet subnet-0123abcd has no route to ghe.example.com")
        .hasMessageContaining("fix the network or VpcConfiguration and deploy again");
    assertThat(standIn.callCount("ListHosts")).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void throttlingAndServerErrorsAreRetried(Namespace ns) {
    standIn.fault("ListHosts", Fault.THROTTLE, 2);
    standIn.fault("CreateHost", Fault.THROTTLE, 1);
    standIn.fault("CreateHost", Fault.SERVER_ERROR, 1);
    standIn.fault("GetHost", Fault.SERVER_ERROR, 2);
    standIn.fault("GetHost", Fault.THROTTLE, 1);
    Result r = cloudFormation(ns).create(host("flaky").build());
    assertThat(r.data()).containsEntry("Status", "PENDING");
    assertThat(standIn.hosts()).hasSize(1);
    assertThat(standIn.callCount("CreateHost")).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void persistentThrottlingDuringIsCompleteKeepsWaiting(Namespace ns) {
    standIn.fault("GetHost", Fault.THROTTLE, 6);
    Result r = cloudFormation(ns).create(host("patient").build());
    // Four attempts in the first poll are all throttled: "not yet", not a failure.
    assertThat(r.polls()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void busyHostIsDeletedOnceItSettles(Namespace ns) {
    CloudFormationPlayer cfn = cloudFormation(ns);
    Map<String, Object> props =
        host("busy").vpc("vpc-0123abcd", "subnet-0123abcd", "sg-0123abcd").build();
    String arn = cfn.create(props).physicalResourceId();
    standIn.scriptStatuses(arn, "VPC_CONFIG_INITIALIZING", "VPC_CONFIG_INITIALIZING", "PENDING");
    standIn.vpcDeletionPolls(2);
    Result deleted = cfn.delete(arn, props);
    assertThat(standIn.hosts()).isEmpty();
    assertThat(standIn.callCount("DeleteHost")).isEqualTo(2);
    assertThat(deleted.polls()).isEqualTo(6);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void lostCreateResponseAdoptsTheHostInsteadOfMakingASecond(Namespace ns) {
    standIn.pageSize(1);
    standIn.seedHost(ns, "other", "GitLabSelfManaged", "https://gitlab.example.com", Map.of());
    standIn.fault("CreateHost", Fault.LOST_RESPONSE, 1);
    Result r = cloudFormation(ns).create(host("lost").build());
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
    assertThat(standIn.hosts()).extracting(StandInHost::name).containsExactly("other", "lost");
    assertThat(r.physicalResourceId()).isEqualTo(standIn.hosts().get(1).arn());
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void retriedCreateInvocationAdoptsTheSameHost(Namespace ns) {
    CloudFormationPlayer cfn = cloudFormation(ns);
    Map<String, Object> event = CloudFormationPlayer.createEvent(host("twice").build());
    Map<String, Object> first = cfn.onEvent(event);
    Map<String, Object> second = cfn.onEvent(event);
    assertThat(second.get("PhysicalResourceId")).isEqualTo(first.get("PhysicalResourceId"));
    assertThat(standIn.hosts()).hasSize(1);
    assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void neverAdoptsAHostWithoutOurMarker(Namespace ns) {
    Map<String, Object> event = CloudFormationPlayer.createEvent(host("twin").build());
    String foreign =
        standIn.seedHost(ns, "twin", "GitHubEnterpriseServer", "https://ghe.example.com", Map.of());
    String otherRequest =
        standIn.seedHost(
            ns,
            "twin",
            "GitHubEnterpriseServer",
            "https://ghe.example.com",
            Map.of(MarkerTag.KEY, "another-request-id"));
    // Neither is adopted; and since a URL serves one host, no new host is made either.
    assertThatThrownBy(() -> cloudFormation(ns).run(event))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining(foreign);
    assertThat(standIn.hosts()).extracting(StandInHost::arn).containsExactly(foreign, otherRequest);
    assertThat(standIn.host(foreign).tags()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void unknownStatusKeepsWaiting(Namespace ns) {
    CloudFormationPlayer cfn = cloudFormation(ns);
    Map<String, Object> event = CloudFormationPlayer.createEvent(host("novel").build());
    Map<String, Object> first = cfn.onEvent(event);
    standIn.scriptStatuses(
        (String) first.get("PhysicalResourceId"),
        "QUANTUM_ENTANGLING",
        "QUANTUM_ENTANGLING",
        "AVAILABLE");
    Result r = cfn.pollUntilComplete(event, first);
    assertThat(r.polls()).isEqualTo(3);
    assertThat(r.data()).containsEntry("Status", "AVAILABLE");
    assertThat(cfn.log()).contains("unknown status QUANTUM_ENTANGLING");
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void updateOfAnAvailableHostFailsWithWhatToDoAndRollbackSucceeds(Namespace ns) {
    CloudFormationPlayer cfn = cloudFormation(ns);
    Map<String, Object> v1 = host("live").build();
    String arn = cfn.create(v1).physicalResourceId();
    standIn.setStatus(arn, "AVAILABLE", null);
    Map<String, Object> v2 = host("live").endpoint("https://elsewhere.example.com").build();
    assertThatThrownBy(() -> cfn.update(arn, v1, v2))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("Host 'live' (" + arn + ")")
        .hasMessageContaining("UpdateHost failed with UNSUPPORTED")
        .hasMessageContaining("only while a host is PENDING; this host is AVAILABLE")
        .hasMessageContaining("change the host's Name")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThanOrEqualTo(1000));
    assertThat(standIn.host(arn).providerEndpoint()).isEqualTo("https://ghe.example.com");
    // CloudFormation's rollback swaps the properties; the host already matches, so it succeeds.
    Result rolledBack = cfn.update(arn, v2, v1);
    assertThat(rolledBack.data()).containsEntry("Status", "AVAILABLE");
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void quotaExhaustionSaysWhatToDo(Namespace ns) {
    standIn.fault("CreateHost", Fault.LIMIT_EXCEEDED, 1);
    assertThatThrownBy(() -> cloudFormation(ns).create(host("one-too-many").build()))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("Host 'one-too-many'")
        .hasMessageContaining("CreateHost failed with LIMIT_EXCEEDED")
        .hasMessageContaining("quota");
    assertThat(standIn.hosts()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void deleteOfAPhysicalIdThatIsNoHostMakesNoCall(Namespace ns) {
    Result r = cloudFormation(ns).delete("Host1A2B3C4D-ce7a1f2b", Map.of("Name", 42));
    assertThat(r.physicalResourceId()).isEqualTo("Host1A2B3C4D-ce7a1f2b");
    assertThat(standIn.totalCalls()).isZero();
  }
}
