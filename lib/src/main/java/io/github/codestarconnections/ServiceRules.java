package io.github.codestarconnections;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.Token;
import software.constructs.IValidation;

/** The service's rules for names, lengths and tags, checked at construction, skipping tokens. */
final class ServiceRules {
  /** Most user tags an AWS resource takes. */
  static final int MAX_TAGS = 50;

  private ServiceRules() {}

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

  /**
   * A tree validation: the tags a resource ends up with, its own and those from {@code
   * Tags.of(scope)}, are at most {@link #MAX_TAGS}.
   *
   * @param owner the construct and its path
   * @param tags the resource's tag manager
   * @return the validation, for {@code getNode().addValidation}
   */
  static IValidation countValidation(String owner, TagManager tags) {
    return () -> {
      int count = tags.tagValues().size();
      return count <= MAX_TAGS
          ? List.of()
          : List.of(
              owner
                  + ": has "
                  + count
                  + " tags (its own and those from Tags.of); the service allows at most "
                  + MAX_TAGS);
    };
  }

  /**
   * Checks a literal string's length against the service's limits; tokens pass.
   *
   * @param owner the construct and its path
   * @param property the property, e.g. {@code connectionName}
   * @param value the value
   * @param max the longest the service takes (the shortest is 1)
   * @return the value
   */
  static String checkLength(String owner, String property, String value, int max) {
    if (!Token.isUnresolved(value) && (value.isEmpty() || value.length() > max)) {
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
