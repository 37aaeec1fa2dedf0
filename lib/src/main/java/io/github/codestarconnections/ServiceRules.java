package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;

/** The service's rules for names, lengths and tags, checked at construction, skipping tokens. */
final class ServiceRules {
  /** Most user tags an AWS resource takes. */
  static final int MAX_TAGS = 50;

  /** The tag managers of each stack's hosts and connections, for the count checked at synth. */
  private static final Map<Stack, List<Tagged>> TAGGED = new WeakHashMap<>();

  private record Tagged(Owner owner, TagManager tags) {}

  private ServiceRules() {}

  /**
   * Checks each tag and the count.
   *
   * @param owner the construct, e.g. {@code Connection at 'Stack/GitHub'}
   * @param property the property holding the tags, e.g. {@code "tags"}
   * @param tags the tags (may be null)
   */
  static void validate(Owner owner, String property, Map<String, String> tags) {
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
   * Checks at synth that the tags a resource ends up with, its own and those from {@code
   * Tags.of(scope)}, are at most {@link #MAX_TAGS}. One validation on the stack checks every
   * registered resource of it: a validation per construct would cost four more jsii round trips
   * each.
   *
   * @param stack the resource's stack
   * @param owner the construct
   * @param tags the resource's tag manager
   */
  static synchronized void checkTagCountAtSynth(Stack stack, Owner owner, TagManager tags) {
    List<Tagged> tagged = TAGGED.get(stack);
    if (tagged == null) {
      List<Tagged> created = new ArrayList<>();
      TAGGED.put(stack, created);
      stack.getNode().addValidation(() -> tagCountErrors(created));
      tagged = created;
    }
    tagged.add(new Tagged(owner, tags));
  }

  private static List<String> tagCountErrors(List<Tagged> tagged) {
    List<String> errors = new ArrayList<>();
    List<Tagged> snapshot;
    synchronized (ServiceRules.class) {
      snapshot = List.copyOf(tagged);
    }
    for (Tagged t : snapshot) {
      int count = t.tags().tagValues().size();
      if (count > MAX_TAGS) {
        errors.add(
            t.owner()
                + ": has "
                + count
                + " tags (its own and those from Tags.of); the service allows at most "
                + MAX_TAGS);
      }
    }
    return errors;
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
    if (key == null || value == null) {
      throw new IllegalArgumentException(
          owner + ": " + property + " has a null key or value (key '" + key + "')");
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
