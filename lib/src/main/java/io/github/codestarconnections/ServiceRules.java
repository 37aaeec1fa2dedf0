package io.github.codestarconnections;

import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.constructs.IConstruct;

/** The service's rules for names, lengths and tags, checked at construction, skipping tokens. */
final class ServiceRules {
  /**
   * Tags on one resource, for connections and hosts alike. The service models cap a request's
   * TagList at 200 (../shared/reference/api/*.service-2.json) and the registry schemas set no
   * count; CodeConnections' docs name no count per resource, and AWS's tagging guidance puts most
   * services at 50 user tags a resource
   * (https://docs.aws.amazon.com/general/latest/gr/aws_tagging.html). 50 is safe under either
   * reading. A {@link Host} keeps room for the handler's markers ({@link HostRules#MAX_USER_TAGS}).
   */
  static final int MAX_TAGS = 50;

  /** Why a tag key may not start with {@code aws:}, for messages. */
  static final String RESERVED_PREFIX =
      "starts with 'aws:' (in any letter case), which is reserved for AWS's own tags: a tag key"
          + " \"cannot be prefixed with aws:\" (the registry schemas of"
          + " AWS::CodeStarConnections::Connection and AWS::CodeConnections::Connection; AWS's"
          + " tagging rules, https://docs.aws.amazon.com/general/latest/gr/aws_tagging.html)";

  private ServiceRules() {}

  /**
   * Whether a literal tag key is one of AWS's own ({@link #RESERVED_PREFIX}).
   *
   * @param key the key, not a token
   * @return true when it starts with {@code aws:} in any letter case
   */
  static boolean reservedKey(String key) {
    return key.regionMatches(true, 0, "aws:", 0, 4);
  }

  /**
   * Checks each tag and the count.
   *
   * @param owner the construct, e.g. {@code Connection at 'Stack/GitHub'}
   * @param property the property holding the tags, e.g. {@code "tags"}
   * @param tags the tags (may be null)
   * @param max the most tags the resource may have
   */
  static void validate(Owner owner, String property, Map<String, String> tags, int max) {
    if (tags == null) {
      return;
    }
    if (tags.size() > max) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " has "
              + tags.size()
              + " tags; at most "
              + max
              + " are allowed"
              + (max == MAX_TAGS ? "" : HostRules.MARKER_ROOM));
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      validateTag(owner, property, tag.getKey(), tag.getValue());
    }
  }

  /**
   * Checks at synth the tags a connection ends up with, its own and those from {@code
   * Tags.of(scope)}: at most {@link #MAX_TAGS}, no key of AWS's. Registers them with the stack's
   * {@link StackChecks}, the host's when the resource is a connection on a {@link Host} of the same
   * stack (no look-up in the tree), else the one found or made at its fixed id.
   *
   * @param stack the resource's stack
   * @param owner the construct, for messages
   * @param construct the construct, which an error is reported under
   * @param tags the resource's tag manager
   * @param host the connection's host, or null
   * @return the stack's checks
   * @throws IllegalArgumentException when a construct that is not ours holds the checks' id
   */
  static StackChecks checkTagsAtSynth(
      Stack stack, Owner owner, IConstruct construct, TagManager tags, IHost host) {
    StackChecks checks = host instanceof Host owned ? owned.stackChecksIn(stack) : null;
    if (checks == null) {
      checks = StackChecks.of(stack, owner);
    }
    checks.add(owner, construct, tags, MAX_TAGS);
    return checks;
  }

  /**
   * Checks a literal string's length against the service's limits; tokens pass.
   *
   * @param owner the construct
   * @param property the property, e.g. {@code connectionName}
   * @param value the value
   * @param max the longest the service takes (the shortest is 1)
   * @return the value
   */
  static String checkLength(Owner owner, String property, String value, int max) {
    if (!JsiiShortcuts.isUnresolved(value) && (value.isEmpty() || value.length() > max)) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " '"
              + value
              + "' is "
              + value.length()
              + " characters; the service allows 1 to "
              + max);
    }
    return value;
  }

  private static void validateTag(Owner owner, String property, String key, String value) {
    if (key == null) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " has a null key (with value '"
              + value
              + "'); a tag key is a string of 1 to 128 characters");
    }
    if (value == null) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " value of '"
              + key
              + "' is null; a tag value is a string of 0 to 256 characters (\"\" for none)");
    }
    if (!JsiiShortcuts.isUnresolved(key)) {
      if (key.isEmpty() || key.length() > 128) {
        throw new IllegalArgumentException(
            owner
                + ": "
                + property
                + " key '"
                + key
                + "' is "
                + key.length()
                + " characters; the service allows 1 to 128");
      }
      if (reservedKey(key)) {
        throw new IllegalArgumentException(
            owner + ": " + property + " key '" + key + "' " + RESERVED_PREFIX);
      }
    }
    if (!JsiiShortcuts.isUnresolved(value) && value.length() > 256) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " value of '"
              + key
              + "' is "
              + value.length()
              + " characters; the service allows 0 to 256");
    }
  }
}
