package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Every IAM statement of a template that allows a {@code UseConnection} action. */
final class UseConnectionStatements {
  /**
   * One statement.
   *
   * @param policy the AWS::IAM::Policy's logical id
   * @param roles the policy's Roles (references)
   * @param actions the statement's actions, in template order
   * @param resource the statement's Resource
   */
  record Use(String policy, Object roles, List<String> actions, Object resource) {}

  private UseConnectionStatements() {}

  @SuppressWarnings("unchecked")
  static List<Use> of(Template template) {
    List<Use> found = new ArrayList<>();
    Map<String, Map<String, Object>> policies =
        (Map<String, Map<String, Object>>)
            (Map<String, ?>) template.findResources("AWS::IAM::Policy");
    policies.forEach(
        (id, policy) -> {
          Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
          Map<String, Object> doc = (Map<String, Object>) props.get("PolicyDocument");
          for (Object s : (List<Object>) doc.get("Statement")) {
            Map<String, Object> statement = (Map<String, Object>) s;
            Object action = statement.get("Action");
            List<String> actions =
                action instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(action));
            if (actions.stream().anyMatch(a -> a.endsWith(":UseConnection"))) {
              found.add(new Use(id, props.get("Roles"), actions, statement.get("Resource")));
            }
          }
        });
    return found;
  }
}
