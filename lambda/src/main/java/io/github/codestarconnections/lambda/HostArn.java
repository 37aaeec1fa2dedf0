package io.github.codestarconnections.lambda;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed host ARN, {@code arn:<partition>:<service>:<region>:<account>:host/<id>}, where the
 * service is {@code codestar-connections} or {@code codeconnections}.
 *
 * @param value the whole ARN
 * @param service the service field
 */
public record HostArn(String value, String service) {
  // The union of both models' HostArn patterns, anchored; 256 is the models' maximum length.
  private static final Pattern PATTERN =
      Pattern.compile(
          "arn:aws(-[\\w]+)*:(codestar-connections|codeconnections):.+:[0-9]{12}:host/.+");
  private static final int MAX_LENGTH = 256;

  /**
   * Parses a string that may or may not be a host ARN (a physical resource id can be anything).
   *
   * @param candidate the string, may be null
   * @return the ARN, or empty when it is not one
   */
  public static Optional<HostArn> parse(String candidate) {
    if (candidate == null || candidate.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = PATTERN.matcher(candidate);
    return m.matches() ? Optional.of(new HostArn(candidate, m.group(2))) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
