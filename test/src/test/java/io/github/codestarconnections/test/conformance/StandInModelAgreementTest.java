package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.ServiceModel;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stand-in's model of each API (the operations it serves and their input shapes, written in the
 * test module so that it runs on a user's clone) is the official botocore model
 * (../shared/reference/api/*.service-2.json), shape for shape: the target prefix, each operation's
 * input shape, and every shape those reach, with the same type, required members, members, list
 * member, min, max, pattern and enum. Documentation and the shapes the stand-in does not reach are
 * left out of the comparison.
 */
class StandInModelAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEPT =
      List.of("type", "required", "members", "member", "min", "max", "pattern", "enum");

  @ParameterizedTest
  @EnumSource(Namespace.class)
  void theStandInsShapesAreTheServiceModels(Namespace namespace) throws IOException {
    String file = ServiceModel.referenceFile(namespace);
    JsonNode official =
        JSON.readTree(
            ReferenceData.require(file, "the stand-in's " + namespace + " shapes against " + file)
                .toFile());
    JsonNode ours = ServiceModel.json(namespace);

    assertThat(ours.path("metadata").path("targetPrefix"))
        .isEqualTo(official.path("metadata").path("targetPrefix"));
    Deque<String> toVisit = new ArrayDeque<>();
    ours.path("operations")
        .properties()
        .forEach(
            op -> {
              JsonNode input = official.path("operations").path(op.getKey()).path("input");
              assertThat(op.getValue().path("input")).as(op.getKey()).isEqualTo(input);
              toVisit.add(input.path("shape").asText());
            });
    Map<String, JsonNode> reached = new TreeMap<>();
    while (!toVisit.isEmpty()) {
      String name = toVisit.pop();
      if (reached.containsKey(name)) {
        continue;
      }
      JsonNode shape = kept(official.path("shapes").path(name));
      reached.put(name, shape);
      shape.path("members").forEach(m -> toVisit.add(m.path("shape").asText()));
      if (shape.has("member")) {
        toVisit.add(shape.path("member").path("shape").asText());
      }
    }
    Map<String, JsonNode> written = new TreeMap<>();
    ours.path("shapes").properties().forEach(s -> written.put(s.getKey(), s.getValue()));
    assertThat(written).isEqualTo(reached);
  }

  /** A shape with only the keys the stand-in reads, members and list member by shape name. */
  private static JsonNode kept(JsonNode shape) {
    ObjectNode out = JSON.createObjectNode();
    for (String key : KEPT) {
      if (!shape.has(key)) {
        continue;
      }
      if (key.equals("members")) {
        ObjectNode members = out.putObject("members");
        shape
            .get("members")
            .properties()
            .forEach(
                m ->
                    members
                        .putObject(m.getKey())
                        .put("shape", m.getValue().path("shape").asText()));
      } else if (key.equals("member")) {
        out.putObject("member").put("shape", shape.get("member").path("shape").asText());
      } else {
        out.set(key, shape.get(key));
      }
    }
    return out;
  }
}
