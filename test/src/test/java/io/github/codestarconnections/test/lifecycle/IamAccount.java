package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.PolicyStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's IAM roles and policies as the stand-in should see them: each role's statements are
 * the union of its inline policies and of every AWS::IAM::Policy attached to it, pushed to the
 * stand-in whenever one changes. A role's principal is its ARN.
 */
final class IamAccount {
  private final CodeStarConnectionsStandIn standIn;
  private final Map<String, List<PolicyStatement>> inline = new LinkedHashMap<>();
  private final Map<String, List<String>> attachedTo = new LinkedHashMap<>();
  private final Map<String, List<PolicyStatement>> policies = new LinkedHashMap<>();

  IamAccount(CodeStarConnectionsStandIn standIn) {
    this.standIn = standIn;
  }

  static String roleArn(String roleName) {
    return "arn:aws:iam::" + Intrinsics.ACCOUNT + ":role/" + roleName;
  }

  void putRole(String roleName, Object inlinePolicies) {
    List<PolicyStatement> list = new ArrayList<>();
    if (inlinePolicies instanceof List<?> l) {
      for (Object p : l) {
        list.addAll(statements(Templates.map(p).get("PolicyDocument")));
      }
    }
    inline.put(roleName, list);
    push(roleName);
  }

  void removeRole(String roleName) {
    inline.remove(roleName);
    push(roleName);
  }

  void putPolicy(String key, Object roles, Object document) {
    List<String> before = attachedTo.getOrDefault(key, List.of());
    List<String> names = new ArrayList<>();
    if (roles instanceof List<?> l) {
      l.forEach(r -> names.add(String.valueOf(r)));
    }
    attachedTo.put(key, names);
    policies.put(key, statements(document));
    before.forEach(this::push);
    names.forEach(this::push);
  }

  void removePolicy(String key) {
    List<String> before = attachedTo.getOrDefault(key, List.of());
    attachedTo.remove(key);
    policies.remove(key);
    before.forEach(this::push);
  }

  private void push(String roleName) {
    List<PolicyStatement> all = new ArrayList<>(inline.getOrDefault(roleName, List.of()));
    attachedTo.forEach(
        (key, roles) -> {
          if (roles.contains(roleName)) {
            all.addAll(policies.get(key));
          }
        });
    standIn.allow(roleArn(roleName), all);
  }

  /** A policy document's statements (Effect, Action, Resource; NotAction etc. are not used). */
  static List<PolicyStatement> statements(Object document) {
    List<PolicyStatement> out = new ArrayList<>();
    Object statements = Templates.map(document).get("Statement");
    if (statements instanceof Map<?, ?> one) {
      statements = List.of(one);
    }
    if (statements instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> s = Templates.map(o);
        out.add(
            new PolicyStatement(
                !"Deny".equals(s.get("Effect")),
                strings(s.get("Action")),
                strings(s.get("Resource"))));
      }
    }
    return out;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(v -> out.add(String.valueOf(v)));
    } else if (value != null) {
      out.add(String.valueOf(value));
    }
    return out;
  }
}
