package io.github.codestarconnections.test.standin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call what: the policy statements of each calling principal. A principal the stand-in has
 * no statements for is denied everything (IAM's implicit deny); an explicit Deny wins over any
 * Allow (policy evaluation logic,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
final class Iam {
  private final Map<String, List<PolicyStatement>> statements = new HashMap<>();

  void set(String principal, List<PolicyStatement> list) {
    statements.put(principal, new ArrayList<>(list));
  }

  /**
   * Checks one action on one resource.
   *
   * @return empty when allowed, else why not
   */
  Optional<String> denied(String principal, String action, String resource) {
    List<PolicyStatement> list = statements.getOrDefault(principal, List.of());
    boolean allowed = false;
    for (PolicyStatement s : list) {
      if (s.covers(action, resource)) {
        if (!s.allow()) {
          return Optional.of(message(principal, action, resource, "an explicit deny"));
        }
        allowed = true;
      }
    }
    return allowed
        ? Optional.empty()
        : Optional.of(message(principal, action, resource, "no identity-based policy allows it"));
  }

  private static String message(String principal, String action, String resource, String why) {
    return "User: "
        + principal
        + " is not authorized to perform: "
        + action
        + " on resource: "
        + resource
        + " because "
        + why;
  }
}
