package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.codestarconnections.lambda.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One namespace's service model, as far as the stand-in serves it ({@link ServedShapes}: the
 * operations' input shapes, written from the service models). Validates request bodies against
 * operations' input shapes.
 */
public final class ServiceModel {
  private final Namespace namespace;
  private final JsonNode model;

  private ServiceModel(Namespace namespace, JsonNode model) {
    this.namespace = namespace;
    this.model = model;
  }

  /**
   * Loads the model of a namespace.
   *
   * @param namespace which API
   * @return the stand-in's model of it
   */
  public static ServiceModel load(Namespace namespace) {
    return new ServiceModel(namespace, ServedShapes.model(namespace));
  }

  /**
   * A model of a namespace from botocore JSON, e.g. the official one a conformance test reads.
   *
   * @param namespace which API
   * @param model the model, in the botocore format
   * @return the model
   */
  public static ServiceModel of(Namespace namespace, JsonNode model) {
    return new ServiceModel(namespace, model);
  }

  /**
   * The stand-in's model as JSON, in the botocore format, to compare with the official one.
   *
   * @param namespace which API
   * @return a fresh copy
   */
  public static JsonNode json(Namespace namespace) {
    return ServedShapes.model(namespace);
  }

  /**
   * Where the official botocore model of the namespace is in the reference data.
   *
   * @param namespace which API
   * @return the file's path under ../shared/reference, e.g. {@code
   *     api/codeconnections-2023-12-01.service-2.json}
   */
  public static String referenceFile(Namespace namespace) {
    return namespace == Namespace.CODECONNECTIONS
        ? "api/codeconnections-2023-12-01.service-2.json"
        : "api/codestar-connections-2019-12-01.service-2.json";
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
        for (Map.Entry<String, JsonNode> f : value.properties()) {
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
