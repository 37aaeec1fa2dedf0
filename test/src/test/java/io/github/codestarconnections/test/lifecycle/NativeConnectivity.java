package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.standin.StandInClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codeconnections.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeconnections.model.Tag;
import software.amazon.awssdk.services.codeconnections.model.VpcConfiguration;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;

/**
 * What CloudFormation's handlers of the connection types and of {@code AWS::CodeConnections::Host}
 * do, as the deployer. Connections: create, retag in place (every other property is create-only),
 * delete. The host: create and wait out its VPC set-up, update the endpoint and VPC in place and
 * wait, retag, delete and wait until it is gone.
 */
final class NativeConnectivity {
  private static final int MAX_POLLS = 50;

  private final CodeStarConnectionsClient codeStar;
  private final CodeConnectionsClient codeConnections;

  NativeConnectivity(StandInClients deployer) {
    this.codeStar = deployer.codeStar();
    this.codeConnections = deployer.codeConnections();
  }

  private static boolean isCodeStar(String type) {
    return type.startsWith("AWS::CodeStarConnections::");
  }

  String createConnection(String type, Map<String, Object> p) {
    try {
      if (isCodeStar(type)) {
        return codeStar
            .createConnection(
                b ->
                    b.connectionName((String) p.get("ConnectionName"))
                        .providerType((String) p.get("ProviderType"))
                        .hostArn((String) p.get("HostArn"))
                        .tags(codeStarTags(tags(p))))
            .connectionArn();
      }
      return codeConnections
          .createConnection(
              b ->
                  b.connectionName((String) p.get("ConnectionName"))
                      .providerType((String) p.get("ProviderType"))
                      .hostArn((String) p.get("HostArn"))
                      .tags(ccTags(tags(p))))
          .connectionArn();
    } catch (AwsServiceException e) {
      throw NativeResources.failure(null, e);
    }
  }

  Map<String, Object> connectionAttributes(String type, String arn) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("ConnectionArn", arn);
    attributes.put(
        "ConnectionStatus",
        isCodeStar(type)
            ? codeStar
                .getConnection(b -> b.connectionArn(arn))
                .connection()
                .connectionStatusAsString()
            : codeConnections
                .getConnection(b -> b.connectionArn(arn))
                .connection()
                .connectionStatusAsString());
    attributes.put("OwnerAccountId", Intrinsics.ACCOUNT);
    return attributes;
  }

  void retag(String type, String arn, Map<String, Object> old, Map<String, Object> wanted) {
    Map<String, String> before = tags(old);
    Map<String, String> after = tags(wanted);
    Map<String, String> set = new LinkedHashMap<>();
    after.forEach(
        (k, v) -> {
          if (!Objects.equals(before.get(k), v)) {
            set.put(k, v);
          }
        });
    List<String> remove = new ArrayList<>();
    before
        .keySet()
        .forEach(
            k -> {
              if (!after.containsKey(k)) {
                remove.add(k);
              }
            });
    try {
      if (isCodeStar(type)) {
        if (!set.isEmpty()) {
          codeStar.tagResource(b -> b.resourceArn(arn).tags(codeStarTags(set)));
        }
        if (!remove.isEmpty()) {
          codeStar.untagResource(b -> b.resourceArn(arn).tagKeys(remove));
        }
      } else {
        if (!set.isEmpty()) {
          codeConnections.tagResource(b -> b.resourceArn(arn).tags(ccTags(set)));
        }
        if (!remove.isEmpty()) {
          codeConnections.untagResource(b -> b.resourceArn(arn).tagKeys(remove));
        }
      }
    } catch (AwsServiceException e) {
      throw NativeResources.failure(arn, e);
    }
  }

  void deleteConnection(String type, String arn) {
    try {
      if (isCodeStar(type)) {
        codeStar.deleteConnection(b -> b.connectionArn(arn));
      } else {
        codeConnections.deleteConnection(b -> b.connectionArn(arn));
      }
    } catch (AwsServiceException e) {
      if (!"ResourceNotFoundException".equals(e.awsErrorDetails().errorCode())) {
        throw NativeResources.failure(arn, e);
      }
    }
  }

  // ---- AWS::CodeConnections::Host
  // ----------------------------------------------------------------

  String createHost(Map<String, Object> p) {
    String arn;
    try {
      arn =
          codeConnections
              .createHost(
                  b ->
                      b.name((String) p.get("Name"))
                          .providerType((String) p.get("ProviderType"))
                          .providerEndpoint((String) p.get("ProviderEndpoint"))
                          .vpcConfiguration(vpc(p.get("VpcConfiguration")))
                          .tags(ccTags(tags(p))))
              .hostArn();
    } catch (AwsServiceException e) {
      throw NativeResources.failure(null, e);
    }
    awaitSettled(arn);
    return arn;
  }

  void updateHost(String arn, Map<String, Object> old, Map<String, Object> wanted) {
    try {
      if (!Objects.equals(old.get("ProviderEndpoint"), wanted.get("ProviderEndpoint"))
          || !Objects.equals(old.get("VpcConfiguration"), wanted.get("VpcConfiguration"))) {
        codeConnections.updateHost(
            b ->
                b.hostArn(arn)
                    .providerEndpoint((String) wanted.get("ProviderEndpoint"))
                    .vpcConfiguration(vpc(wanted.get("VpcConfiguration"))));
        awaitSettled(arn);
      }
    } catch (AwsServiceException e) {
      throw NativeResources.failure(arn, e);
    }
    retag("AWS::CodeConnections::Host", arn, old, wanted);
  }

  void deleteHost(String arn) {
    try {
      codeConnections.deleteHost(b -> b.hostArn(arn));
      for (int i = 0; i < MAX_POLLS; i++) {
        codeConnections.getHost(b -> b.hostArn(arn));
      }
      throw new ResourceFailed(arn, "host " + arn + " was not gone after " + MAX_POLLS + " polls");
    } catch (ResourceNotFoundException gone) {
      // Deleted.
    } catch (AwsServiceException e) {
      if (!"ResourceNotFoundException".equals(e.awsErrorDetails().errorCode())) {
        throw NativeResources.failure(arn, e);
      }
    }
  }

  private void awaitSettled(String arn) {
    for (int i = 0; i < MAX_POLLS; i++) {
      String status = codeConnections.getHost(b -> b.hostArn(arn)).status();
      if (status.equals("VPC_CONFIG_FAILED_INITIALIZATION")) {
        throw new ResourceFailed(arn, "host " + arn + " is " + status);
      }
      if (!status.startsWith("VPC_CONFIG_")) {
        return;
      }
    }
    throw new ResourceFailed(arn, "host " + arn + " did not settle in " + MAX_POLLS + " polls");
  }

  // ---- Shapes
  // ------------------------------------------------------------------------------------

  static Map<String, String> tags(Map<String, Object> props) {
    Map<String, String> out = new LinkedHashMap<>();
    Object tags = props.get("Tags");
    if (tags instanceof List<?> list) {
      for (Object t : list) {
        Map<String, Object> m = Templates.map(t);
        out.put(String.valueOf(m.get("Key")), String.valueOf(m.get("Value")));
      }
    }
    return out;
  }

  private static List<Tag> ccTags(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  private static List<software.amazon.awssdk.services.codestarconnections.model.Tag> codeStarTags(
      Map<String, String> tags) {
    List<software.amazon.awssdk.services.codestarconnections.model.Tag> out = new ArrayList<>();
    tags.forEach(
        (k, v) ->
            out.add(
                software.amazon.awssdk.services.codestarconnections.model.Tag.builder()
                    .key(k)
                    .value(v)
                    .build()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static VpcConfiguration vpc(Object raw) {
    if (raw == null) {
      return null;
    }
    Map<String, Object> v = Templates.map(raw);
    return VpcConfiguration.builder()
        .vpcId((String) v.get("VpcId"))
        .subnetIds((List<String>) v.get("SubnetIds"))
        .securityGroupIds((List<String>) v.get("SecurityGroupIds"))
        .tlsCertificate((String) v.get("TlsCertificate"))
        .build();
  }
}
