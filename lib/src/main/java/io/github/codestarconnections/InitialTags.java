package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnTag;

/**
 * Props' tags as an L1's {@code tags}: its initial tags, so that {@code Tags.of(scope)} reaches the
 * resource too and wins on the same key, as with any L1.
 */
final class InitialTags {
  private InitialTags() {}

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
