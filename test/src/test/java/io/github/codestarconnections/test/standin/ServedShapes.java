package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.codestarconnections.lambda.Namespace;
import java.util.List;

/**
 * The operations the stand-in serves and their input shapes, as the service models give them
 * (botocore's codestar-connections 2019-12-01 and codeconnections 2023-12-01), written here so that
 * the stand-in runs on every machine, the reference data (../shared/reference) or not. Same names
 * and format as the models (type, required, members, member, min, max, pattern, enum), nothing
 * else: a pattern here is written as in the model's JSON. StandInModelAgreementTest checks every
 * shape against the models where the reference data is present. The two namespaces differ only in
 * the target prefix, the HostArn pattern (codeconnections takes both services' host ARNs) and the
 * provider types (only codeconnections lists AzureDevOps).
 */
final class ServedShapes {
  /** The operations the stand-in serves, each with its input shape. */
  static final List<String> OPERATIONS =
      List.of(
          "CreateHost",
          "GetHost",
          "ListHosts",
          "UpdateHost",
          "DeleteHost",
          "TagResource",
          "UntagResource",
          "ListTagsForResource",
          "CreateConnection",
          "GetConnection",
          "DeleteConnection",
          "ListConnections");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws(-[\\w]+)*:.+:.+:[0-9]{12}:.+";
  private static final String AWS_ID = "\\w{8}(\\w{9})?";

  private ServedShapes() {}

  /**
   * A namespace's model, trimmed to what the stand-in serves.
   *
   * @param namespace which API
   * @return the model: metadata.targetPrefix, operations (input shapes only) and shapes
   */
  static ObjectNode model(Namespace namespace) {
    boolean cc = namespace == Namespace.CODECONNECTIONS;
    ObjectNode model = JSON.createObjectNode();
    model
        .putObject("metadata")
        .put(
            "targetPrefix",
            cc
                ? "com.amazonaws.codeconnections.CodeConnections_20231201"
                : "com.amazonaws.codestar.connections.CodeStar_connections_20191201");
    ObjectNode operations = model.putObject("operations");
    OPERATIONS.forEach(
        op -> operations.putObject(op).putObject("input").put("shape", op + "Input"));

    ObjectNode shapes = model.putObject("shapes");
    shapes.set(
        "CreateHostInput",
        structure(
            List.of("Name", "ProviderType", "ProviderEndpoint"),
            "Name",
            "HostName",
            "ProviderType",
            "ProviderType",
            "ProviderEndpoint",
            "Url",
            "VpcConfiguration",
            "VpcConfiguration",
            "Tags",
            "TagList"));
    shapes.set("GetHostInput", structure(List.of("HostArn"), "HostArn", "HostArn"));
    shapes.set("DeleteHostInput", structure(List.of("HostArn"), "HostArn", "HostArn"));
    shapes.set(
        "ListHostsInput",
        structure(List.of(), "MaxResults", "MaxResults", "NextToken", "NextToken"));
    shapes.set(
        "UpdateHostInput",
        structure(
            List.of("HostArn"),
            "HostArn",
            "HostArn",
            "ProviderEndpoint",
            "Url",
            "VpcConfiguration",
            "VpcConfiguration"));
    shapes.set(
        "TagResourceInput",
        structure(
            List.of("ResourceArn", "Tags"),
            "ResourceArn",
            "AmazonResourceName",
            "Tags",
            "TagList"));
    shapes.set(
        "UntagResourceInput",
        structure(
            List.of("ResourceArn", "TagKeys"),
            "ResourceArn",
            "AmazonResourceName",
            "TagKeys",
            "TagKeyList"));
    shapes.set(
        "ListTagsForResourceInput",
        structure(List.of("ResourceArn"), "ResourceArn", "AmazonResourceName"));
    shapes.set(
        "CreateConnectionInput",
        structure(
            List.of("ConnectionName"),
            "ProviderType",
            "ProviderType",
            "ConnectionName",
            "ConnectionName",
            "Tags",
            "TagList",
            "HostArn",
            "HostArn"));
    shapes.set(
        "GetConnectionInput",
        structure(List.of("ConnectionArn"), "ConnectionArn", "ConnectionArn"));
    shapes.set(
        "DeleteConnectionInput",
        structure(List.of("ConnectionArn"), "ConnectionArn", "ConnectionArn"));
    shapes.set(
        "ListConnectionsInput",
        structure(
            List.of(),
            "ProviderTypeFilter",
            "ProviderType",
            "HostArnFilter",
            "HostArn",
            "MaxResults",
            "MaxResults",
            "NextToken",
            "NextToken"));
    shapes.set(
        "VpcConfiguration",
        structure(
            List.of("VpcId", "SubnetIds", "SecurityGroupIds"),
            "VpcId",
            "VpcId",
            "SubnetIds",
            "SubnetIds",
            "SecurityGroupIds",
            "SecurityGroupIds",
            "TlsCertificate",
            "TlsCertificate"));
    shapes.set("Tag", structure(List.of("Key", "Value"), "Key", "TagKey", "Value", "TagValue"));

    shapes.set("AmazonResourceName", string(1, 1011, ARN));
    shapes.set("ConnectionArn", string(0, 256, ARN));
    shapes.set("ConnectionName", string(1, 32, "[\\s\\S]*"));
    shapes.set(
        "HostArn",
        string(
            0,
            256,
            cc
                ? "arn:aws(-[\\w]+)*:(codestar-connections|codeconnections):.+:[0-9]{12}:host\\/.+"
                : "arn:aws(-[\\w]+)*:codestar-connections:.+:[0-9]{12}:host\\/.+"));
    shapes.set("HostName", string(1, 64, ".*"));
    shapes.set("NextToken", string(1, 1024, "^.*$"));
    shapes.set("Url", string(1, 512, ".*"));
    shapes.set("TagKey", string(1, 128, ".*"));
    shapes.set("TagValue", string(0, 256, ".*"));
    shapes.set("TlsCertificate", string(1, 16384, "[\\s\\S]*"));
    shapes.set("VpcId", string(12, 21, "vpc-" + AWS_ID));
    shapes.set("SubnetId", string(15, 24, "subnet-" + AWS_ID));
    shapes.set("SecurityGroupId", string(11, 20, "sg-" + AWS_ID));
    ObjectNode providerType = shapes.putObject("ProviderType").put("type", "string");
    ArrayNode providerTypes = providerType.putArray("enum");
    List.of("Bitbucket", "GitHub", "GitHubEnterpriseServer", "GitLab", "GitLabSelfManaged")
        .forEach(providerTypes::add);
    if (cc) {
      providerTypes.add("AzureDevOps");
    }
    shapes.putObject("MaxResults").put("type", "integer").put("min", 0).put("max", 100);

    shapes.set("SubnetIds", list("SubnetId", 1, 10));
    shapes.set("SecurityGroupIds", list("SecurityGroupId", 1, 10));
    shapes.set("TagList", list("Tag", 0, 200));
    shapes.set("TagKeyList", list("TagKey", 0, 200));
    return model;
  }

  /** A structure; {@code members} alternates member names and their shapes. */
  private static ObjectNode structure(List<String> required, String... members) {
    ObjectNode shape = JSON.createObjectNode().put("type", "structure");
    if (!required.isEmpty()) {
      ArrayNode names = shape.putArray("required");
      required.forEach(names::add);
    }
    ObjectNode byName = shape.putObject("members");
    for (int i = 0; i < members.length; i += 2) {
      byName.putObject(members[i]).put("shape", members[i + 1]);
    }
    return shape;
  }

  private static ObjectNode string(int min, int max, String pattern) {
    return JSON.createObjectNode()
        .put("type", "string")
        .put("min", min)
        .put("max", max)
        .put("pattern", pattern);
  }

  private static JsonNode list(String member, int min, int max) {
    ObjectNode shape = JSON.createObjectNode().put("type", "list");
    shape.putObject("member").put("shape", member);
    return shape.put("min", min).put("max", max);
  }
}
