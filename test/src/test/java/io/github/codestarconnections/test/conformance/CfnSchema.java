package io.github.codestarconnections.test.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A CloudFormation registry schema, checking a resource's synthesized {@code Properties} against
 * the JSON-schema keywords those schemas use: type, properties, required, additionalProperties,
 * enum, minLength, maxLength, pattern, items, minItems, maxItems, uniqueItems, $ref.
 *
 * <p>A value that is a CloudFormation intrinsic ({@code Ref}, {@code Fn::*}) stands for whatever it
 * resolves to at deploy time, so it passes any scalar check.
 */
public final class CfnSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String typeName;
  private final JsonNode root;

  private CfnSchema(JsonNode root) {
    this.root = root;
    this.typeName = root.path("typeName").asText();
  }

  /**
   * The reference data directory, from the system property {@code reference.dir}.
   *
   * @return the directory when it exists
   */
  public static Optional<Path> referenceDir() {
    String dir = System.getProperty("reference.dir");
    if (dir == null || !Files.isDirectory(Path.of(dir))) {
      return Optional.empty();
    }
    return Optional.of(Path.of(dir));
  }

  /**
   * Loads {@code cfn-schemas/<file>} from the reference directory.
   *
   * @param file e.g. {@code aws-codeconnections-host.json}
   * @return the schema, or empty when the reference data is absent
   */
  public static Optional<CfnSchema> load(String file) throws IOException {
    Optional<Path> dir = referenceDir();
    if (dir.isEmpty() || !Files.isRegularFile(dir.get().resolve("cfn-schemas").resolve(file))) {
      return Optional.empty();
    }
    return Optional.of(
        new CfnSchema(JSON.readTree(dir.get().resolve("cfn-schemas").resolve(file).toFile())));
  }

  /**
   * The schema's resource type, e.g. {@code AWS::CodeConnections::Host}.
   *
   * @return the type name
   */
  public String typeName() {
    return typeName;
  }

  /**
   * The schema's top-level property names.
   *
   * @return the names, in the schema's order
   */
  public List<String> propertyNames() {
    List<String> names = new ArrayList<>();
    root.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Checks a resource's properties.
   *
   * @param properties the synthesized Properties map
   * @param ignored top-level properties to leave out (e.g. ServiceToken of a custom resource)
   * @return the violations, each naming the JSON path and the rule; empty when valid
   */
  public List<String> violations(Map<String, Object> properties, Set<String> ignored) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(properties);
    ignored.forEach(copy::remove);
    List<String> out = new ArrayList<>();
    check(JSON.valueToTree(copy), root, "Properties", out);
    return out;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    JsonNode target = root;
    for (String part : ref.asText().replaceFirst("^#/", "").split("/")) {
      target = target.path(part);
    }
    return resolve(target);
  }

  private static boolean isIntrinsic(JsonNode value) {
    if (!value.isObject() || value.size() != 1) {
      return false;
    }
    String key = value.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  private void check(JsonNode value, JsonNode schemaNode, String path, List<String> out) {
    JsonNode schema = resolve(schemaNode);
    if (isIntrinsic(value)) {
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> checkObject(value, schema, path, out);
      case "array" -> checkArray(value, schema, path, out);
      case "string" -> checkString(value, schema, path, out);
      case "integer", "number" -> {
        if (!value.isNumber()
            && !(value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"))) {
          out.add(path + ": " + value + " is not a number");
        }
      }
      case "boolean" -> {
        if (!value.isBoolean() && !value.asText().matches("true|false")) {
          out.add(path + ": " + value + " is not a boolean");
        }
      }
      default -> {
        if (schema.has("properties")) {
          checkObject(value, schema, path, out);
        }
      }
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) {
        found |= allowed.equals(value);
      }
      if (!found) {
        out.add(path + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
  }

  private void checkObject(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isObject()) {
      out.add(path + ": " + value + " is not an object");
      return;
    }
    JsonNode props = schema.path("properties");
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        out.add(path + ": required property " + required.asText() + " is missing");
      }
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode sub = props.get(field.getKey());
      if (sub == null) {
        if (schema.path("additionalProperties").isBoolean()
            && !schema.path("additionalProperties").asBoolean()) {
          out.add(path + ": property " + field.getKey() + " is not allowed");
        }
        continue;
      }
      check(field.getValue(), sub, path + "." + field.getKey(), out);
    }
  }

  private void checkArray(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isArray()) {
      out.add(path + ": " + value + " is not an array");
      return;
    }
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      out.add(
          path + ": " + value.size() + " items; at least " + schema.get("minItems") + " needed");
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      out.add(
          path + ": " + value.size() + " items; at most " + schema.get("maxItems") + " allowed");
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : value) {
        if (!isIntrinsic(item) && !seen.add(item)) {
          out.add(path + ": duplicate item " + item);
        }
      }
    }
    int i = 0;
    for (JsonNode item : value) {
      check(item, schema.path("items"), path + "[" + i++ + "]", out);
    }
  }

  private static void checkString(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isTextual()) {
      out.add(path + ": " + value + " is not a string");
      return;
    }
    String s = value.asText();
    int length = s.codePointCount(0, s.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      out.add(path + ": '" + s + "' is shorter than " + schema.get("minLength"));
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      out.add(path + ": " + length + " characters; at most " + schema.get("maxLength"));
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
      out.add(path + ": '" + s + "' does not match " + schema.get("pattern").asText());
    }
  }
}
