package io.github.codestarconnections;

import java.util.Map;
import software.amazon.awscdk.Token;

/** The service's tag rules, checked where a construct is given tags, skipping tokens. */
final class TagRules {
  /** Most user tags an AWS resource takes. */
  static final int MAX_TAGS = 50;

  private TagRules() {}

  /**
   * Checks each tag and the count.
   *
   * @param owner the construct and its path, e.g. {@code "Connection at 'Stack/GitHub'"}
   * @param property the property holding the tags, e.g. {@code "tags"}
   * @param tags the tags (may be null)
   */
  static void validate(String owner, String property, Map<String, String> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " has "
              + tags.size()
              + " tags; the service allows at most "
              + MAX_TAGS);
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      validateTag(owner, property, tag.getKey(), tag.getValue());
    }
  }

  private static void validateTag(String owner, String property, String key, String value) {
    if (key == null || value == null) {
      throw new IllegalArgumentException(
          owner + ": " + property + " has a null key or value (key '" + key + "')");
    }
    if (!Token.isUnresolved(key)) {
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
      if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        throw new IllegalArgumentException(
            owner
                + ": "
                + property
                + " key '"
                + key
                + "' starts with 'aws:', which is reserved for AWS's own tags");
      }
    }
    if (!Token.isUnresolved(value) && value.length() > 256) {
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
