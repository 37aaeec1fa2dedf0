package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.ReadEvent.Lookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds one connection by name: ListConnections, every page, with the ProviderTypeFilter and
 * HostArnFilter the lookup gives, then the exact name (case-sensitive) and, when given, the
 * namespace of the connection's ARN. Exactly one match is the answer: its ARN becomes the physical
 * id and the attributes; none or several fail the deployment, naming the name, the filters and what
 * was seen (bounded by {@link ResourceFailure}'s limits).
 *
 * <p>Connections are global: ListConnections shows the account's connections of every region
 * (https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-how-it-works-global.html).
 * Whether one namespace's API also lists connections made in the other is not documented; the
 * lookup narrows by the ARN's namespace itself, so either answer gives the same result, and a
 * lookup that finds nothing says how many connections of that name are in the other namespace.
 */
final class ConnectionLookup {
  private final HostApi api;

  ConnectionLookup(HostApi api) {
    this.api = api;
  }

  IsCompleteOutcome find(ReadEvent e, long now) {
    Lookup q = e.lookup();
    refuseWhatTheApiRejects(e, q);
    List<ConnectionState> seen;
    try {
      seen = api.listConnections(q.providerTypeFilter(), q.hostArnFilter());
    } catch (HostApiException ex) {
      if (ReadRequests.retryLater(ex, e, now)) {
        return ReadRequests.notYet("ListConnections: " + ex.kind());
      }
      throw ReadRequests.failure(e, ex, api.namespace());
    }
    List<ConnectionState> named = new ArrayList<>();
    List<ConnectionState> matching = new ArrayList<>();
    for (ConnectionState c : seen) {
      if (q.name().equals(c.name())) {
        named.add(c);
        if (q.namespace() == null || arnService(c.arn()).equals(q.namespace().arnService())) {
          matching.add(c);
        }
      }
    }
    if (matching.size() != 1) {
      throw new ResourceFailure(
          matching.isEmpty() ? none(e, q, seen, named) : several(e, q, matching));
    }
    ConnectionState found = matching.get(0);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("ConnectionArn", found.arn());
    data.put("ConnectionName", found.name());
    data.put("ProviderType", String.valueOf(found.providerType()));
    data.put("ConnectionStatus", String.valueOf(found.status()));
    data.put("OwnerAccountId", String.valueOf(found.ownerAccountId()));
    if (found.hostArn() != null) {
      data.put("HostArn", found.hostArn());
    }
    return new IsCompleteOutcome(
        true, data, "found " + found.arn() + " among " + seen.size(), found.arn());
  }

  /** Filters the provider's API would refuse: lib never sends them, a hand-written template may. */
  private void refuseWhatTheApiRejects(ReadEvent e, Lookup q) {
    Namespace ns = api.namespace();
    // Only the codeconnections model's ProviderType lists AzureDevOps.
    if ("AzureDevOps".equals(q.providerTypeFilter()) && ns == Namespace.CODESTAR_CONNECTIONS) {
      throw new ResourceFailure(
          e.subject()
              + ": the codestar-connections API does not know the provider type AzureDevOps."
              + " Look it up with serviceNamespace CODECONNECTIONS (its provider calls the"
              + " codeconnections API). No API call was made.");
    }
    if (q.hostArnFilter() != null) {
      HostArn host = HostArn.parse(q.hostArnFilter()).orElseThrow();
      if (!ns.accepts(host.service())) {
        throw new ResourceFailure(
            e.subject()
                + ": the "
                + ns.arnService()
                + " API does not accept the "
                + host.service()
                + " host ARN "
                + host.value()
                + " as HostArnFilter. Look it up with serviceNamespace CODECONNECTIONS or without"
                + " one (the codeconnections API accepts both). No API call was made.");
      }
    }
  }

  private static String none(
      ReadEvent e, Lookup q, List<ConnectionState> seen, List<ConnectionState> named) {
    StringBuilder m =
        new StringBuilder(e.subject()).append(": no connection has that name ").append(filters(q));
    if (!named.isEmpty()) {
      m.append("; ")
          .append(named.size())
          .append(" of that name ")
          .append(named.size() == 1 ? "is" : "are")
          .append(" in the other namespace, e.g. ")
          .append(named.get(0).arn())
          .append(": set serviceNamespace to match it");
    }
    m.append(
        ". Names are exact and case-sensitive; make the connection first, or fix the name or the"
            + " filters. ListConnections listed ");
    m.append(seen.size()).append(" with these filters");
    if (!seen.isEmpty()) {
      List<String> names = new ArrayList<>();
      seen.forEach(c -> names.add(c.name()));
      m.append(": ")
          .append(ResourceFailure.bound(String.join(", ", names), ResourceFailure.MAX_QUOTE));
    }
    return m.append('.').toString();
  }

  private static String several(ReadEvent e, Lookup q, List<ConnectionState> matching) {
    List<String> found = new ArrayList<>();
    matching.forEach(c -> found.add(c.arn() + " (" + c.providerType() + ", " + c.status() + ")"));
    return e.subject()
        + ": "
        + matching.size()
        + " connections have that name "
        + filters(q)
        + ". Narrow the lookup with serviceNamespace, providerType or host so that one remains, or"
        + " import the one you mean with Connection.fromConnectionArn: "
        + ResourceFailure.bound(String.join(", ", found), ResourceFailure.MAX_QUOTE)
        + ".";
  }

  private static String filters(Lookup q) {
    List<String> parts = new ArrayList<>();
    if (q.namespace() != null) {
      parts.add("namespace " + q.namespace().arnService());
    }
    if (q.providerTypeFilter() != null) {
      parts.add("ProviderTypeFilter " + q.providerTypeFilter());
    }
    if (q.hostArnFilter() != null) {
      parts.add("HostArnFilter " + q.hostArnFilter());
    }
    return parts.isEmpty() ? "(no filters)" : "(" + String.join(", ", parts) + ")";
  }

  private static String arnService(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 4);
    return parts.length > 2 ? parts[2] : "";
  }
}
