package io.github.codestarconnections;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.ResourceProps;

/**
 * A parsed literal ARN of a CodeStar Connections resource, in either namespace: {@code
 * arn:<partition>:<codestar-connections|codeconnections>:<region>:<account>:<type>/<id>}.
 *
 * @param partition e.g. {@code aws}, {@code aws-cn}, {@code aws-us-gov}
 * @param namespace the service namespace the ARN was made in
 * @param region e.g. {@code eu-west-1}
 * @param account the 12-digit owner account
 * @param resourceType {@code connection} or {@code host}
 * @param resourceId what follows the type and the slash
 */
record ServiceArn(
    String partition,
    ServiceNamespace namespace,
    String region,
    String account,
    String resourceType,
    String resourceId) {

  private static final Pattern ARN =
      Pattern.compile(
          "^arn:(aws(?:-[a-z]+)*):(codestar-connections|codeconnections):([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):([a-z-]+)/(\\S+)$");

  /**
   * Parses a literal ARN and checks its resource type.
   *
   * @param what who asks, for the message, e.g. {@code Connection import at 'App/Stack/Imported'}
   * @param arn the literal ARN (never a token)
   * @param resourceType the resource type it must name
   * @return the parsed ARN
   * @throws IllegalArgumentException naming the value and the expected form
   */
  static ServiceArn parse(Owner what, String arn, String resourceType) {
    Matcher m = arn == null ? null : ARN.matcher(arn);
    if (m == null || !m.matches() || !m.group(5).equals(resourceType)) {
      throw new IllegalArgumentException(
          what
              + ": "
              + resourceType
              + "Arn '"
              + arn
              + "' is not a "
              + resourceType
              + " ARN; expected arn:<partition>:codestar-connections:<region>:<account-id>:"
              + resourceType
              + "/<id> (or the same with codeconnections)");
    }
    return new ServiceArn(
        m.group(1),
        ServiceNamespace.fromArnService(m.group(2)),
        m.group(3),
        m.group(4),
        m.group(5),
        m.group(6));
  }

  /**
   * The props of an imported resource: with a literal ARN, its account and region are the ARN's
   * ({@code environmentFromArn}, as aws-cdk's imports do), so a cross-account or cross-region
   * import reports its owner's environment; with a token, the importing stack's.
   *
   * @param parsed the parsed ARN, or null for a token
   * @param arn the ARN
   * @return the props
   */
  static ResourceProps importProps(ServiceArn parsed, String arn) {
    return parsed == null
        ? ResourceProps.builder().build()
        : ResourceProps.builder().environmentFromArn(arn).build();
  }
}
