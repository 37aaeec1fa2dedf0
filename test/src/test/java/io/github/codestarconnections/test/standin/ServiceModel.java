package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.lambda.Namespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One namespace's service model: the official botocore JSON from {@code
 * ${reference.dir}/api/*.service-2.json} when present, else the host operations' constraints
 * written into {@link FallbackModel}. Validates request bodies against operations' input shapes.
 */
public final class ServiceModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Namespace namespace;
  private final JsonNode model;
  private final boolean official;

  private ServiceModel(Namespace namespace, JsonNode model, boolean official) {
    this.namespace = namespace;
    this.model = model;
    this.official = official;
  }

  /**
   * Loads the model of a namespace.
   *
   * @param namespace which API
   * @return the official model if {@code reference.dir} has it, else the fallback
   */
  public static ServiceModel load(Namespace namespace) {
    Path file = officialFile(namespace);
    try {
      if (file != null && Files.isRegularFile(file)) {
        return new ServiceModel(namespace, JSON.readTree(file.toFile()), true);
      }
      return new ServiceModel(namespace, JSON.readTree(FallbackModel.json(namespace)), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Where the official model would be.
   *
   * @param namespace which API
   * @return the path, or null when {@code reference.dir} is not set
   */
  public static Path officialFile(Namespace namespace) {
    String dir = System.getProperty("reference.dir");
    if (dir == null || dir.isBlank()) {
      return null;
    }
    String name =
        namespace == Namespace.CODECONNECTIONS
            ? "codeconnections-2023-12-01.service-2.json"
            : "codestar-connections-2019-12-01.service-2.json";
    return Path.of(dir, "api", name);
  }

  /**
   * Whether this is the official model rather than the fallback.
   *
   * @return true when read from {@code reference.dir}
   */
  public boolean official() {
    return official;
  }

  /**
   * The namespace.
   *
   * @return it
   */
  public Namespace namespace() {
    return namespace;
  }

  /**
   * The X-Amz-Target prefix.
   *
   * @return metadata.targetPrefix
   */
  public String targetPrefix() {
    return model.path("metadata").path("targetPrefix").asText();
  }

  /**
   * A shape's {@code max}: the longest string or list the model allows.
   *
   * @param shape e.g. HostName
   * @return the limit
   * @throws IllegalStateException when the shape has none
   */
  public int max(String shape) {
    JsonNode max = model.path("shapes").path(shape).path("max");
    if (!max.isInt()) {
      throw new IllegalStateException(namespace + " model: shape " + shape + " has no max");
    }
    return max.asInt();
  }

  /**
   * A string shape's enum values.
   *
   * @param shape e.g. ProviderType
   * @return the values, in the model's order
   */
  public List<String> enumValues(String shape) {
    List<String> values = new ArrayList<>();
    model.path("shapes").path(shape).path("enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  /**
   * Whether the model has the operation.
   *
   * @param operation e.g. CreateHost
   * @return true if so
   */
  public boolean hasOperation(String operation) {
    return model.path("operations").has(operation);
  }

  /**
   * Validates a request body against the operation's input shape.
   *
   * @param operation the operation
   * @param body the parsed JSON body
   * @return violations, empty when valid
   */
  public List<String> validate(String operation, JsonNode body) {
    List<String> violations = new ArrayList<>();
    JsonNode input = model.path("operations").path(operation).path("input");
    if (input.isMissingNode()) {
      if (body.size() > 0) {
        violations.add(operation + ": the operation takes no input");
      }
      return violations;
    }
    check(input.path("shape").asText(), body, operation, violations);
    return violations;
  }

  private void check(String shapeName, JsonNode value, String path, List<String> out) {
    JsonNode shape = model.path("shapes").path(shapeName);
    String type = shape.path("type").asText();
    switch (type) {
      case "structure" -> {
        if (!value.isObject()) {
          out.add(path + ": expected an object");
          return;
        }
        for (JsonNode req : shape.path("required")) {
          if (!value.has(req.asText()) || value.get(req.asText()).isNull()) {
            out.add(path + "." + req.asText() + ": required member is missing");
          }
        }
        JsonNode members = shape.path("members");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (!members.has(f.getKey())) {
            out.add(path + "." + f.getKey() + ": not a member of " + shapeName);
          } else if (!f.getValue().isNull()) {
            check(
                members.get(f.getKey()).path("shape").asText(),
                f.getValue(),
                path + "." + f.getKey(),
                out);
          }
        }
      }
      case "list" -> {
        if (!value.isArray()) {
          out.add(path + ": expected a list");
          return;
        }
        range(shape, value.size(), path, "items", out);
        int i = 0;
        for (JsonNode item : value) {
          check(shape.path("member").path("shape").asText(), item, path + "[" + i++ + "]", out);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          out.add(path + ": expected a string");
          return;
        }
        String s = value.asText();
        range(shape, s.length(), path, "characters", out);
        if (shape.has("pattern")
            && !Pattern.compile(shape.get("pattern").asText()).matcher(s).matches()) {
          out.add(path + ": '" + clip(s) + "' does not match " + shape.get("pattern").asText());
        }
        if (shape.has("enum")) {
          boolean found = false;
          for (JsonNode e : shape.get("enum")) {
            found |= e.asText().equals(s);
          }
          if (!found) {
            out.add(path + ": '" + clip(s) + "' is not one of " + shape.get("enum"));
          }
        }
      }
      case "integer", "long" -> {
        if (!value.isIntegralNumber()) {
          out.add(path + ": expected an integer");
          return;
        }
        long n = value.asLong();
        if (shape.has("min") && n < shape.get("min").asLong()) {
          out.add(path + ": " + n + " is below " + shape.get("min"));
        }
        if (shape.has("max") && n > shape.get("max").asLong()) {
          out.add(path + ": " + n + " is above " + shape.get("max"));
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(path + ": expected a boolean");
        }
      }
      default -> out.add(path + ": shape " + shapeName + " of type '" + type + "' is unknown");
    }
  }

  private static void range(JsonNode shape, int size, String path, String unit, List<String> out) {
    if (shape.has("min") && size < shape.get("min").asInt()) {
      out.add(path + ": " + size + " " + unit + ", minimum " + shape.get("min"));
    }
    if (shape.has("max") && size > shape.get("max").asInt()) {
      out.add(path + ": " + size + " " + unit + ", maximum " + shape.get("max"));
    }
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
