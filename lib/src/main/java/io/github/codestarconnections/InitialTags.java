package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.CfnTag;

/**
 * Props' tags as an L1's {@code tags}: its initial tags, so that {@code Tags.of(scope)} reaches the
 * resource too and wins on the same key, as with any L1.
 */
final class InitialTags {
  private InitialTags() {}

  /**
   * Props' copy of the given tags: sorted by key, so that templates do not depend on the order of
   * the user's map, and unmodifiable. A null key is kept (sorted first) rather than thrown on here,
   * so that the construct reports it with its path ({@link ServiceRules#validate}).
   *
   * @param tags the tags, or null
   * @return the copy, or null for none
   */
  static Map<String, String> sortedCopy(Map<String, String> tags) {
    if (tags == null) {
      return null;
    }
    Map<String, String> sorted = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    sorted.putAll(tags);
    return Collections.unmodifiableMap(sorted);
  }

  /**
   * The tags as CfnTags, in the map's order.
   *
   * @param tags the tags, or null
   * @return the tags, or null for none
   */
  static List<CfnTag> of(Map<String, String> tags) {
    if (tags == null) {
      return null;
    }
    List<CfnTag> out = new ArrayList<>();
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      out.add(CfnTag.builder().key(tag.getKey()).value(tag.getValue()).build());
    }
    return out;
  }
}
