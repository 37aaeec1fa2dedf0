package io.github.codestarconnections.test.standin;

import io.github.codestarconnections.lambda.Namespace;

/**
 * The host operations' input constraints, written here from the service models (2019-12-01 and
 * 2023-12-01), for machines without {@code reference.dir}. Same format as the botocore models,
 * trimmed to what the stand-in serves. Only the 2023-12-01 model lists AzureDevOps.
 */
final class FallbackModel {
  private FallbackModel() {}

  static String json(Namespace namespace) {
    boolean cc = namespace == Namespace.CODECONNECTIONS;
    String prefix =
        cc
            ? "com.amazonaws.codeconnections.CodeConnections_20231201"
            : "com.amazonaws.codestar.connections.CodeStar_connections_20191201";
    String hostArn =
        cc
            ? "arn:aws(-[\\\\w]+)*:(codestar-connections|codeconnections):.+:[0-9]{12}:host\\\\/.+"
            : "arn:aws(-[\\\\w]+)*:codestar-connections:.+:[0-9]{12}:host\\\\/.+";
    return """
        {
          "metadata": {"targetPrefix": "%s"},
          "operations": {
            "CreateHost": {"input": {"shape": "CreateHostInput"}},
            "GetHost": {"input": {"shape": "HostArnInput"}},
            "DeleteHost": {"input": {"shape": "HostArnInput"}},
            "ListHosts": {"input": {"shape": "ListHostsInput"}},
            "UpdateHost": {"input": {"shape": "UpdateHostInput"}},
            "TagResource": {"input": {"shape": "TagResourceInput"}},
            "UntagResource": {"input": {"shape": "UntagResourceInput"}},
            "ListTagsForResource": {"input": {"shape": "ResourceArnInput"}},
            "CreateConnection": {"input": {"shape": "CreateConnectionInput"}},
            "GetConnection": {"input": {"shape": "ConnectionArnInput"}},
            "DeleteConnection": {"input": {"shape": "ConnectionArnInput"}},
            "ListConnections": {"input": {"shape": "ListConnectionsInput"}}
          },
          "shapes": {
            "CreateHostInput": {"type": "structure",
              "required": ["Name", "ProviderType", "ProviderEndpoint"],
              "members": {"Name": {"shape": "HostName"}, "ProviderType": {"shape": "ProviderType"},
                "ProviderEndpoint": {"shape": "Url"}, "VpcConfiguration": {"shape": "VpcConfiguration"},
                "Tags": {"shape": "TagList"}}},
            "HostArnInput": {"type": "structure", "required": ["HostArn"],
              "members": {"HostArn": {"shape": "HostArn"}}},
            "ListHostsInput": {"type": "structure",
              "members": {"MaxResults": {"shape": "MaxResults"}, "NextToken": {"shape": "NextToken"}}},
            "UpdateHostInput": {"type": "structure", "required": ["HostArn"],
              "members": {"HostArn": {"shape": "HostArn"}, "ProviderEndpoint": {"shape": "Url"},
                "VpcConfiguration": {"shape": "VpcConfiguration"}}},
            "TagResourceInput": {"type": "structure", "required": ["ResourceArn", "Tags"],
              "members": {"ResourceArn": {"shape": "AmazonResourceName"}, "Tags": {"shape": "TagList"}}},
            "UntagResourceInput": {"type": "structure", "required": ["ResourceArn", "TagKeys"],
              "members": {"ResourceArn": {"shape": "AmazonResourceName"}, "TagKeys": {"shape": "TagKeyList"}}},
            "ResourceArnInput": {"type": "structure", "required": ["ResourceArn"],
              "members": {"ResourceArn": {"shape": "AmazonResourceName"}}},
            "CreateConnectionInput": {"type": "structure", "required": ["ConnectionName"],
              "members": {"ProviderType": {"shape": "ProviderType"},
                "ConnectionName": {"shape": "ConnectionName"}, "Tags": {"shape": "TagList"},
                "HostArn": {"shape": "HostArn"}}},
            "ConnectionArnInput": {"type": "structure", "required": ["ConnectionArn"],
              "members": {"ConnectionArn": {"shape": "ConnectionArn"}}},
            "ListConnectionsInput": {"type": "structure",
              "members": {"ProviderTypeFilter": {"shape": "ProviderType"},
                "HostArnFilter": {"shape": "HostArn"}, "MaxResults": {"shape": "MaxResults"},
                "NextToken": {"shape": "NextToken"}}},
            "ConnectionName": {"type": "string", "min": 1, "max": 32, "pattern": "[\\s\\S]*"},
            "ConnectionArn": {"type": "string", "min": 0, "max": 256,
              "pattern": "arn:aws(-[\\w]+)*:.+:.+:[0-9]{12}:.+"},
            "HostName": {"type": "string", "min": 1, "max": 64, "pattern": ".*"},
            "ProviderType": {"type": "string",
              "enum": ["Bitbucket", "GitHub", "GitHubEnterpriseServer", "GitLab", "GitLabSelfManaged"%s]},
            "Url": {"type": "string", "min": 1, "max": 512, "pattern": ".*"},
            "HostArn": {"type": "string", "min": 0, "max": 256, "pattern": "%s"},
            "AmazonResourceName": {"type": "string", "min": 1, "max": 1011,
              "pattern": "arn:aws(-[\\\\w]+)*:.+:.+:[0-9]{12}:.+"},
            "VpcConfiguration": {"type": "structure", "required": ["VpcId", "SubnetIds", "SecurityGroupIds"],
              "members": {"VpcId": {"shape": "VpcId"}, "SubnetIds": {"shape": "SubnetIds"},
                "SecurityGroupIds": {"shape": "SecurityGroupIds"}, "TlsCertificate": {"shape": "TlsCertificate"}}},
            "VpcId": {"type": "string", "min": 12, "max": 21, "pattern": "vpc-\\\\w{8}(\\\\w{9})?"},
            "SubnetIds": {"type": "list", "member": {"shape": "SubnetId"}, "min": 1, "max": 10},
            "SubnetId": {"type": "string", "min": 15, "max": 24, "pattern": "subnet-\\\\w{8}(\\\\w{9})?"},
            "SecurityGroupIds": {"type": "list", "member": {"shape": "SecurityGroupId"}, "min": 1, "max": 10},
            "SecurityGroupId": {"type": "string", "min": 11, "max": 20, "pattern": "sg-\\\\w{8}(\\\\w{9})?"},
            "TlsCertificate": {"type": "string", "min": 1, "max": 16384, "pattern": "[\\\\s\\\\S]*"},
            "TagList": {"type": "list", "member": {"shape": "Tag"}, "min": 0, "max": 200},
            "Tag": {"type": "structure", "required": ["Key", "Value"],
              "members": {"Key": {"shape": "TagKey"}, "Value": {"shape": "TagValue"}}},
            "TagKey": {"type": "string", "min": 1, "max": 128, "pattern": ".*"},
            "TagValue": {"type": "string", "min": 0, "max": 256, "pattern": ".*"},
            "TagKeyList": {"type": "list", "member": {"shape": "TagKey"}, "min": 0, "max": 200},
            "MaxResults": {"type": "integer", "min": 0, "max": 100},
            "NextToken": {"type": "string", "min": 1, "max": 1024, "pattern": "^.*$"}
          }
        }
        """
        .formatted(prefix, cc ? ", \"AzureDevOps\"" : "", hostArn);
  }
}
