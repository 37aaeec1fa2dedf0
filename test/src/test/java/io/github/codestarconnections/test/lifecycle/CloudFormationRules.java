package io.github.codestarconnections.test.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which property changes replace a resource, and what a custom resource is.
 *
 * <p>A resource type's registry schema lists in {@code createOnlyProperties} the properties whose
 * change replaces it (resource type schema,
 * https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html; update
 * behaviours,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html).
 * The connection, host and Git sync types' lists are their registry schemas' createOnlyProperties,
 * written here (HarnessContractTest checks them against the schemas in ../shared/reference). For
 * the EC2 types the "Update requires: Replacement" properties of the template reference pages
 * (AWS::EC2::SecurityGroup, AWS::EC2::Subnet, AWS::EC2::VPC) are written here, and for
 * AWS::IAM::RolePolicy its registry schema's createOnlyProperties (PolicyName, RoleName; the schema
 * cfn-lint ships, and the template reference's "Update requires: Replacement"). Every other type,
 * for which no schema is at hand, is treated as updated in place: none of the scenarios depends on
 * a replacement of those.
 */
final class CloudFormationRules {
  /** A test-only type the harness fails to create or update: the "failing v2". */
  static final String FAILING_TYPE = "Test::Lifecycle::Fails";

  static final String CREATE_FAILED_MARKER =
      "AWSCDK::CustomResourceProviderFramework::CREATE_FAILED";

  private static final Map<String, String> SCHEMAS =
      Map.of(
          "AWS::CodeConnections::Host", "aws-codeconnections-host.json",
          "AWS::CodeConnections::Connection", "aws-codeconnections-connection.json",
          "AWS::CodeStarConnections::Connection", "aws-codestarconnections-connection.json",
          "AWS::CodeStarConnections::RepositoryLink", "aws-codestarconnections-repositorylink.json",
          "AWS::CodeStarConnections::SyncConfiguration",
              "aws-codestarconnections-syncconfiguration.json");

  private static final Map<String, List<String>> WRITTEN =
      Map.of(
          "AWS::CodeConnections::Host", List.of("Name", "ProviderType"),
          "AWS::CodeConnections::Connection", List.of("ConnectionName", "ProviderType", "HostArn"),
          "AWS::CodeStarConnections::Connection",
              List.of("ConnectionName", "ProviderType", "HostArn"),
          "AWS::EC2::SecurityGroup", List.of("GroupDescription", "GroupName", "VpcId"),
          "AWS::EC2::Subnet", List.of("AvailabilityZone", "CidrBlock", "VpcId"),
          "AWS::EC2::VPC", List.of("CidrBlock", "InstanceTenancy"),
          "AWS::IAM::RolePolicy", List.of("PolicyName", "RoleName"),
          "AWS::CodeStarConnections::RepositoryLink", List.of("RepositoryName", "OwnerId"),
          "AWS::CodeStarConnections::SyncConfiguration", List.of("SyncType", "ResourceName"));

  private CloudFormationRules() {}

  /**
   * Custom resources: {@code AWS::CloudFormation::CustomResource} and {@code Custom::*}
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html).
   */
  static boolean isCustom(String type) {
    return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
  }

  /** The properties whose change replaces a native resource of the type. */
  static List<String> createOnly(String type) {
    return WRITTEN.getOrDefault(type, List.of());
  }

  /** The registry schema file of each type whose list is its schema's, to check them against. */
  static Map<String, String> schemaFiles() {
    return new TreeMap<>(SCHEMAS);
  }

  /**
   * Whether the rollback of the stack operation that created a resource keeps it: only {@code
   * Retain} does. "RetainExceptOnCreate behaves like Retain for stack operations, except for the
   * stack operation that initially created the resource. If the stack operation that created the
   * resource is rolled back, CloudFormation deletes the resource." (DeletionPolicy attribute,
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html);
   * a stack deletion or an update that removes the resource keeps it ({@link
   * CloudFormation#retains}).
   */
  static boolean keptByRollbackOfItsCreate(Deployed d) {
    return "Retain".equals(d.policy("DeletionPolicy"));
  }

  /** Whether changing a native resource from the old to the new properties replaces it. */
  static boolean replaces(String type, Map<String, Object> old, Map<String, Object> wanted) {
    for (String p : createOnly(type)) {
      if (!Objects.equals(old.get(p), wanted.get(p))) {
        return true;
      }
    }
    return false;
  }
}
