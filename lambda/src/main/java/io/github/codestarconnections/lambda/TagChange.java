package io.github.codestarconnections.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What TagResource and UntagResource must do to a live host's user tags: set the wanted tags that
 * differ from the live ones, and remove the keys the old properties had and the wanted lack. Tags
 * someone added outside CloudFormation stay, and so do the handler's markers ({@link MarkerTag}): a
 * request puts those on before it changes the host and removes them only once its outcome is
 * settled ({@link MarkerSettlement}), never with the user's tags.
 *
 * @param toSet tags to add or change
 * @param toRemove keys to remove
 */
record TagChange(Map<String, String> toSet, List<String> toRemove) {
  TagChange {
    toSet = Map.copyOf(toSet);
    toRemove = List.copyOf(toRemove);
  }

  static TagChange between(
      Map<String, String> live, Map<String, String> oldTags, Map<String, String> wantedTags) {
    Map<String, String> set = new LinkedHashMap<>();
    wantedTags.forEach(
        (k, v) -> {
          if (!Objects.equals(live.get(k), v)) {
            set.put(k, v);
          }
        });
    List<String> remove = new ArrayList<>();
    for (String k : live.keySet()) {
      if (oldTags.containsKey(k) && !wantedTags.containsKey(k) && !MarkerTag.KEYS.contains(k)) {
        remove.add(k);
      }
    }
    return new TagChange(set, remove);
  }

  boolean isEmpty() {
    return toSet.isEmpty() && toRemove.isEmpty();
  }
}
