package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Reads the parts of a host provider's template that tests look at. */
final class ProviderTemplates {
  private ProviderTemplates() {}

  /** The waiter's DefinitionString, its Fn::Join rendered with {@code <Id.Arn>} for each GetAtt. */
  static String waiterDefinition(Template t) {
    List<String> all = waiterDefinitions(t);
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  /** Every waiter's DefinitionString, rendered as {@link #waiterDefinition} does. */
  static List<String> waiterDefinitions(Template t) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> machine :
        t.findResources("AWS::StepFunctions::StateMachine").values()) {
      Map<?, ?> join = (Map<?, ?>) ((Map<?, ?>) machine.get("Properties")).get("DefinitionString");
      List<?> parts = (List<?>) ((List<?>) join.get("Fn::Join")).get(1);
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof String literal) {
          text.append(literal);
        } else {
          List<?> getAtt = (List<?>) ((Map<?, ?>) part).get("Fn::GetAtt");
          text.append('<').append(getAtt.get(0)).append('.').append(getAtt.get(1)).append('>');
        }
      }
      out.add(text.toString());
    }
    return out;
  }

  /** The statements of every AWS::IAM::Policy and AWS::IAM::RolePolicy. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> statements(Template t) {
    List<Map<String, Object>> all = new ArrayList<>();
    List<Map<String, Object>> policies = new ArrayList<>();
    policies.addAll(t.findResources("AWS::IAM::Policy").values());
    policies.addAll(t.findResources("AWS::IAM::RolePolicy").values());
    for (Map<String, Object> policy : policies) {
      Map<String, Object> doc =
          (Map<String, Object>)
              ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
      all.addAll((List<Map<String, Object>>) doc.get("Statement"));
    }
    return all;
  }

  static List<String> actions(Map<String, Object> statement) {
    Object a = statement.get("Action");
    return a instanceof List<?> l
        ? l.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(a));
  }
}
