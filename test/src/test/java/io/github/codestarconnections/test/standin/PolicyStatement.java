package io.github.codestarconnections.test.standin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One IAM policy statement as the stand-in evaluates it: {@code Effect}, {@code Action} and {@code
 * Resource} with {@code *} and {@code ?} wildcards. Actions match case-insensitively, resources
 * case-sensitively (IAM JSON policy elements: Action, Resource,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html and
 * .../reference_policies_elements_resource.html). Conditions, NotAction and NotResource are not
 * modelled: the library's policies use none.
 *
 * @param allow true for {@code Allow}, false for {@code Deny}
 * @param actions e.g. {@code codestar-connections:GetHost} or {@code ec2:Describe*}
 * @param resources ARN patterns, or {@code *}
 */
public record PolicyStatement(boolean allow, List<String> actions, List<String> resources) {
  /** Copies the lists. */
  public PolicyStatement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }

  /**
   * An Allow statement.
   *
   * @param actions the actions
   * @param resources the resources
   * @return the statement
   */
  public static PolicyStatement allow(List<String> actions, List<String> resources) {
    return new PolicyStatement(true, actions, resources);
  }

  /**
   * Allows everything, as a deployer with administrator rights has.
   *
   * @return {@code Allow * on *}
   */
  public static PolicyStatement allowAll() {
    return allow(List.of("*"), List.of("*"));
  }

  boolean covers(String action, String resource) {
    return actions.stream()
            .anyMatch(a -> glob(a.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)))
        && resources.stream().anyMatch(r -> glob(r, resource));
  }

  /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
  static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }
}
