package io.github.codestarconnections;

import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * Publishing an ARN for other stacks and apps, as a CloudFormation export or an SSM String
 * parameter, with the names checked against the services' rules (tokens are not checked).
 */
final class ArnPublication {
  static final int MAX_EXPORT_NAME_LENGTH = 255;
  static final int MAX_PARAMETER_NAME_LENGTH = 2048;
  private static final Pattern EXPORT_NAME = Pattern.compile("[A-Za-z0-9:-]+");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

  private ArnPublication() {}

  /**
   * Adds a stack output with an export under the owner.
   *
   * @param owner the publishing construct
   * @param who the owner for messages, e.g. {@code Connection at 'Stack/GitHub'}
   * @param exportName the export's name
   * @param value the ARN
   * @param description the output's description
   * @return the output
   */
  static CfnOutput export(
      Construct owner, Owner who, String exportName, String value, String description) {
    validateExportName(who, exportName);
    String id = childId(owner, who, "ArnExport", exportName, "exportName");
    return CfnOutput.Builder.create(owner, id)
        .description(description)
        .value(value)
        .exportName(exportName)
        .build();
  }

  /**
   * Adds an SSM String parameter under the owner.
   *
   * @param owner the publishing construct
   * @param who the owner for messages
   * @param parameterName the parameter's name
   * @param value the ARN
   * @param description the parameter's description
   * @return the parameter
   */
  static StringParameter parameter(
      Construct owner, Owner who, String parameterName, String value, String description) {
    validateParameterName(who, parameterName);
    String id = childId(owner, who, "ArnParameter", parameterName, "parameterName");
    return StringParameter.Builder.create(owner, id)
        .parameterName(parameterName)
        .stringValue(value)
        .description(description)
        .tier(ParameterTier.STANDARD)
        .build();
  }

  /**
   * Checks a CloudFormation export name: 1 to 255 characters of {@code A-Za-z0-9:-}.
   *
   * @param who who asks, for the message
   * @param exportName the name (a token is not checked)
   */
  static void validateExportName(Owner who, String exportName) {
    if (exportName == null) {
      throw new IllegalArgumentException(who + ": exportName is null");
    }
    if (JsiiShortcuts.isUnresolved(exportName)) {
      return;
    }
    if (exportName.isEmpty()
        || exportName.length() > MAX_EXPORT_NAME_LENGTH
        || !EXPORT_NAME.matcher(exportName).matches()) {
      throw new IllegalArgumentException(
          who
              + ": exportName '"
              + exportName
              + "' is not a valid CloudFormation export name; it must be 1 to "
              + MAX_EXPORT_NAME_LENGTH
              + " characters of A-Z, a-z, 0-9, ':' and '-' (it is "
              + exportName.length()
              + ")");
    }
  }

  /**
   * Checks an SSM parameter name: 1 to 2048 characters of {@code a-zA-Z0-9_.-/}, not beginning
   * (after a leading slash) with the reserved {@code aws} or {@code ssm}.
   *
   * @param who who asks, for the message
   * @param parameterName the name (a token is not checked)
   */
  static void validateParameterName(Owner who, String parameterName) {
    if (parameterName == null) {
      throw new IllegalArgumentException(who + ": parameterName is null");
    }
    if (JsiiShortcuts.isUnresolved(parameterName)) {
      return;
    }
    if (parameterName.isEmpty()
        || parameterName.length() > MAX_PARAMETER_NAME_LENGTH
        || !PARAMETER_NAME.matcher(parameterName).matches()) {
      throw new IllegalArgumentException(
          who
              + ": parameterName '"
              + parameterName
              + "' is not a valid SSM parameter name; it must be 1 to "
              + MAX_PARAMETER_NAME_LENGTH
              + " characters of a-z, A-Z, 0-9, '_', '.', '-' and '/' (it is "
              + parameterName.length()
              + ")");
    }
    String first = parameterName.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
    if (first.startsWith("aws") || first.startsWith("ssm")) {
      throw new IllegalArgumentException(
          who
              + ": parameterName '"
              + parameterName
              + "' begins with 'aws' or 'ssm', which SSM reserves; choose another name, e.g."
              + " /ci/connections/github");
    }
  }

  private static String childId(
      Construct owner, Owner who, String prefix, String name, String property) {
    // Construct ids cannot hold tokens; a token name gets a positional id instead.
    String id;
    if (JsiiShortcuts.isUnresolved(name)) {
      int n = 1;
      while (owner.getNode().tryFindChild(prefix + "Token" + n) != null) {
        n++;
      }
      id = prefix + "Token" + n;
    } else {
      id = prefix + name.replace("/", "-");
    }
    if (owner.getNode().tryFindChild(id) != null) {
      throw new IllegalArgumentException(
          who + ": " + property + " '" + name + "' is already published by this construct");
    }
    return id;
  }
}
