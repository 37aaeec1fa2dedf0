package io.github.codestarconnections.test.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a template's intrinsic functions and pseudo parameters as CloudFormation does
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html,
 * .../pseudo-parameter-reference.html): Ref, Fn::GetAtt, Fn::Join, Fn::Select, Fn::Split, Fn::Sub,
 * Fn::GetAZs, Fn::If over the template's Conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or,
 * Condition; .../conditions-section-structure.html) and Parameters' defaults. An SSM parameter type
 * (AWS::SSM::Parameter::Value&lt;...&gt;) takes a test value. Anything else fails loudly, so that a
 * template the harness cannot play is noticed rather than half-played.
 */
final class Intrinsics {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";
  static final String STACK_ID =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/"
          + LifecycleApp.STACK
          + "/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f";
  private static final Object NO_VALUE = new Object();
  private static final Pattern SUB = Pattern.compile("\\$\\{(!?)([^}]+)}");

  /** What the resolution needs from the stack: the resources' physical ids and attributes. */
  interface Lookup {
    String ref(String logicalId);

    Object getAtt(String logicalId, String attribute);
  }

  private final Map<String, Object> parameters;
  private final Map<String, Object> conditions;
  private final Lookup lookup;

  Intrinsics(Map<String, Object> template, Lookup lookup) {
    this.parameters = Templates.map(template.get("Parameters"));
    this.conditions = Templates.map(template.get("Conditions"));
    this.lookup = lookup;
  }

  /** A value with every function resolved; AWS::NoValue leaves its key or item out. */
  Object resolve(Object value) {
    Object r = eval(value);
    return r == NO_VALUE ? null : r;
  }

  @SuppressWarnings("unchecked")
  private Object eval(Object value) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = (Map<String, Object>) raw;
      if (map.size() == 1) {
        String key = map.keySet().iterator().next();
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return function(key, map.get(key));
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            Object r = eval(v);
            if (r != NO_VALUE) {
              out.put(k, r);
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        Object r = eval(item);
        if (r != NO_VALUE) {
          out.add(r);
        }
      }
      return out;
    }
    return value;
  }

  private Object function(String name, Object arg) {
    return switch (name) {
      case "Ref" -> ref((String) arg);
      case "Fn::GetAtt" -> {
        List<?> parts = arg instanceof String s ? List.of(s.split("\\.", 2)) : (List<?>) eval(arg);
        yield lookup.getAtt((String) parts.get(0), (String) parts.get(1));
      }
      case "Fn::Join" -> {
        List<?> args = (List<?>) arg;
        List<String> items = new ArrayList<>();
        for (Object o : (List<?>) eval(args.get(1))) {
          items.add(String.valueOf(o));
        }
        yield String.join((String) args.get(0), items);
      }
      case "Fn::Select" -> {
        List<?> args = (List<?>) arg;
        int index = Integer.parseInt(String.valueOf(eval(args.get(0))));
        yield ((List<?>) eval(args.get(1))).get(index);
      }
      case "Fn::Split" -> {
        List<?> args = (List<?>) arg;
        yield List.of(((String) eval(args.get(1))).split(Pattern.quote((String) args.get(0)), -1));
      }
      case "Fn::GetAZs" -> List.of(REGION + "a", REGION + "b", REGION + "c");
      case "Fn::If" -> {
        List<?> args = (List<?>) arg;
        yield eval(args.get(condition((String) args.get(0)) ? 1 : 2));
      }
      case "Fn::Sub" -> sub(arg);
      default ->
          throw new IllegalArgumentException("the harness does not play " + name + ": " + arg);
    };
  }

  /** A named condition of the template, evaluated. */
  private boolean condition(String name) {
    if (!conditions.containsKey(name)) {
      throw new IllegalArgumentException("the template has no condition " + name);
    }
    return truth(conditions.get(name));
  }

  private boolean truth(Object expression) {
    Map<String, Object> e = Templates.map(expression);
    String name = e.keySet().iterator().next();
    Object arg = e.get(name);
    return switch (name) {
      case "Fn::Equals" -> {
        List<?> args = (List<?>) arg;
        yield String.valueOf(eval(args.get(0))).equals(String.valueOf(eval(args.get(1))));
      }
      case "Fn::Not" -> !truth(((List<?>) arg).get(0));
      case "Fn::And" -> ((List<?>) arg).stream().allMatch(this::truth);
      case "Fn::Or" -> ((List<?>) arg).stream().anyMatch(this::truth);
      case "Condition" -> condition((String) arg);
      default -> throw new IllegalArgumentException("the harness does not play condition " + name);
    };
  }

  private Object ref(String name) {
    switch (name) {
      case "AWS::AccountId":
        return ACCOUNT;
      case "AWS::Region":
        return REGION;
      case "AWS::Partition":
        return "aws";
      case "AWS::URLSuffix":
        return "amazonaws.com";
      case "AWS::StackName":
        return LifecycleApp.STACK;
      case "AWS::StackId":
        return STACK_ID;
      case "AWS::NotificationARNs":
        return List.of();
      case "AWS::NoValue":
        return NO_VALUE;
      default:
        break;
    }
    if (parameters.containsKey(name)) {
      Map<String, Object> p = Templates.map(parameters.get(name));
      String type = String.valueOf(p.get("Type"));
      // An SSM parameter type resolves to the parameter's value at deploy time
      // (.../parameters-section-structure.html#aws-ssm-parameter-types); the only one in CDK
      // templates is the bootstrap version, which a bootstrapped account has at 6 or more.
      return type.startsWith("AWS::SSM::Parameter::Value") ? "30" : p.get("Default");
    }
    return lookup.ref(name);
  }

  @SuppressWarnings("unchecked")
  private Object sub(Object arg) {
    String text;
    Map<String, Object> vars = Map.of();
    if (arg instanceof List<?> list) {
      text = (String) list.get(0);
      vars = (Map<String, Object>) eval(list.get(1));
    } else {
      text = (String) arg;
    }
    Matcher m = SUB.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = "${" + m.group(2) + "}";
      } else if (vars.containsKey(m.group(2))) {
        replacement = String.valueOf(vars.get(m.group(2)));
      } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
        String[] parts = m.group(2).split("\\.", 2);
        replacement = String.valueOf(lookup.getAtt(parts[0], parts[1]));
      } else {
        replacement = String.valueOf(ref(m.group(2)));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The logical ids a value refers to (Ref, Fn::GetAtt, Fn::Sub), for the dependency order.
   *
   * @param value a template value
   * @param resources the template's logical ids
   * @return the ids referred to
   */
  static Set<String> references(Object value, Set<String> resources) {
    Set<String> out = new LinkedHashSet<>();
    collect(value, resources, out);
    return out;
  }

  private static void collect(Object value, Set<String> resources, Set<String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if ("Ref".equals(k) && v instanceof String s && resources.contains(s)) {
              out.add(s);
            } else if ("Fn::GetAtt".equals(k)) {
              String target =
                  v instanceof String s
                      ? s.split("\\.", 2)[0]
                      : String.valueOf(((List<?>) v).get(0));
              if (resources.contains(target)) {
                out.add(target);
              }
            } else if ("Fn::Sub".equals(k)) {
              String text = v instanceof List<?> l ? (String) l.get(0) : (String) v;
              Matcher m = SUB.matcher(text);
              while (m.find()) {
                String target = m.group(2).split("\\.", 2)[0];
                if (m.group(1).isEmpty() && resources.contains(target)) {
                  out.add(target);
                }
              }
              if (v instanceof List<?> l) {
                collect(l.get(1), resources, out);
              }
            } else {
              collect(v, resources, out);
            }
          });
    } else if (value instanceof List<?> list) {
      list.forEach(item -> collect(item, resources, out));
    }
  }
}
