package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.HostProperties.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.lambda.IsCompleteHandler;
import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.OnEventHandler;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad events fail with a clear reason and without a single API call. */
class InvalidEventTest {
  private static CodeStarConnectionsStandIn standIn;
  private static StandInClients clients;

  @BeforeAll
  static void start() {
    standIn = CodeStarConnectionsStandIn.start();
    clients = new StandInClients(standIn);
  }

  @AfterAll
  static void stop() {
    clients.close();
    standIn.close();
  }

  @BeforeEach
  void reset() {
    standIn.resetCounts();
  }

  static Stream<Arguments> badEvents() {
    String arn = "arn:aws:codestar-connections:us-east-1:123456789012:host/ghe-0123abcd";
    Map<String, Object> good = host("ghe").build();
    return Stream.of(
        Arguments.of(
            "no Name", create(without(good, "Name")), "ResourceProperties.Name: is missing"),
        Arguments.of(
            "no ProviderType", create(without(good, "ProviderType")), "ProviderType: is missing"),
        Arguments.of(
            "no ProviderEndpoint",
            create(without(good, "ProviderEndpoint")),
            "ProviderEndpoint: is missing"),
        Arguments.of(
            "Name not a string",
            create(with(good, "Name", Map.of("a", "b"))),
            "Name: is an object, expected a string"),
        Arguments.of(
            "Name too long",
            create(with(good, "Name", "h".repeat(65))),
            "is 65 characters; the service allows 1 to 64"),
        Arguments.of(
            "unknown ProviderType",
            create(with(good, "ProviderType", "AzureDevOps")),
            "ProviderType: is 'AzureDevOps'"),
        Arguments.of(
            "unknown property", create(with(good, "HostName", "x")), "HostName: is not a property"),
        Arguments.of(
            "bad VPC id",
            create(host("ghe").vpc("vpc-123", "subnet-0123abcd", "sg-0123abcd").build()),
            "VpcConfiguration.VpcId"),
        Arguments.of(
            "bad subnet",
            create(host("ghe").vpc("vpc-0123abcd", "subnet-x", "sg-0123abcd").build()),
            "VpcConfiguration.SubnetIds: contains 'subnet-x'"),
        Arguments.of(
            "VPC without subnets",
            create(
                with(
                    good,
                    "VpcConfiguration",
                    Map.of("VpcId", "vpc-0123abcd", "SecurityGroupIds", List.of("sg-0123abcd")))),
            "SubnetIds: is missing"),
        Arguments.of(
            "Tags not a list",
            create(with(good, "Tags", "team=ci")),
            "Tags: is 'team=ci', expected a list"),
        Arguments.of(
            "marker tag",
            create(host("ghe").tags(MarkerTag.KEY, "x").build()),
            "reserves for itself"),
        Arguments.of(
            "aws: tag",
            create(host("ghe").tags("aws:cloudformation:stack-name", "x").build()),
            "reserved by AWS"),
        Arguments.of(
            "duplicate tag", create(host("ghe").tags("team", "a", "team", "b").build()), "twice"),
        Arguments.of(
            "unknown RequestType", type(create(good), "Replace"), "RequestType is 'Replace'"),
        Arguments.of("no RequestType", type(create(good), null), "RequestType is missing"),
        Arguments.of(
            "Update without old properties",
            without(CloudFormationPlayer.updateEvent(arn, good, good), "OldResourceProperties"),
            "no OldResourceProperties"),
        Arguments.of(
            "Update without physical id",
            without(CloudFormationPlayer.updateEvent(arn, good, good), "PhysicalResourceId"),
            "no PhysicalResourceId"),
        Arguments.of(
            "Update of a non-ARN",
            CloudFormationPlayer.updateEvent(
                "not-an-arn", good, with(good, "ProviderEndpoint", "https://x.example.com")),
            "is not a host ARN"),
        Arguments.of(
            "Delete without physical id",
            without(CloudFormationPlayer.deleteEvent(arn, good), "PhysicalResourceId"),
            "no PhysicalResourceId"),
        Arguments.of(
            "no properties", without(create(good), "ResourceProperties"), "no ResourceProperties"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvents")
  void failsWithoutCallingTheService(String what, Map<String, Object> event, String expected) {
    for (Namespace ns : Namespace.values()) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      OnEventHandler onEvent =
          new OnEventHandler(
              clients.hostApi(ns),
              new PrintStream(log, true, StandardCharsets.UTF_8),
              Duration.ZERO);
      assertThatThrownBy(() -> onEvent.handleRequest(event, null))
          .isInstanceOf(ResourceFailure.class)
          .hasMessageContaining(expected)
          .satisfies(e -> assertThat(e.getMessage().length()).isLessThanOrEqualTo(1000));
      if (!"Update of a non-ARN".equals(what)) {
        IsCompleteHandler isComplete =
            new IsCompleteHandler(
                clients.hostApi(ns), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> isComplete.handleRequest(event, null))
            .isInstanceOf(ResourceFailure.class);
      }
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("\"outcome\":\"FAILED\"")
          .doesNotContain(HostProperties.TLS_BODY);
    }
    assertThat(standIn.totalCalls()).as("API calls").isZero();
    assertThat(standIn.violations()).isEmpty();
  }

  private static Map<String, Object> create(Map<String, Object> properties) {
    return CloudFormationPlayer.createEvent(properties);
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(map);
    m.put(key, value);
    return m;
  }

  private static Map<String, Object> without(Map<String, Object> map, String key) {
    Map<String, Object> m = new LinkedHashMap<>(map);
    m.remove(key);
    return m;
  }

  private static Map<String, Object> type(Map<String, Object> event, String type) {
    Map<String, Object> m = new LinkedHashMap<>(event);
    if (type == null) {
      m.remove("RequestType");
    } else {
      m.put("RequestType", type);
    }
    return m;
  }
}
