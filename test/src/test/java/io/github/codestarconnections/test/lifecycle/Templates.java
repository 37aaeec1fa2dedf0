package io.github.codestarconnections.test.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading a template: its resources, their attributes and their dependency order. */
final class Templates {
  private Templates() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  static Map<String, Object> resources(Map<String, Object> template) {
    return map(template.get("Resources"));
  }

  static String type(Map<String, Object> resource) {
    return (String) resource.get("Type");
  }

  /**
   * The resources a resource depends on: those its definition refers to (Ref, Fn::GetAtt, Fn::Sub)
   * and those in its DependsOn
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html).
   */
  static Set<String> dependencies(Map<String, Object> template, String logicalId) {
    Map<String, Object> resources = resources(template);
    Map<String, Object> r = map(resources.get(logicalId));
    Set<String> deps = Intrinsics.references(r.get("Properties"), resources.keySet());
    Object dependsOn = r.get("DependsOn");
    if (dependsOn instanceof String s) {
      deps.add(s);
    } else if (dependsOn instanceof List<?> l) {
      l.forEach(d -> deps.add((String) d));
    }
    deps.remove(logicalId);
    return deps;
  }

  /**
   * The order CloudFormation creates the resources in: every resource after those it depends on,
   * ties in template order. (CloudFormation works on independent resources in parallel; one valid
   * sequential order stands for it.)
   */
  static List<String> creationOrder(Map<String, Object> template) {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (String id : resources(template).keySet()) {
      deps.put(id, dependencies(template, id));
    }
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Deque<String> stack = new ArrayDeque<>();
    for (String id : deps.keySet()) {
      visit(id, deps, done, stack, order);
    }
    return order;
  }

  private static void visit(
      String id,
      Map<String, Set<String>> deps,
      Set<String> done,
      Deque<String> path,
      List<String> order) {
    if (done.contains(id)) {
      return;
    }
    if (path.contains(id)) {
      throw new IllegalArgumentException("circular dependency through " + path);
    }
    path.push(id);
    for (String d : deps.getOrDefault(id, Set.of())) {
      if (!deps.containsKey(d)) {
        throw new IllegalArgumentException(id + " depends on unknown resource " + d);
      }
      visit(d, deps, done, path, order);
    }
    path.pop();
    done.add(id);
    order.add(id);
  }

  /** The reverse of {@link #creationOrder}: dependents first (DeletionPolicy is the caller's). */
  static List<String> deletionOrder(Map<String, Object> template) {
    List<String> order = new ArrayList<>(creationOrder(template));
    java.util.Collections.reverse(order);
    return order;
  }

  /** The resources that depend on a resource. */
  static Set<String> dependents(Map<String, Object> template, String logicalId) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : resources(template).keySet()) {
      if (dependencies(template, id).contains(logicalId)) {
        out.add(id);
      }
    }
    return out;
  }
}
