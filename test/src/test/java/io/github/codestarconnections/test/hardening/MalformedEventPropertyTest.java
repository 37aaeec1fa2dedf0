package io.github.codestarconnections.test.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.codestarconnections.lambda.HostEvent;
import io.github.codestarconnections.lambda.HostEventParser;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Generated malformed events: whatever is wrong, onEvent and isComplete fail with a short reason
 * that names the bad field (never a stack trace, never an "unexpected" failure, never a hang), log
 * one JSON line, and make no call to the service.
 */
class MalformedEventPropertyTest {
  private static final int TRIES = 200;
  private static final String ARN =
      "arn:aws:codestar-connections:us-east-1:123456789012:host/ghe-0123abcd";
  private static final List<String> STRING_PROPERTIES =
      List.of("Name", "ProviderType", "ProviderEndpoint");

  private static CodeStarConnectionsStandIn standIn;
  private static StandInClients clients;

  /** One generated bad event and the field its reason must name. */
  record BadEvent(String what, Map<String, Object> event, String mentions) {
    @Override
    public String toString() {
      String e = event.toString();
      return what + " -> " + (e.length() > 300 ? e.substring(0, 300) + "..." : e);
    }
  }

  /** A broken set of properties and the field that is wrong. */
  record BadProperties(String what, Map<String, Object> properties, String mentions) {}

  @BeforeContainer
  static void start() {
    standIn = CodeStarConnectionsStandIn.start();
    clients = new StandInClients(standIn);
  }

  @AfterContainer
  static void stop() {
    clients.close();
    standIn.close();
  }

  @BeforeTry
  void reset() {
    standIn.resetCounts();
  }

  @Property(tries = TRIES)
  void badPropertiesFailWithoutACall(
      @ForAll("badPropertyEvents") BadEvent bad, @ForAll Namespace ns) {
    assertRejected(bad, ns);
  }

  @Property(tries = TRIES)
  void badEnvelopesFailWithoutACall(@ForAll("badEnvelopes") BadEvent bad, @ForAll Namespace ns) {
    assertRejected(bad, ns);
  }

  @Property(tries = TRIES)
  void deleteOfSomethingThatIsNoHostArnSucceedsWithoutACall(
      @ForAll("notHostArns") String physicalId,
      @ForAll("badProperties") BadProperties props,
      @ForAll Namespace ns) {
    Map<String, Object> event = Events.delete(physicalId, props.properties());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    Map<String, Object> first =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                new OnEventHandler(clients.hostApi(ns), out, Duration.ZERO)
                    .handleRequest(event, null));
    assertThat(first).containsEntry("PhysicalResourceId", physicalId);
    Map<String, Object> done =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> new IsCompleteHandler(clients.hostApi(ns), out).handleRequest(event, null));
    assertThat(done).containsEntry("IsComplete", true);
    assertThat(standIn.totalCalls()).as("API calls").isZero();
    assertOneJsonLinePerInvocation(log, 2);
  }

  private static void assertRejected(BadEvent bad, Namespace ns) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    OnEventHandler onEvent = new OnEventHandler(clients.hostApi(ns), out, Duration.ZERO);
    IsCompleteHandler isComplete = new IsCompleteHandler(clients.hostApi(ns), out);
    Throwable first =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> catchThrowable(() -> onEvent.handleRequest(bad.event(), null)));
    Throwable second =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> catchThrowable(() -> isComplete.handleRequest(bad.event(), null)));
    for (Throwable t :
        List.of(
            first == null ? new AssertionError("onEvent accepted it") : first,
            second == null ? new AssertionError("isComplete accepted it") : second)) {
      assertThat(t).isInstanceOf(ResourceFailure.class);
      String reason = t.getMessage();
      assertThat(reason)
          .startsWith("Invalid ")
          .contains(bad.mentions())
          .doesNotContain("failed unexpectedly")
          .doesNotContain("\tat ")
          .doesNotContain("java.lang.")
          .doesNotContain(Events.TLS_BODY);
      assertThat(Events.jsonBytes(reason)).isLessThanOrEqualTo(ResourceFailure.MAX_LENGTH);
      assertThat(reason.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count())
          .as("no lone surrogate code points")
          .isZero();
    }
    assertThat(standIn.totalCalls()).as("API calls").isZero();
    assertThat(standIn.violations()).isEmpty();
    List<JsonNode> lines = assertOneJsonLinePerInvocation(log, 2);
    for (JsonNode line : lines) {
      assertThat(line.path("outcome").asText()).isEqualTo("FAILED");
      assertThat(line.path("calls").size()).isZero();
    }
  }

  private static List<JsonNode> assertOneJsonLinePerInvocation(ByteArrayOutputStream log, int n) {
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(Events.TLS_BODY);
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(n);
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines) {
      try {
        nodes.add(Events.JSON.readTree(line));
      } catch (Exception e) {
        throw new AssertionError("not one JSON object: " + line, e);
      }
      assertThat(line.length()).as("log line length").isLessThan(8192);
    }
    return nodes;
  }

  // ---- Generators --------------------------------------------------------------------------

  @Provide
  Arbitrary<BadEvent> badPropertyEvents() {
    return Combinators.combine(
            badProperties(), validProperties(), Arbitraries.of(Placement.values()))
        .as(
            (bad, good, placement) ->
                switch (placement) {
                  case CREATE ->
                      new BadEvent(
                          "Create with " + bad.what(),
                          withPhysicalId(Events.create(bad.properties())),
                          "ResourceProperties." + bad.mentions());
                  case UPDATE_NEW ->
                      new BadEvent(
                          "Update to " + bad.what(),
                          Events.update(ARN, good, bad.properties()),
                          "ResourceProperties." + bad.mentions());
                });
  }

  enum Placement {
    CREATE,
    UPDATE_NEW
  }

  /**
   * OldResourceProperties are what CloudFormation recorded: an earlier version's, or those of an
   * Update that failed on them (whose rollback brings them as OldResourceProperties). They are
   * read, never refused, whatever their form.
   */
  @Property(tries = TRIES)
  void badOldPropertiesAreReadNotRefused(
      @ForAll("badProperties") BadProperties bad,
      @ForAll("validProperties") Map<String, Object> good) {
    HostEvent e = HostEventParser.parse(Events.update(ARN, bad.properties(), good));
    assertThat(e.oldProperties()).isNotNull();
    assertThat(e.properties().name()).isEqualTo(good.get("Name"));
  }

  /** isComplete gets onEvent's physical id; a valid one shows that validation comes first. */
  private static Map<String, Object> withPhysicalId(Map<String, Object> event) {
    event.put("PhysicalResourceId", ARN);
    return event;
  }

  @Provide
  Arbitrary<BadProperties> badProperties() {
    return validProperties()
        .flatMap(
            good ->
                Arbitraries.oneOf(
                    missingRequired(good),
                    wrongType(good),
                    hugeString(good),
                    nonAsciiInvalid(good),
                    badTags(good),
                    badVpc(good),
                    unknownProperty(good)));
  }

  @Provide
  Arbitrary<BadEvent> badEnvelopes() {
    Arbitrary<Map<String, Object>> good = validProperties();
    Arbitrary<Object> wrongTyped = wrongTypedValue(true);
    Arbitrary<Object> notAString = wrongTypedValue(false);
    return Arbitraries.oneOf(
        // RequestType missing, of the wrong type, or unknown.
        Combinators.combine(
                good, Arbitraries.oneOf(notAString.injectNull(0.2), unknownRequestType()))
            .as(
                (p, type) -> {
                  Map<String, Object> e = withPhysicalId(Events.create(p));
                  if (type == null) {
                    e.remove("RequestType");
                  } else {
                    e.put("RequestType", type);
                  }
                  return new BadEvent("RequestType " + brief(type), e, "RequestType");
                }),
        // An Update without OldResourceProperties, or with a non-object there.
        Combinators.combine(good, wrongTyped.injectNull(0.3))
            .as(
                (p, old) -> {
                  Map<String, Object> e = Events.update(ARN, p, p);
                  if (old == null) {
                    e.remove("OldResourceProperties");
                  } else {
                    e.put("OldResourceProperties", old);
                  }
                  return new BadEvent(
                      "Update with OldResourceProperties " + brief(old),
                      e,
                      "OldResourceProperties");
                }),
        // ResourceProperties missing or not an object (Create and Update).
        Combinators.combine(good, wrongTyped.injectNull(0.3), Arbitraries.of(true, false))
            .as(
                (p, props, isCreate) -> {
                  Map<String, Object> e =
                      isCreate ? withPhysicalId(Events.create(p)) : Events.update(ARN, p, p);
                  if (props == null) {
                    e.remove("ResourceProperties");
                  } else {
                    e.put("ResourceProperties", props);
                  }
                  return new BadEvent(
                      "ResourceProperties " + brief(props), e, "ResourceProperties");
                }),
        // RequestId missing, empty, too long or not a string.
        Combinators.combine(
                good,
                Arbitraries.oneOf(
                        Arbitraries.just((Object) ""),
                        anyString(257, 5000).map(s -> (Object) s),
                        Arbitraries.integers().map(i -> (Object) i))
                    .injectNull(0.25))
            .as(
                (p, id) -> {
                  Map<String, Object> e = withPhysicalId(Events.create(p));
                  if (id == null) {
                    e.remove("RequestId");
                  } else {
                    e.put("RequestId", id);
                  }
                  return new BadEvent("RequestId " + brief(id), e, "RequestId");
                }),
        // Ids of the wrong type.
        Combinators.combine(
                good, notAString, Arbitraries.of("LogicalResourceId", "PhysicalResourceId"))
            .as(
                (p, v, key) -> {
                  Map<String, Object> e = Events.update(ARN, p, p);
                  e.put(key, v);
                  return new BadEvent(key + " " + brief(v), e, key);
                }),
        // Update or Delete without a physical id.
        Combinators.combine(good, Arbitraries.of(true, false))
            .as(
                (p, isUpdate) -> {
                  Map<String, Object> e =
                      isUpdate ? Events.update(ARN, p, p) : Events.delete(ARN, p);
                  e.remove("PhysicalResourceId");
                  return new BadEvent(
                      (isUpdate ? "Update" : "Delete") + " without PhysicalResourceId",
                      e,
                      "PhysicalResourceId");
                }));
  }

  @Provide
  Arbitrary<String> notHostArns() {
    return Arbitraries.oneOf(
        anyString(0, 300),
        anyString(257, 20_000),
        Arbitraries.of(
            "Host1A2B3C4D-ce7a1f2b",
            "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc",
            "arn:aws:s3:::bucket",
            "arn:aws:codestar-connections:us-east-1:12345678901:host/x"),
        // A host ARN made too long.
        anyString(1, 10).map(s -> ARN + "x".repeat(300) + s));
  }

  private static Arbitrary<String> unknownRequestType() {
    return Arbitraries.oneOf(
            Arbitraries.of("create", "CREATE", "Replace", "Update ", " Delete", "Créate", ""),
            anyString(0, 64),
            anyString(65, 50_000))
        .filter(s -> !s.equals("Create") && !s.equals("Update") && !s.equals("Delete"));
  }

  /** Values Lambda's JSON decoding can produce that are not what a field expects. */
  private static Arbitrary<Object> wrongTypedValue(boolean forObjectField) {
    List<Arbitrary<Object>> choices = new ArrayList<>();
    choices.add(Arbitraries.integers().map(i -> (Object) i));
    choices.add(Arbitraries.doubles().map(d -> (Object) d));
    choices.add(Arbitraries.of(true, false).map(b -> (Object) b));
    choices.add(Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(3).map(l -> (Object) l));
    if (forObjectField) {
      choices.add(anyString(0, 40).map(s -> (Object) s));
    } else {
      choices.add(Arbitraries.just((Object) Map.of("Fn::GetAtt", List.of("X", "Arn"))));
    }
    return Arbitraries.oneOf(choices);
  }

  @Provide
  Arbitrary<Map<String, Object>> validProperties() {
    Arbitrary<String> name =
        Arbitraries.strings().alpha().numeric().withChars("-_ ").ofMinLength(1).ofMaxLength(64);
    Arbitrary<String> type =
        Arbitraries.of(
            "GitHubEnterpriseServer", "GitLabSelfManaged", "GitHub", "GitLab", "Bitbucket");
    Arbitrary<String> endpoint =
        Arbitraries.strings()
            .alpha()
            .ofMinLength(1)
            .ofMaxLength(30)
            .map(s -> "https://" + s + ".example.com");
    Arbitrary<Integer> tagCount = Arbitraries.integers().between(0, 5);
    return Combinators.combine(name, type, endpoint, tagCount, Arbitraries.of(true, false))
        .as(
            (n, t, e, tags, vpc) -> {
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("Name", n);
              p.put("ProviderType", t);
              p.put("ProviderEndpoint", e);
              if (vpc) {
                p.put("VpcConfiguration", Events.vpc());
              }
              List<Object> list = new ArrayList<>();
              for (int i = 0; i < tags; i++) {
                list.add(tag("k" + i, "v" + i));
              }
              if (tags > 0) {
                p.put("Tags", list);
              }
              return p;
            });
  }

  private static Arbitrary<BadProperties> missingRequired(Map<String, Object> good) {
    return Arbitraries.of(STRING_PROPERTIES)
        .map(key -> new BadProperties("no " + key, Events.without(good, key), key));
  }

  private static Arbitrary<BadProperties> wrongType(Map<String, Object> good) {
    Arbitrary<BadProperties> strings =
        Combinators.combine(Arbitraries.of(STRING_PROPERTIES), wrongTypedValue(false))
            .as(
                (key, v) ->
                    new BadProperties(key + " " + brief(v), Events.with(good, key, v), key));
    Arbitrary<BadProperties> vpc =
        wrongTypedValue(true)
            .filter(v -> !(v instanceof List))
            .map(
                v ->
                    new BadProperties(
                        "VpcConfiguration " + brief(v),
                        Events.with(good, "VpcConfiguration", v),
                        "VpcConfiguration"));
    Arbitrary<BadProperties> vpcList =
        Arbitraries.just(
            new BadProperties(
                "VpcConfiguration a list",
                Events.with(good, "VpcConfiguration", List.of(Events.vpc())),
                "VpcConfiguration"));
    Arbitrary<BadProperties> tags =
        Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                anyString(0, 40).map(s -> (Object) s),
                Arbitraries.just((Object) Map.of("Key", "team", "Value", "ci")))
            .map(v -> new BadProperties("Tags " + brief(v), Events.with(good, "Tags", v), "Tags"));
    return Arbitraries.oneOf(strings, vpc, vpcList, tags);
  }

  private static Arbitrary<BadProperties> hugeString(Map<String, Object> good) {
    record Limit(String key, int max) {}
    Arbitrary<Limit> limits =
        Arbitraries.of(
            new Limit("Name", 64),
            new Limit("ProviderType", 64),
            new Limit("ProviderEndpoint", 512));
    Arbitrary<BadProperties> top =
        Combinators.combine(limits, anyString(1, 8), Arbitraries.integers().between(1, 100_000))
            .as(
                (limit, seed, extra) -> {
                  String huge = longerThan(seed, limit.max() + extra % 2000);
                  if (extra > 90_000) {
                    huge = longerThan(seed, 100_000);
                  }
                  return new BadProperties(
                      limit.key() + " of " + huge.length() + " chars",
                      Events.with(good, limit.key(), huge),
                      limit.key());
                });
    Arbitrary<BadProperties> cert =
        anyString(1, 8)
            .map(
                seed -> {
                  Map<String, Object> v = Events.vpc();
                  v.put("TlsCertificate", longerThan(seed, 16_384));
                  return new BadProperties(
                      "huge TlsCertificate",
                      Events.with(good, "VpcConfiguration", v),
                      "VpcConfiguration.TlsCertificate");
                });
    Arbitrary<BadProperties> tag =
        Combinators.combine(anyString(1, 8), Arbitraries.of(true, false))
            .as(
                (seed, key) ->
                    new BadProperties(
                        "huge tag " + (key ? "key" : "value"),
                        Events.with(
                            good,
                            "Tags",
                            List.of(
                                key
                                    ? tag(longerThan(seed, 128), "v")
                                    : tag("k", longerThan(seed, 256)))),
                        "Tags[]." + (key ? "Key" : "Value")));
    return Arbitraries.oneOf(top, cert, tag);
  }

  private static Arbitrary<BadProperties> nonAsciiInvalid(Map<String, Object> good) {
    Arbitrary<String> nonAscii =
        Arbitraries.strings().withCharRange('\u00a0', '\uffff').ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> lineBreak = Arbitraries.of("\n", "\r", "\u0085", "\u2028", "\u2029");
    Arbitrary<BadProperties> typeName =
        nonAscii.map(
            s ->
                new BadProperties(
                    "non-ASCII ProviderType",
                    Events.with(good, "ProviderType", s),
                    "ProviderType"));
    Arbitrary<BadProperties> brokenLine =
        Combinators.combine(nonAscii, lineBreak, Arbitraries.of("Name", "ProviderEndpoint"))
            .as(
                (s, br, key) -> {
                  String v = (s.substring(0, s.length() / 2) + br + s.substring(s.length() / 2));
                  v = v.length() > 60 ? v.substring(0, 60) : v;
                  if (!v.contains(br)) {
                    v = br + v;
                  }
                  return new BadProperties(
                      key + " with a line break", Events.with(good, key, v), key);
                });
    Arbitrary<BadProperties> ids =
        Combinators.combine(
                Arbitraries.strings().withCharRange('\u00c0', '\u024f').ofLength(8),
                Arbitraries.of("VpcId", "SubnetIds", "SecurityGroupIds"))
            .as(
                (s, key) -> {
                  Map<String, Object> v = Events.vpc();
                  switch (key) {
                    case "VpcId" -> v.put(key, "vpc-" + s);
                    case "SubnetIds" -> v.put(key, List.of("subnet-" + s));
                    default -> v.put(key, List.of("sg-" + s));
                  }
                  return new BadProperties(
                      "non-ASCII " + key,
                      Events.with(good, "VpcConfiguration", v),
                      "VpcConfiguration." + key);
                });
    Arbitrary<BadProperties> awsKey =
        nonAscii.map(
            s ->
                new BadProperties(
                    "aws: tag key",
                    Events.with(
                        good,
                        "Tags",
                        List.of(tag("AWS:" + s.substring(0, Math.min(s.length(), 100)), "x"))),
                    "Tags"));
    return Arbitraries.oneOf(typeName, brokenLine, ids, awsKey);
  }

  private static Arbitrary<BadProperties> badTags(Map<String, Object> good) {
    Arbitrary<String> key =
        Arbitraries.strings()
            .all()
            .ofMinLength(1)
            .ofMaxLength(20)
            .filter(
                k ->
                    k.codePoints()
                            .noneMatch(
                                c ->
                                    c == '\n'
                                        || c == '\r'
                                        || c == 0x85
                                        || c == 0x2028
                                        || c == 0x2029)
                        && !k.regionMatches(true, 0, "aws:", 0, 4)
                        && !k.equals(MarkerTag.KEY));
    List<Function<String, Object>> breakers =
        List.of(
            k -> null,
            k -> tagOf(null, "v"),
            k -> tagOf(k, null),
            k -> tagOf(k, 42),
            k -> tagOf(List.of(k), "v"),
            k -> {
              Map<String, Object> t = tagOf(k, "v");
              t.put("Owner", "me");
              return t;
            },
            k -> "Key=" + k,
            k -> tagOf(MarkerTag.KEY, k));
    Arbitrary<BadProperties> oneBad =
        Combinators.combine(
                key,
                Arbitraries.integers().between(0, breakers.size() - 1),
                Arbitraries.integers().between(0, 5))
            .as(
                (k, which, at) -> {
                  List<Object> tags = new ArrayList<>();
                  for (int i = 0; i < 5; i++) {
                    tags.add(tag("t" + i, "v"));
                  }
                  tags.add(at, breakers.get(which).apply(k));
                  return new BadProperties(
                      "bad tag #" + which, Events.with(good, "Tags", tags), "Tags");
                });
    Arbitrary<BadProperties> duplicate =
        Combinators.combine(
                key, Arbitraries.strings().ofMaxLength(10), Arbitraries.strings().ofMaxLength(10))
            .as(
                (k, v1, v2) ->
                    new BadProperties(
                        "duplicate tag key",
                        Events.with(
                            good,
                            "Tags",
                            List.of(tag(k, clean(v1)), tag("other", "x"), tag(k, clean(v2)))),
                        "Tags"));
    Arbitrary<BadProperties> tooMany =
        Arbitraries.integers()
            .between(200, 1000)
            .map(
                n -> {
                  List<Object> tags = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    tags.add(tag("k" + i, "v"));
                  }
                  return new BadProperties(n + " tags", Events.with(good, "Tags", tags), "Tags");
                });
    return Arbitraries.oneOf(oneBad, duplicate, tooMany);
  }

  private static Arbitrary<BadProperties> badVpc(Map<String, Object> good) {
    List<Function<Map<String, Object>, String>> breakers =
        List.of(
            v -> {
              v.remove("VpcId");
              return "VpcConfiguration.VpcId";
            },
            v -> {
              v.put("SubnetIds", List.of());
              return "VpcConfiguration.SubnetIds";
            },
            v -> {
              List<String> many = new ArrayList<>();
              for (int i = 0; i < 11; i++) {
                many.add(String.format("subnet-%08x", i));
              }
              v.put("SubnetIds", many);
              return "VpcConfiguration.SubnetIds";
            },
            v -> {
              List<Object> withNull = new ArrayList<>();
              withNull.add(null);
              v.put("SecurityGroupIds", withNull);
              return "VpcConfiguration.SecurityGroupIds";
            },
            v -> {
              v.put("SecurityGroupIds", "sg-0123abcd");
              return "VpcConfiguration.SecurityGroupIds";
            },
            v -> {
              v.put("TlsCertificate", "");
              return "VpcConfiguration.TlsCertificate";
            },
            v -> {
              v.put("TlsCertificate", List.of(Events.TLS));
              return "VpcConfiguration.TlsCertificate";
            },
            v -> {
              v.put("VpcID", "vpc-0123abcd");
              return "VpcConfiguration.VpcID";
            });
    return Arbitraries.integers()
        .between(0, breakers.size() - 1)
        .map(
            which -> {
              Map<String, Object> v = Events.vpc();
              String field = breakers.get(which).apply(v);
              return new BadProperties(
                  "bad VPC #" + which, Events.with(good, "VpcConfiguration", v), field);
            });
  }

  private static Arbitrary<BadProperties> unknownProperty(Map<String, Object> good) {
    return Arbitraries.oneOf(
            Arbitraries.of("HostName", "name", "Tag", "TlsCertificate", "VpcId"),
            anyString(1, 30),
            anyString(200, 5000))
        .filter(
            k ->
                !List.of(
                        "Name",
                        "ProviderType",
                        "ProviderEndpoint",
                        "VpcConfiguration",
                        "Tags",
                        "ServiceToken")
                    .contains(k))
        .map(k -> new BadProperties("unknown property", Events.with(good, k, "x"), ""));
  }

  // ---- Helpers -----------------------------------------------------------------------------

  /** Any characters, unpaired surrogates and control characters included. */
  private static Arbitrary<String> anyString(int min, int max) {
    if (max <= 300) {
      return Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max);
    }
    // Long strings: a short random seed repeated, so generation stays cheap.
    return Combinators.combine(
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(16),
            Arbitraries.integers().between(min, max))
        .as((seed, length) -> longerThan(seed, length - 1).substring(0, length));
  }

  private static String longerThan(String seed, int length) {
    StringBuilder b = new StringBuilder(length + seed.length() + 1);
    while (b.length() <= length) {
      b.append(seed);
    }
    return b.toString();
  }

  private static String clean(String s) {
    return s.replaceAll("[\\n\\r\\u0085\\u2028\\u2029]", "");
  }

  private static Map<String, Object> tag(String key, String value) {
    return tagOf(key, value);
  }

  private static Map<String, Object> tagOf(Object key, Object value) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("Key", key);
    t.put("Value", value);
    return t;
  }

  private static String brief(Object v) {
    if (v == null) {
      return "missing";
    }
    String s = v.getClass().getSimpleName() + " " + v;
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
