package io.github.codestarconnections.lambda;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every custom-resource event of this handler has, read the same way for each resource type:
 * the envelope (RequestType, ids), the property maps, and string properties checked against the
 * service model's limits. A failure names the field, its value (clipped) and the rule, before any
 * API call. CloudFormation delivers every scalar as a string; anything else is a wrong type.
 */
final class EventFields {
  /** The models' ".*", matched whole: no line breaks, as for the service. */
  static final Pattern SINGLE_LINE = Pattern.compile(".*");

  /**
   * The ProviderType enum of the codeconnections model; the codestar-connections model's lists the
   * same but {@link #CODECONNECTIONS_ONLY_PROVIDER_TYPE}
   * (../shared/reference/api/*.service-2.json). RuleAgreementTest checks both against the models
   * and lib's ProviderType.
   */
  static final Set<String> PROVIDER_TYPES =
      Set.of(
          "Bitbucket",
          "GitHub",
          "GitHubEnterpriseServer",
          "GitLab",
          "GitLabSelfManaged",
          "AzureDevOps");

  /** The provider type only the codeconnections model lists. */
  static final String CODECONNECTIONS_ONLY_PROVIDER_TYPE = "AzureDevOps";

  /**
   * The parts of an event that do not depend on the resource type.
   *
   * @param type Create, Update or Delete
   * @param requestId the RequestId (checked unless Delete)
   * @param stackId the StackId, or null
   * @param logicalId the LogicalResourceId, or null
   * @param physicalId the PhysicalResourceId, or null (never null on Delete)
   */
  record Envelope(
      RequestType type, String requestId, String stackId, String logicalId, String physicalId) {
    /**
     * Fails an Update without a PhysicalResourceId; each parser calls it where its checks put it.
     *
     * @throws ResourceFailure naming the resource
     */
    void requirePhysicalIdOnUpdate() {
      if (type == RequestType.UPDATE && physicalId == null) {
        throw invalid(logicalId, "an Update event has no PhysicalResourceId.");
      }
    }
  }

  private EventFields() {}

  /**
   * Reads the envelope: a RequestType of Create, Update or Delete; a PhysicalResourceId on Delete;
   * a RequestId of 1 to 256 characters unless Delete. (Update's PhysicalResourceId is checked by
   * the caller, after the properties.)
   *
   * @param event the raw event
   * @return the envelope
   * @throws ResourceFailure naming what is wrong
   */
  static Envelope envelope(Map<String, Object> event) {
    if (event == null) {
      throw new ResourceFailure(
          "Invalid event: it is empty. Invoke the handler through the CDK Provider framework.");
    }
    String logicalId = optionalString(event, "LogicalResourceId");
    Object rawType = event.get("RequestType");
    RequestType type = null;
    for (RequestType t : RequestType.values()) {
      if (t.wireName().equals(rawType)) {
        type = t;
      }
    }
    if (type == null) {
      throw invalid(
          logicalId,
          "RequestType is "
              + describe(rawType)
              + "; expected Create, Update or Delete. Invoke the handler through the CDK Provider"
              + " framework.");
    }
    String physicalId = optionalString(event, "PhysicalResourceId");
    if (type == RequestType.DELETE && physicalId == null) {
      throw invalid(logicalId, "a Delete event has no PhysicalResourceId.");
    }
    String requestId = optionalString(event, "RequestId");
    if (type != RequestType.DELETE
        && (requestId == null || requestId.isEmpty() || requestId.length() > 256)) {
      throw invalid(logicalId, "RequestId is missing or not 1 to 256 characters.");
    }
    return new Envelope(type, requestId, optionalString(event, "StackId"), logicalId, physicalId);
  }

  /** An object of the event, e.g. ResourceProperties; null when absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> event, String key) {
    Object value = event.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw new ResourceFailure(
          "Invalid event: " + key + " is " + describe(value) + ", expected an object.");
    }
    return (Map<String, Object>) value;
  }

  /** An object the event must have. */
  static Map<String, Object> required(Map<String, Object> event, String logicalId, String key) {
    Map<String, Object> map = properties(event, key);
    if (map == null) {
      throw invalid(logicalId, "the event has no " + key + ".");
    }
    return map;
  }

  /**
   * A string property, checked against the model's length and pattern.
   *
   * @param kind what the properties describe, e.g. "host", for the message
   * @param map the properties
   * @param key the property
   * @param where "ResourceProperties" or "OldResourceProperties"
   * @param prefix the path of a nested property, e.g. "VpcConfiguration.", or ""
   * @param required whether a missing value fails
   * @param min the shortest allowed
   * @param max the longest allowed
   * @param pattern the pattern it must match whole
   * @return the value, or null when absent and optional
   */
  static String string(
      String kind,
      Map<String, Object> map,
      String key,
      String where,
      String prefix,
      boolean required,
      int min,
      int max,
      Pattern pattern) {
    Object raw = map.get(key);
    if (raw == null) {
      if (required) {
        throw property(kind, where, prefix + key, "is missing; it is required");
      }
      return null;
    }
    if (!(raw instanceof String s)) {
      throw property(kind, where, prefix + key, "is " + describe(raw) + ", expected a string");
    }
    if (s.length() < min || s.length() > max) {
      throw property(
          kind,
          where,
          prefix + key,
          "'"
              + clip(s)
              + "' is "
              + s.length()
              + " characters; the service allows "
              + min
              + " to "
              + max);
    }
    if (!pattern.matcher(s).matches()) {
      throw property(
          kind,
          where,
          prefix + key,
          "'"
              + clip(s)
              + "' does not match the pattern "
              + pattern.pattern()
              + (pattern == SINGLE_LINE ? " (no line breaks)" : ""));
    }
    return s;
  }

  /** A string field of the event itself, or null. */
  static String optionalString(Map<String, Object> map, String key) {
    Object raw = map.get(key);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      throw new ResourceFailure(
          "Invalid event: " + key + " is " + describe(raw) + ", expected a string.");
    }
    return s;
  }

  static ResourceFailure invalid(String logicalId, String problem) {
    return new ResourceFailure(
        "Invalid event" + (logicalId == null ? "" : " for " + logicalId) + ": " + problem);
  }

  static ResourceFailure property(String kind, String where, String field, String problem) {
    return new ResourceFailure(
        "Invalid "
            + kind
            + " property "
            + where
            + "."
            + field
            + ": "
            + problem
            + ". Fix the template; no API call was made.");
  }

  static String describe(Object value) {
    if (value == null) {
      return "missing";
    }
    if (value instanceof String s) {
      return "'" + clip(s) + "'";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a "
        + value.getClass().getSimpleName().toLowerCase(Locale.ROOT)
        + " ("
        + clip(String.valueOf(value))
        + ")";
  }

  static String item(Object value) {
    return value == null ? "a null item" : describe(value);
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
