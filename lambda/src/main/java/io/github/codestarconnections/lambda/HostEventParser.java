package io.github.codestarconnections.lambda;

import static io.github.codestarconnections.lambda.EventFields.clip;
import static io.github.codestarconnections.lambda.EventFields.describe;
import static io.github.codestarconnections.lambda.EventFields.item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a CloudFormation custom-resource event into a {@link HostEvent}, checking every property
 * against the service model's constraints so that a bad template fails before any API call.
 *
 * <p>CloudFormation delivers every scalar as a string; anything else is a wrong type. Properties
 * that were recorded before (OldResourceProperties, and a Delete's, which a Create that failed on
 * them must still delete) are read, not checked ({@link #recorded}). An Update's ResourceProperties
 * take as many tags as an earlier version did ({@link #MAX_RECORDED_USER_TAGS}): its rollback
 * brings them back.
 */
public final class HostEventParser {
  /** Provider types CreateHost accepts in both namespaces, so that either can serve a host. */
  static final Set<String> PROVIDER_TYPES =
      EventFields.PROVIDER_TYPES.stream()
          .filter(t -> !t.equals(EventFields.CODECONNECTIONS_ONLY_PROVIDER_TYPE))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Tags on one resource. The models cap a request's TagList at 200; CodeConnections' docs name no
   * count per resource, and AWS's tagging guidance puts most services at 50 user tags a resource
   * (https://docs.aws.amazon.com/general/latest/gr/aws_tagging.html). 50 with the handler's markers
   * included is safe under either reading.
   */
  static final int MAX_TAGS_PER_RESOURCE = 50;

  /**
   * At most this many user tags: {@link #MAX_TAGS_PER_RESOURCE} less the handler's {@link
   * MarkerTag#KEYS}, the same number lib allows a Host (RuleAgreementTest).
   */
  public static final int MAX_USER_TAGS = MAX_TAGS_PER_RESOURCE - MarkerTag.KEYS.size();

  /**
   * The most user tags an earlier version took (8d94425 to 3c3e069: the models' 200 less its one
   * marker). An Update's ResourceProperties are held to it, not to {@link #MAX_USER_TAGS}: they may
   * be CloudFormation's rollback to a host such a version made, which must not fail.
   */
  static final int MAX_RECORDED_USER_TAGS = 199;

  private static final Set<String> PROPERTY_NAMES =
      Set.of(
          "ServiceToken", "Name", "ProviderType", "ProviderEndpoint", "VpcConfiguration", "Tags");
  private static final Set<String> VPC_NAMES =
      Set.of("VpcId", "SubnetIds", "SecurityGroupIds", "TlsCertificate");
  // The models' patterns, matched whole. ".*" excludes line breaks, as it does for the service.
  private static final Pattern SINGLE_LINE = EventFields.SINGLE_LINE;
  private static final Pattern VPC_ID = Pattern.compile("vpc-\\w{8}(\\w{9})?");
  private static final Pattern SUBNET_ID = Pattern.compile("subnet-\\w{8}(\\w{9})?");
  private static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-\\w{8}(\\w{9})?");

  private HostEventParser() {}

  /**
   * Parses and validates an event.
   *
   * @param event the raw event
   * @return the parsed event
   * @throws ResourceFailure naming the bad field, its value and the rule
   */
  public static HostEvent parse(Map<String, Object> event) {
    EventFields.Envelope envelope = EventFields.envelope(event);
    String logicalId = envelope.logicalId();
    if (envelope.type() == RequestType.DELETE) {
      // Delete must work whatever the properties were, or without any.
      Map<String, Object> p = recordedMap(event.get("ResourceProperties"));
      return new HostEvent(
          envelope.type(),
          envelope.requestId(),
          envelope.stackId(),
          logicalId,
          envelope.physicalId(),
          p == null ? null : recorded(p),
          null,
          DeleteWait.until(event));
    }
    Map<String, Object> wanted = EventFields.required(event, logicalId, "ResourceProperties");
    if (envelope.type() == RequestType.CREATE) {
      return new HostEvent(
          envelope.type(),
          envelope.requestId(),
          envelope.stackId(),
          logicalId,
          envelope.physicalId(),
          spec(wanted, "ResourceProperties", MAX_USER_TAGS),
          null);
    }
    // An Update's ResourceProperties may be a rollback to what an earlier version accepted.
    HostSpec spec = spec(wanted, "ResourceProperties", MAX_RECORDED_USER_TAGS);
    envelope.requirePhysicalIdOnUpdate();
    HostSpec old = recorded(EventFields.required(event, logicalId, "OldResourceProperties"));
    return new HostEvent(
        envelope.type(),
        envelope.requestId(),
        envelope.stackId(),
        logicalId,
        envelope.physicalId(),
        spec,
        old);
  }

  /**
   * Reads properties as they were recorded (OldResourceProperties, a Delete's properties): what an
   * earlier version accepted, or what an Update that failed on them asked for, is read without
   * today's limits (CloudFormation's custom resource guidance: handle every set of properties a
   * resource could have been created with). A field that is missing or of a form no version wrote
   * reads as null (a tag or id of such a form is skipped); unknown properties are ignored.
   *
   * @param p the properties
   * @return the host as recorded
   */
  static HostSpec recorded(Map<String, Object> p) {
    Map<String, Object> v = recordedMap(p.get("VpcConfiguration"));
    VpcSpec vpc =
        v == null
            ? null
            : new VpcSpec(
                text(v.get("VpcId")),
                texts(v.get("SubnetIds")),
                texts(v.get("SecurityGroupIds")),
                text(v.get("TlsCertificate")));
    Map<String, String> tags = new LinkedHashMap<>();
    if (p.get("Tags") instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> tag = recordedMap(item);
        if (tag != null && text(tag.get("Key")) != null && text(tag.get("Value")) != null) {
          tags.put(text(tag.get("Key")), text(tag.get("Value")));
        }
      }
    }
    return new HostSpec(
        text(p.get("Name")),
        text(p.get("ProviderType")),
        text(p.get("ProviderEndpoint")),
        vpc,
        tags);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> recordedMap(Object raw) {
    return raw instanceof Map ? (Map<String, Object>) raw : null;
  }

  private static String text(Object raw) {
    return raw instanceof String s ? s : null;
  }

  private static List<String> texts(Object raw) {
    List<String> out = new ArrayList<>();
    if (raw instanceof List<?> list) {
      list.forEach(
          item -> {
            if (item instanceof String s) {
              out.add(s);
            }
          });
    }
    return out;
  }

  /**
   * Validates one set of host properties.
   *
   * @param p the properties
   * @param where "ResourceProperties", for messages
   * @param maxTags the most user tags taken
   * @return the spec
   */
  static HostSpec spec(Map<String, Object> p, String where, int maxTags) {
    for (String key : p.keySet()) {
      if (!PROPERTY_NAMES.contains(key)) {
        throw property(
            where,
            clip(key),
            "is not a property of the host; allowed: Name, ProviderType, ProviderEndpoint, VpcConfiguration, Tags");
      }
    }
    String name = string(p, "Name", where, true, 1, 64, SINGLE_LINE);
    String providerType = string(p, "ProviderType", where, true, 1, 64, SINGLE_LINE);
    if (!PROVIDER_TYPES.contains(providerType)) {
      throw property(
          where,
          "ProviderType",
          "is '"
              + providerType
              + "'; CreateHost accepts "
              + String.join(", ", new java.util.TreeSet<>(PROVIDER_TYPES))
              + " (hosts are for installed providers such as GitHubEnterpriseServer and GitLabSelfManaged)");
    }
    String endpoint = string(p, "ProviderEndpoint", where, true, 1, 512, SINGLE_LINE);
    VpcSpec vpc = vpc(p.get("VpcConfiguration"), where);
    Map<String, String> tags = tags(p.get("Tags"), where, maxTags);
    return new HostSpec(name, providerType, endpoint, vpc, tags);
  }

  @SuppressWarnings("unchecked")
  private static VpcSpec vpc(Object raw, String where) {
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Map)) {
      throw property(where, "VpcConfiguration", "is " + describe(raw) + ", expected an object");
    }
    Map<String, Object> v = (Map<String, Object>) raw;
    for (String key : v.keySet()) {
      if (!VPC_NAMES.contains(key)) {
        throw property(
            where,
            "VpcConfiguration." + clip(key),
            "is not allowed; allowed: VpcId, SubnetIds, SecurityGroupIds, TlsCertificate");
      }
    }
    String prefix = "VpcConfiguration.";
    String vpcId = string(v, "VpcId", where, prefix, true, 12, 21, VPC_ID);
    List<String> subnets = ids(v.get("SubnetIds"), where, prefix + "SubnetIds", 15, 24, SUBNET_ID);
    List<String> groups =
        ids(
            v.get("SecurityGroupIds"),
            where,
            prefix + "SecurityGroupIds",
            11,
            20,
            SECURITY_GROUP_ID);
    Object cert = v.get("TlsCertificate");
    if (cert != null && !(cert instanceof String)) {
      throw property(
          where, prefix + "TlsCertificate", "is " + describe(cert) + ", expected a string");
    }
    String tls = (String) cert;
    if (tls != null && (tls.isEmpty() || tls.length() > 16384)) {
      // Never quote the certificate itself.
      throw property(
          where,
          prefix + "TlsCertificate",
          "is " + tls.length() + " characters; the service allows 1 to 16384");
    }
    return new VpcSpec(vpcId, subnets, groups, tls);
  }

  private static List<String> ids(
      Object raw, String where, String field, int min, int max, Pattern pattern) {
    if (raw == null) {
      throw property(
          where,
          field,
          "is missing; a VpcConfiguration needs VpcId, SubnetIds and SecurityGroupIds");
    }
    if (!(raw instanceof List<?> list)) {
      throw property(where, field, "is " + describe(raw) + ", expected a list of strings");
    }
    if (list.isEmpty() || list.size() > 10) {
      throw property(where, field, "has " + list.size() + " items; the service allows 1 to 10");
    }
    List<String> ids = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw property(where, field, "contains " + item(item) + ", expected strings");
      }
      if (s.length() < min || s.length() > max || !pattern.matcher(s).matches()) {
        throw property(
            where,
            field,
            "contains '"
                + clip(s)
                + "', which does not match "
                + pattern.pattern()
                + " ("
                + min
                + " to "
                + max
                + " characters)");
      }
      ids.add(s);
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tags(Object raw, String where, int maxTags) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (raw == null) {
      return tags;
    }
    if (!(raw instanceof List<?> list)) {
      throw property(where, "Tags", "is " + describe(raw) + ", expected a list of {Key, Value}");
    }
    if (list.size() > maxTags) {
      throw property(
          where,
          "Tags",
          "has "
              + list.size()
              + " tags; at most "
              + maxTags
              + " are allowed ("
              + (maxTags == MAX_USER_TAGS
                  ? MAX_TAGS_PER_RESOURCE
                      + " a resource, less the handler's "
                      + MarkerTag.KEYS.size()
                      + " marker keys under "
                      + MarkerTag.PREFIX
                  : "the most an earlier version of the handler took")
              + ")");
    }
    for (Object item : list) {
      if (!(item instanceof Map)) {
        throw property(where, "Tags", "contains " + item(item) + ", expected {Key, Value} objects");
      }
      Map<String, Object> tag = (Map<String, Object>) item;
      for (String k : tag.keySet()) {
        if (!k.equals("Key") && !k.equals("Value")) {
          throw property(
              where,
              "Tags",
              "contains a tag with field '" + clip(k) + "'; a tag has only Key and Value");
        }
      }
      String key = string(tag, "Key", where, "Tags[].", true, 1, 128, SINGLE_LINE);
      String value = string(tag, "Value", where, "Tags[].", true, 0, 256, SINGLE_LINE);
      if (MarkerTag.KEYS.contains(key)) {
        throw property(
            where,
            "Tags",
            "uses the key " + key + ", which the handler reserves for itself; rename the tag");
      }
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw property(
            where,
            "Tags",
            "uses the key '" + clip(key) + "'; keys starting with 'aws:' are reserved by AWS");
      }
      if (tags.put(key, value) != null) {
        throw property(
            where, "Tags", "has the key '" + clip(key) + "' twice; tag keys must be unique");
      }
    }
    return tags;
  }

  private static String string(
      Map<String, Object> map,
      String key,
      String where,
      boolean required,
      int min,
      int max,
      Pattern pattern) {
    return string(map, key, where, "", required, min, max, pattern);
  }

  private static String string(
      Map<String, Object> map,
      String key,
      String where,
      String prefix,
      boolean required,
      int min,
      int max,
      Pattern pattern) {
    return EventFields.string("host", map, key, where, prefix, required, min, max, pattern);
  }

  private static ResourceFailure property(String where, String field, String problem) {
    return EventFields.property("host", where, field, problem);
  }
}
