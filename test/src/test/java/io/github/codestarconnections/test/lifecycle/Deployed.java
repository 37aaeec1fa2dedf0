package io.github.codestarconnections.test.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

/** One resource as the stack has it: its template entry, physical id, properties, attributes. */
final class Deployed {
  final String logicalId;
  Map<String, Object> definition;
  String physicalId;
  Map<String, Object> properties;
  Map<String, Object> attributes;

  Deployed(
      String logicalId,
      Map<String, Object> definition,
      String physicalId,
      Map<String, Object> properties,
      Map<String, Object> attributes) {
    this.logicalId = logicalId;
    this.definition = definition;
    this.physicalId = physicalId;
    this.properties = properties;
    this.attributes = new LinkedHashMap<>(attributes);
  }

  String type() {
    return Templates.type(definition);
  }

  /** The resource's DeletionPolicy or UpdateReplacePolicy, "Delete" when not given. */
  String policy(String attribute) {
    Object p = definition.get(attribute);
    return p == null ? "Delete" : String.valueOf(p);
  }

  Deployed copy() {
    return new Deployed(logicalId, definition, physicalId, properties, attributes);
  }

  @Override
  public String toString() {
    return logicalId + "(" + type() + ", " + physicalId + ")";
  }
}
