package io.github.codestarconnections.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an Update asks of a host, from its old and new properties.
 *
 * <ul>
 *   <li>Name or ProviderType changed, or the VpcConfiguration removed (UpdateHost cannot remove
 *       one): {@link Kind#REPLACE}, a new host with a new physical id.
 *   <li>ProviderEndpoint or VpcConfiguration changed: {@link Kind#UPDATE_IN_PLACE} with UpdateHost.
 *   <li>Otherwise {@link Kind#NONE} for the host itself.
 * </ul>
 *
 * Tag differences are computed in every case and never include the {@link MarkerTag}.
 *
 * @param kind replace, update in place, or nothing
 * @param providerEndpoint the new endpoint if it changed, else null
 * @param vpc the new VPC configuration if it changed, else null
 * @param tagsToSet tags to add or change
 * @param tagsToRemove tag keys to remove
 */
public record HostChange(
    HostChange.Kind kind,
    String providerEndpoint,
    VpcSpec vpc,
    Map<String, String> tagsToSet,
    List<String> tagsToRemove) {

  /** What happens to the host itself. */
  public enum Kind {
    /** Create a new host; CloudFormation deletes the old one afterwards. */
    REPLACE,
    /** UpdateHost on the existing host. */
    UPDATE_IN_PLACE,
    /** The host's settings stay as they are. */
    NONE
  }

  /** Copies the collections. */
  public HostChange {
    tagsToSet = Map.copyOf(tagsToSet);
    tagsToRemove = List.copyOf(tagsToRemove);
  }

  /**
   * Compares old and new properties.
   *
   * @param old the properties before the update
   * @param wanted the properties after it
   * @return the change
   */
  public static HostChange between(HostSpec old, HostSpec wanted) {
    Map<String, String> set = new LinkedHashMap<>();
    wanted
        .tags()
        .forEach(
            (k, v) -> {
              if (!MarkerTag.KEY.equals(k) && !Objects.equals(old.tags().get(k), v)) {
                set.put(k, v);
              }
            });
    List<String> remove = new ArrayList<>();
    for (String k : old.tags().keySet()) {
      if (!MarkerTag.KEY.equals(k) && !wanted.tags().containsKey(k)) {
        remove.add(k);
      }
    }
    boolean replace =
        !old.name().equals(wanted.name())
            || !old.providerType().equals(wanted.providerType())
            || (old.vpc() != null && wanted.vpc() == null);
    if (replace) {
      return new HostChange(Kind.REPLACE, null, null, set, remove);
    }
    String endpoint =
        old.providerEndpoint().equals(wanted.providerEndpoint()) ? null : wanted.providerEndpoint();
    VpcSpec vpc = old.sameVpcAs(wanted) ? null : wanted.vpc();
    Kind kind = endpoint == null && vpc == null ? Kind.NONE : Kind.UPDATE_IN_PLACE;
    return new HostChange(kind, endpoint, vpc, set, remove);
  }

  /**
   * Whether the tags differ.
   *
   * @return true when TagResource or UntagResource is needed
   */
  public boolean tagsChanged() {
    return !tagsToSet.isEmpty() || !tagsToRemove.isEmpty();
  }
}
