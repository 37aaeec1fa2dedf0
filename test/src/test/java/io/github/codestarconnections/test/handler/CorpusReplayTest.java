package io.github.codestarconnections.test.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.handler.CloudFormationPlayer.Result;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInClients;
import io.github.codestarconnections.test.standin.StandInHost;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every entry of the corpus (test resources, {@code corpus/<version>/*.json}; its README
 * says what each version wrote and how a version adds its own) through today's handler against the
 * stand-in: the hosts as that version left them, one event, and what the handler must answer and
 * leave in the account.
 */
class CorpusReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  static Stream<String> entries() throws IOException, URISyntaxException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      List<String> names =
          files
              .filter(p -> p.toString().endsWith(".json"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
      assertThat(names).as("corpus entries").isNotEmpty();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void todaysHandlerAnswersWhatEachVersionLeft(String entry) throws Exception {
    JsonNode e = JSON.readTree(root().resolve(entry).toFile());
    Namespace ns = Namespace.parse(e.path("namespace").asText("codestar-connections"));
    try (CodeStarConnectionsStandIn standIn = CodeStarConnectionsStandIn.start();
        StandInClients clients = new StandInClients(standIn)) {
      Map<String, String> arns = new LinkedHashMap<>();
      for (JsonNode h : e.path("hosts")) {
        arns.put(
            h.path("ref").asText(),
            standIn.seedHost(
                ns,
                h.path("name").asText(),
                h.path("providerType").asText(),
                h.path("providerEndpoint").asText(),
                h.has("vpcConfiguration")
                    ? JSON.convertValue(h.get("vpcConfiguration"), MAP)
                    : null,
                h.path("status").asText("PENDING"),
                h.hasNonNull("statusMessage") ? h.get("statusMessage").asText() : null,
                strings(h.path("tags"), arns)));
      }
      Map<String, Object> event =
          JSON.convertValue(JSON.readTree(refs(e.get("event").toString(), arns)), MAP);
      CloudFormationPlayer cfn = new CloudFormationPlayer(clients.hostApi(ns));
      JsonNode expect = e.get("expect");
      Result result = null;
      String reason = null;
      try {
        result = cfn.pollUntilComplete(event, cfn.onEvent(event));
      } catch (ResourceFailure f) {
        reason = f.getMessage();
      }
      String outcome = result != null ? "SUCCESS" : "FAILED";
      assertThat(outcome)
          .as("%s: %s\nhandler log:\n%s", entry, reason, cfn.log())
          .isEqualTo(expect.path("outcome").asText());
      if (result != null) {
        if (expect.has("physicalResourceId")) {
          assertThat(result.physicalResourceId())
              .isEqualTo(refs(expect.get("physicalResourceId").asText(), arns));
        }
        Map<String, Object> data = result.data();
        expect
            .path("dataContains")
            .properties()
            .forEach(
                d ->
                    assertThat(String.valueOf(data.get(d.getKey())))
                        .as("Data.%s", d.getKey())
                        .contains(refs(d.getValue().asText(), arns)));
      } else {
        for (JsonNode part : expect.path("reasonContains")) {
          assertThat(reason).contains(refs(part.asText(), arns));
        }
      }
      standIn.settle();
      List<String> left = new ArrayList<>();
      standIn.hosts().forEach(h -> left.add(h.arn()));
      List<String> expected = new ArrayList<>();
      for (JsonNode h : expect.path("hosts")) {
        String arn = arns.get(h.path("ref").asText());
        expected.add(arn);
        StandInHost host = standIn.host(arn);
        assertThat(host.tags())
            .as("tags of %s", h.path("ref").asText())
            .isEqualTo(strings(h.path("tags"), arns));
        if (h.has("vpc")) {
          assertThat(host.vpcId() != null)
              .as("%s has a VPC", h.path("ref"))
              .isEqualTo(h.get("vpc").asBoolean());
        }
        if (h.has("status")) {
          assertThat(host.status()).isEqualTo(h.get("status").asText());
        }
      }
      assertThat(left)
          .as("hosts left in the account")
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(standIn.violations()).as("requests that broke the service model").isEmpty();
    }
  }

  private static Path root() throws URISyntaxException {
    return Path.of(CorpusReplayTest.class.getResource("/corpus").toURI());
  }

  private static Map<String, String> strings(JsonNode object, Map<String, String> arns) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(f -> out.put(f.getKey(), refs(f.getValue().asText(), arns)));
    return out;
  }

  /** Puts each host's ARN where the entry says {@code ${ref}}. */
  private static String refs(String text, Map<String, String> arns) {
    String out = text;
    for (Map.Entry<String, String> a : arns.entrySet()) {
      out = out.replace("${" + a.getKey() + "}", a.getValue());
    }
    return out;
  }
}
