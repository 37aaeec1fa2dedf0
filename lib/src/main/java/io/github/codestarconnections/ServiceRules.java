package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.constructs.Construct;

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

  private record Tagged(Owner owner, TagManager tags, int max) {}

  /**
   * The tag managers of one stack's hosts and connections, for the count checked at synth: a
   * construct at a fixed id under the stack, found there by the first resource of each kind that
   * registers (a host through its provider, a connection on an owned host through the host). Its
   * one validation also runs the stack's other Java-side checks ({@link #alsoCheck}).
   */
  static final class TagCountCheck extends Construct {
    static final String ID = "CodeStarConnectionsTagCountCheck";

    private final List<Tagged> tagged = new ArrayList<>();
    private final List<Supplier<List<String>>> otherChecks = new ArrayList<>();

    private TagCountCheck(Stack stack) {
      super(stack, ID);
      // One validation per stack over a Java-side list: a validation per construct would cost
      // four more jsii round trips each.
      getNode().addValidation(this::errors);
    }

    /**
     * Registers a resource's tags for the check at synth.
     *
     * @param owner the construct
     * @param tags its tag manager
     * @param max the most tags it may have
     */
    void add(Owner owner, TagManager tags, int max) {
      tagged.add(new Tagged(owner, tags, max));
    }

    /**
     * Runs another check of the stack's constructs at synth, in the same validation: each error
     * names its construct (an {@link Owner} prefix), since the validation reports it at this
     * construct's path.
     *
     * @param check gives the errors, empty when there are none
     */
    void alsoCheck(Supplier<List<String>> check) {
      otherChecks.add(check);
    }

    private List<String> errors() {
      List<String> errors = new ArrayList<>();
      for (Tagged t : tagged) {
        int count = t.tags().tagValues().size();
        if (count > t.max()) {
          errors.add(
              t.owner()
                  + ": has "
                  + count
                  + " tags (its own and those from Tags.of); at most "
                  + t.max()
                  + " are allowed"
                  + (t.max() == MAX_TAGS ? "" : HostRules.MARKER_ROOM));
        }
      }
      otherChecks.forEach(c -> errors.addAll(c.get()));
      return errors;
    }
  }

  private ServiceRules() {}

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
   * Checks at synth that the tags a connection ends up with, its own and those from {@code
   * Tags.of(scope)}, are at most {@link #MAX_TAGS}: registers them with the stack's {@link
   * TagCountCheck}, the host's when the resource is a connection on a {@link Host} of the same
   * stack (no look-up in the tree), else the one found or made at its fixed id.
   *
   * @param stack the resource's stack
   * @param owner the construct
   * @param tags the resource's tag manager
   * @param host the connection's host, or null
   * @throws IllegalArgumentException when a construct that is not ours holds the check's id
   */
  static void checkTagCountAtSynth(Stack stack, Owner owner, TagManager tags, IHost host) {
    TagCountCheck check = host instanceof Host owned ? owned.tagCountCheckIn(stack) : null;
    (check == null ? tagCountCheck(stack, owner) : check).add(owner, tags, MAX_TAGS);
  }

  /**
   * The stack's {@link TagCountCheck}, found at its fixed id or made there.
   *
   * @param stack the stack
   * @param owner the construct asking, for the error message
   * @return the check
   * @throws IllegalArgumentException when a construct that is not ours holds the check's id
   */
  static TagCountCheck tagCountCheck(Stack stack, Owner owner) {
    TagCountCheck found =
        ReservedChild.find(
            stack, TagCountCheck.ID, TagCountCheck.class, "its tag count check", owner);
    return found != null ? found : new TagCountCheck(stack);
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
