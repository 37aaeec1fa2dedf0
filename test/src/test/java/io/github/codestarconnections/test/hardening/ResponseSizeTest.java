package io.github.codestarconnections.test.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.codestarconnections.lambda.HostEventParser;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.Fault;
import io.github.codestarconnections.test.standin.StandInClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CloudFormation rejects a custom-resource response body over 4096 bytes. With the largest legal
 * inputs (names of the widest characters, the longest ids CloudFormation sends, every tag a host
 * may have at its longest, a full VPC) and with oversized answers from the service, every response
 * the Provider framework would send stays under it, and every reason keeps its advice.
 */
class ResponseSizeTest {
  /**
   * Room for what the Provider framework adds to a failure reason (a pointer to the handler's log
   * group); generous, since the log group's name comes from the stack.
   */
  private static final String FRAMEWORK_SUFFIX = "\n\nLogs: /aws/" + "l".repeat(600) + "\n\n";

  private static final String LONGEST_STACK_ID =
      "arn:aws-iso-b:cloudformation:us-isob-east-1:123456789012:stack/"
          + "S".repeat(128)
          + "/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f";

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
      assertThat(standIn.violations()).isEmpty();
    } finally {
      clients.close();
      standIn.close();
    }
  }

  /** Legal 64-character names whose JSON or UTF-8 form is as wide as it gets. */
  static Stream<String> widestNames() {
    return Stream.of(
        "\u0001".repeat(64), // JSON \\u0001: 6 bytes each
        "\"".repeat(64), // JSON \": 2 bytes each
        "\u20ac".repeat(64), // 3 bytes of UTF-8 each
        "\uD83D\uDE00".repeat(32), // 4 bytes per surrogate pair
        "h".repeat(64));
  }

  /** The largest event CloudFormation can send for a host, around a given name. */
  private static Map<String, Object> largest(Map<String, Object> event) {
    event.put("StackId", LONGEST_STACK_ID);
    event.put("LogicalResourceId", "L".repeat(255));
    event.put("RequestId", "r".repeat(256));
    return event;
  }

  private static Map<String, Object> largestProperties(String name) {
    Map<String, Object> p = Events.host(name);
    p.put("ProviderEndpoint", "https://" + "e".repeat(500) + ".com");
    Map<String, Object> vpc = new LinkedHashMap<>();
    vpc.put("VpcId", "vpc-0123456789abcdef0");
    List<String> subnets = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      subnets.add(String.format("subnet-%017x", i));
      groups.add(String.format("sg-%017x", i));
    }
    vpc.put("SubnetIds", subnets);
    vpc.put("SecurityGroupIds", groups);
    vpc.put("TlsCertificate", "C".repeat(16_384));
    p.put("VpcConfiguration", vpc);
    List<Object> tags = new ArrayList<>();
    for (int i = 0; i < HostEventParser.MAX_USER_TAGS; i++) {
      tags.add(
          Map.of("Key", String.format("%03d", i) + "k".repeat(125), "Value", "\u20ac".repeat(256)));
    }
    p.put("Tags", tags);
    return p;
  }

  @ParameterizedTest
  @MethodSource("widestNames")
  @SuppressWarnings("unchecked")
  void theLargestLegalCreateAnswersUnder4KbWithItsDataIntact(String name) {
    Map<String, Object> event = largest(Events.create(largestProperties(name)));
    Events.Player p = new Events.Player(clients.hostApi(Namespace.CODECONNECTIONS));
    Map<String, Object> first = p.onEvent.handleRequest(event, null);
    String arn = (String) first.get("PhysicalResourceId");
    assertThat(
            Events.responseBytes(
                event, "SUCCESS", "OK", arn, (Map<String, Object>) first.get("Data")))
        .isLessThanOrEqualTo(Events.RESPONSE_LIMIT);
    Map<String, Object> done = p.run(event, 5);
    Map<String, Object> data = (Map<String, Object>) done.get("Data");
    assertThat(data)
        .containsEntry("HostArn", arn)
        .containsEntry("Name", name)
        .containsEntry("Status", "PENDING");
    int bytes = Events.responseBytes(event, "SUCCESS", "OK", arn, data);
    assertThat(bytes).isLessThanOrEqualTo(Events.RESPONSE_LIMIT);
  }

  @ParameterizedTest
  @MethodSource("widestNames")
  void anOversizedServiceMessageIsCutAndTheAdviceKept(String name) {
    standIn.faultMessage(("Quota \u20ac\uD83D\uDE00\u0001\" " + name).repeat(5_000));
    standIn.fault("CreateHost", Fault.LIMIT_EXCEEDED, 1);
    Map<String, Object> event = largest(Events.create(largestProperties(name)));
    Events.Player p = new Events.Player(clients.hostApi(Namespace.CODESTAR_CONNECTIONS));
    Throwable t = catchThrowable(() -> p.onEvent.handleRequest(event, null));
    assertThat(t).isInstanceOf(ResourceFailure.class);
    String reason = t.getMessage();
    assertThat(reason)
        .contains("CreateHost failed with LIMIT_EXCEEDED")
        .contains("request a quota increase");
    assertFailureFits(event, reason);
  }

  @Test
  void anOversizedStatusMessageIsCutAndTheAdviceKept() {
    Events.Player p = new Events.Player(clients.hostApi(Namespace.CODECONNECTIONS));
    Map<String, Object> event = largest(Events.create(Events.host("\u0001".repeat(64))));
    Map<String, Object> first = p.onEvent.handleRequest(event, null);
    String arn = (String) first.get("PhysicalResourceId");
    standIn.setStatus(arn, "ERROR", "\uD83D\uDE00\u0002 disk on fire ".repeat(20_000));
    Throwable t = catchThrowable(() -> p.run(event, 3));
    assertThat(t).isInstanceOf(ResourceFailure.class);
    assertThat(t.getMessage())
        .contains("is ERROR: ")
        .contains("disk on fire")
        .contains("deploy again");
    assertFailureFits(event, t.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOversizedNameFromTheServiceIsBoundedInData() {
    // A host the model would not allow (seeded directly): the handler must not trust the answer.
    String huge = "\uD83D\uDE00".repeat(10_000);
    String arn =
        standIn.seedHost(
            Namespace.CODECONNECTIONS,
            huge,
            "GitHubEnterpriseServer",
            "https://ghe.example.com",
            Map.of());
    Map<String, Object> props = Events.host("ghe");
    Map<String, Object> event =
        largest(
            Events.update(
                arn, props, Events.with(props, "Tags", List.of(Map.of("Key", "a", "Value", "b")))));
    Events.Player p = new Events.Player(clients.hostApi(Namespace.CODECONNECTIONS));
    Map<String, Object> done = p.run(event, 3);
    Map<String, Object> data = (Map<String, Object>) done.get("Data");
    assertThat((String) data.get("Name")).endsWith("...");
    assertThat(Events.responseBytes(event, "SUCCESS", "OK", arn, data))
        .isLessThanOrEqualTo(Events.RESPONSE_LIMIT);
    // The same host in ERROR: the reason quotes a bounded name and keeps its advice.
    standIn.setStatus(arn, "ERROR", "broken");
    Throwable t = catchThrowable(() -> p.run(event, 3));
    assertThat(t).isInstanceOf(ResourceFailure.class);
    assertThat(t.getMessage()).contains("is ERROR: broken").contains("deploy again");
    assertFailureFits(event, t.getMessage());
  }

  @Test
  void anUnexpectedExceptionWithAHugeMessageStillFits() {
    // A HostApi that blows up with a message the size of a page.
    io.github.codestarconnections.lambda.HostApi api =
        (io.github.codestarconnections.lambda.HostApi)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {io.github.codestarconnections.lambda.HostApi.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("namespace")) {
                    return Namespace.CODECONNECTIONS;
                  }
                  throw new IllegalStateException("\u20ac\u0003".repeat(100_000));
                });
    Map<String, Object> event = largest(Events.create(Events.host("boom")));
    Throwable t = catchThrowable(() -> new Events.Player(api).onEvent.handleRequest(event, null));
    assertThat(t).isInstanceOf(ResourceFailure.class);
    assertThat(t.getMessage())
        .startsWith("The host handler failed unexpectedly: IllegalStateException: ")
        .contains("report a bug");
    assertFailureFits(event, t.getMessage());
  }

  private static void assertFailureFits(Map<String, Object> event, String reason) {
    assertThat(Events.jsonBytes(reason)).isLessThanOrEqualTo(ResourceFailure.MAX_LENGTH);
    assertThat(reason.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count())
        .as("lone surrogates")
        .isZero();
    int bytes =
        Events.responseBytes(
            event, "FAILED", reason + FRAMEWORK_SUFFIX, (String) event.get("RequestId"), null);
    assertThat(bytes).isLessThanOrEqualTo(Events.RESPONSE_LIMIT);
  }
}
