package io.github.codestarconnections.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What TagResource and UntagResource must do to a live host: set the wanted tags that differ from
 * the live ones (and any marker being put on), remove the keys the old properties had and the
 * wanted lack, and remove the handler's passing markers ({@link MarkerTag#REPLACED_BY}, {@link
 * MarkerTag#VPC_ADDED}) unless one is being put on. Tags someone added outside CloudFormation stay.
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
      Map<String, String> live,
      Map<String, String> oldTags,
      Map<String, String> wantedTags,
      Map<String, String> markers) {
    Map<String, String> set = new LinkedHashMap<>();
    wantedTags.forEach(
        (k, v) -> {
          if (!Objects.equals(live.get(k), v)) {
            set.put(k, v);
          }
        });
    markers.forEach(
        (k, v) -> {
          if (!Objects.equals(live.get(k), v)) {
            set.put(k, v);
          }
        });
    List<String> remove = new ArrayList<>();
    for (String k : live.keySet()) {
      boolean dropped = oldTags.containsKey(k) && !wantedTags.containsKey(k);
      boolean passingMarker =
          (k.equals(MarkerTag.REPLACED_BY) || k.equals(MarkerTag.VPC_ADDED))
              && !markers.containsKey(k);
      if (dropped || passingMarker) {
        remove.add(k);
      }
    }
    return new TagChange(set, remove);
  }

  boolean isEmpty() {
    return toSet.isEmpty() && toRemove.isEmpty();
  }
}
