package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * cdk-nag rule suppressions for this library's own resources, written as the {@code cdk_nag}
 * resource metadata cdk-nag reads, so users who run cdk-nag see each one with its reason and users
 * who don't carry no extra dependency.
 */
final class NagSuppressions {
  private static final String KEY = "cdk_nag";

  private NagSuppressions() {}

  /**
   * Suppresses a rule on a resource, keeping suppressions already there.
   *
   * @param resource the construct whose default child (or itself) is the CfnResource
   * @param rule e.g. {@code AwsSolutions-IAM5}
   * @param reason one line a reviewer would accept
   * @param appliesTo the findings it covers (cdk-nag's granular form); empty for the whole rule
   */
  @SuppressWarnings("unchecked")
  static void suppress(IConstruct resource, String rule, String reason, List<String> appliesTo) {
    CfnResource cfn = cfnResource(resource);
    Map<String, Object> existing = (Map<String, Object>) cfn.getMetadata(KEY);
    List<Object> rules =
        existing == null
            ? new ArrayList<>()
            : new ArrayList<>((List<Object>) existing.get("rules_to_suppress"));
    rules.add(suppression(rule, reason, appliesTo));
    cfn.addMetadata(KEY, metadata(rules));
  }

  /**
   * Suppresses a rule on resources this library has just made, which carry no suppression yet: the
   * same metadata as {@link #suppress}, without reading what is there (one call into the jsii
   * kernel per resource instead of two).
   *
   * @param resources the new resources
   * @param rule e.g. {@code AwsSolutions-IAM5}
   * @param reason one line a reviewer would accept
   * @param appliesTo the findings it covers (cdk-nag's granular form); empty for the whole rule
   */
  static void suppressNew(
      List<? extends CfnResource> resources, String rule, String reason, List<String> appliesTo) {
    Map<String, Object> metadata =
        metadata(new ArrayList<>(List.of(suppression(rule, reason, appliesTo))));
    for (CfnResource cfn : resources) {
      cfn.addMetadata(KEY, metadata);
    }
  }

  private static Map<String, Object> suppression(
      String rule, String reason, List<String> appliesTo) {
    Map<String, Object> suppression = new LinkedHashMap<>();
    suppression.put("id", rule);
    suppression.put("reason", reason);
    if (!appliesTo.isEmpty()) {
      suppression.put("applies_to", appliesTo);
    }
    return suppression;
  }

  private static Map<String, Object> metadata(List<Object> rules) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("rules_to_suppress", rules);
    return metadata;
  }

  private static CfnResource cfnResource(IConstruct construct) {
    if (construct instanceof CfnResource cfn) {
      return cfn;
    }
    IConstruct child = construct.getNode().getDefaultChild();
    if (child instanceof CfnResource cfn) {
      return cfn;
    }
    throw new IllegalStateException(
        construct.getNode().getPath() + " has no CloudFormation resource");
  }
}
