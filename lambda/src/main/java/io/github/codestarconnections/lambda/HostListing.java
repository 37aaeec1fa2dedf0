package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The account's hosts as one ListHosts (every page) shows them, and the handler's searches in it.
 * Searches by marker look only at hosts of the handler's own namespace: ListHosts of
 * codeconnections also returns codestar-connections hosts, whose tags the handler's role may not
 * read (its resources name its own namespace). A host whose tags the role may not read (its
 * policies name the stack's own hosts) is not one the handler made, and is passed over.
 */
final class HostListing {
  private final HostApi api;
  private final List<HostState> hosts;

  private HostListing(HostApi api, List<HostState> hosts) {
    this.api = api;
    this.hosts = hosts;
  }

  /** Lists the hosts; throws HostApiException when ListHosts fails. */
  static HostListing of(HostApi api) {
    return new HostListing(api, api.listHosts());
  }

  boolean own(HostState h) {
    return HostArn.parse(h.arn())
        .filter(a -> a.service().equals(api.namespace().arnService()))
        .isPresent();
  }

  /** Hosts of any namespace whose URL is the given one, except one ARN. */
  List<HostState> usingUrl(String endpoint, String exceptArn) {
    List<HostState> out = new ArrayList<>();
    for (HostState h : hosts) {
      if (endpoint.equals(h.providerEndpoint()) && !h.arn().equals(exceptArn)) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * The first host of the own namespace that passes the filter and carries the marker with a value
   * the test accepts. Throws HostApiException when reading tags fails.
   */
  Optional<HostState> withMarker(String key, Predicate<String> value, Predicate<HostState> filter) {
    List<HostState> found = allWithMarker(key, value, filter);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every host of the own namespace that passes the filter and carries such a marker. */
  List<HostState> allWithMarker(String key, Predicate<String> value, Predicate<HostState> filter) {
    List<HostState> found = new ArrayList<>();
    for (HostState h : hosts) {
      if (h.arn() == null || !own(h) || !filter.test(h)) {
        continue;
      }
      Map<String, String> tags;
      try {
        tags = api.listTags(h.arn());
      } catch (HostApiException ex) {
        if (ex.kind() == Kind.NOT_FOUND || ex.kind() == Kind.ACCESS_DENIED) {
          continue;
        }
        throw ex;
      }
      if (tags.containsKey(key) && value.test(tags.get(key))) {
        found.add(h);
      }
    }
    return found;
  }
}
