package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.Host;
import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.RepositoryLink;
import io.github.codestarconnections.ServiceNamespace;
import io.github.codestarconnections.SyncConfiguration;
import io.github.codestarconnections.SyncTrigger;
import io.github.codestarconnections.test.templates.ExampleTemplates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.Key;

/**
 * What lib emits must validate against the official CloudFormation registry schemas in
 * ../shared/reference/cfn-schemas: the host custom resource's properties (less ServiceToken) and
 * the native host's against {@code AWS::CodeConnections::Host}, each connection against its own
 * type's schema. Skips, saying so, when the reference data is absent (a user's clone).
 */
class SchemaConformanceTest {
  private static final String NATIVE_HOST = "AWS::CodeConnections::Host";
  private static final String REPOSITORY_LINK = "AWS::CodeStarConnections::RepositoryLink";
  private static final String SYNC_CONFIGURATION = "AWS::CodeStarConnections::SyncConfiguration";

  /**
   * The SyncConfiguration properties the schema snapshot predates (../shared/reference/SOURCES.md)
   * and the template reference and aws-cdk-lib 2.272's CfnSyncConfigurationProps carry, with the
   * values the service models give them: checked here instead of against the schema.
   */
  private static final Map<String, List<String>> NEWER_THAN_SYNC_SCHEMA =
      new TreeMap<>(
          Map.of(
              "PublishDeploymentStatus",
              List.of("ENABLED", "DISABLED"),
              "TriggerResourceUpdateOn",
              List.of("ANY_CHANGE", "FILE_CHANGE")));

  /** The schema each resource type we emit must satisfy, and the properties to leave out. */
  private static final Map<String, String> SCHEMA_OF =
      new TreeMap<>(
          Map.of(
              Host.RESOURCE_TYPE,
              "aws-codeconnections-host.json",
              NATIVE_HOST,
              "aws-codeconnections-host.json",
              "AWS::CodeStarConnections::Connection",
              "aws-codestarconnections-connection.json",
              "AWS::CodeConnections::Connection",
              "aws-codeconnections-connection.json",
              REPOSITORY_LINK,
              "aws-codestarconnections-repositorylink.json",
              SYNC_CONFIGURATION,
              "aws-codestarconnections-syncconfiguration.json"));

  private static final Set<String> CUSTOM_RESOURCE_ONLY = Set.of("ServiceToken");

  private static CfnSchema schema(String file) throws IOException {
    Optional<CfnSchema> schema = CfnSchema.load(file);
    Assumptions.assumeTrue(
        schema.isPresent(),
        "reference schema "
            + file
            + " not found under reference.dir="
            + System.getProperty("reference.dir")
            + " (../shared/reference): conformance not checked");
    return schema.get();
  }

  /** Every host and connection lib can emit: each prop alone and together. */
  private static Map<String, Object> propertyMatrix() {
    App app = new App();
    Stack stack = new Stack(app, "Matrix");
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(3).build();
    SecurityGroup sg = SecurityGroup.Builder.create(stack, "Sg").vpc(vpc).build();
    String cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    Host plain =
        Host.Builder.create(stack, "Plain")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .build();
    Host.Builder.create(stack, "Named")
        .hostName("h".repeat(64))
        .providerType(ProviderType.GITLAB_SELF_MANAGED)
        .providerEndpoint("http://gitlab.example.com:8080/" + "p".repeat(400))
        .tags(Map.of("team", "platform", "empty", ""))
        .build();
    Host.Builder.create(stack, "InVpc")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint(Fn.importValue("GhesUrl"))
        .vpc(vpc)
        .build();
    Host.Builder.create(stack, "InVpcWithEverything")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.internal")
        .vpc(vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
        .securityGroups(List.of(sg))
        .tlsCertificate(cert)
        .build();
    Host.Builder.create(stack, "NewNamespace")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        // Not Plain's URL: the service takes one host per URL, and synth refuses a second.
        .providerEndpoint("https://github-codeconnections.example.com")
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();
    nativeHosts(stack, vpc, sg, cert);
    gitSync(stack);
    for (ProviderType type : ProviderType.values()) {
      if (!type.needsHost()) {
        Connection.Builder.create(stack, "C" + type.name()).providerType(type).build();
      }
    }
    Connection.Builder.create(stack, "OnHost")
        .host(plain)
        .connectionName("c".repeat(32))
        .tags(Map.of("k", "v"))
        .build();
    return Template.fromStack(stack).toJSON();
  }

  /** Repository links and sync configurations: each optional prop alone and together. */
  private static void gitSync(Stack stack) {
    IConnection github =
        Connection.fromConnectionArn(
            stack,
            "GitSyncConnection",
            "arn:aws:codeconnections:us-east-1:123456789012:connection/"
                + "11111111-2222-3333-4444-555555555555");
    RepositoryLink plain =
        RepositoryLink.Builder.create(stack, "Link")
            .connection(github)
            .ownerId("acme")
            .repositoryName("infrastructure")
            .build();
    RepositoryLink.Builder.create(stack, "LinkWithEverything")
        .connection(github)
        .ownerId("o".repeat(255))
        .repositoryName("r".repeat(128))
        .encryptionKey(Key.Builder.create(stack, "LinkKey").build())
        .tags(Map.of("team", "platform", "empty", ""))
        .build();
    RepositoryLink.Builder.create(stack, "LinkOfAGroup")
        .connection(github)
        .ownerId("acme/platform")
        .repositoryName("infra.git-sync_1")
        .encryptionKey(
            Key.fromKeyArn(
                stack,
                "ImportedKey",
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
        .build();
    SyncConfiguration.Builder.create(stack, "Sync")
        .repositoryLink(plain)
        .branch("main")
        .deploymentFile("deployments/app.yaml")
        .stackName("app")
        .build();
    SyncConfiguration.Builder.create(stack, "SyncWithEverything")
        .repositoryLink(plain)
        .branch("release/" + "b".repeat(247))
        .deploymentFile("deployments/other.yml")
        .stackName("a" + "-".repeat(98) + "z")
        .publishDeploymentStatus(false)
        .triggerResourceUpdateOn(SyncTrigger.ANY_CHANGE)
        .build();
    SyncConfiguration.Builder.create(stack, "SyncOnAnImport")
        .repositoryLink(
            RepositoryLink.fromRepositoryLinkId(
                stack, "ImportedLink", "be8f2017-b016-4a77-87b4-608054f70e77"))
        .branch("main")
        .deploymentFile("deployments/app.yaml")
        .stackName("Other-App-2")
        .publishDeploymentStatus(true)
        .triggerResourceUpdateOn(SyncTrigger.FILE_CHANGE)
        .build();
  }

  /** The same combinations on {@link HostBackend#NATIVE}, and a connection on a native host. */
  private static void nativeHosts(Stack stack, Vpc vpc, SecurityGroup sg, String cert) {
    Host plain =
        Host.Builder.create(stack, "NativePlain")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://native.example.com")
            .backend(HostBackend.NATIVE)
            .build();
    Host.Builder.create(stack, "NativeNamed")
        .hostName("n".repeat(64))
        .providerType(ProviderType.GITLAB_SELF_MANAGED)
        .providerEndpoint("http://gitlab.example.com:8080/" + "q".repeat(400))
        .tags(Map.of("team", "platform", "empty", ""))
        .backend(HostBackend.NATIVE)
        .build();
    Host.Builder.create(stack, "NativeInVpc")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint(Fn.importValue("NativeGhesUrl"))
        .vpc(vpc)
        .backend(HostBackend.NATIVE)
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();
    Host.Builder.create(stack, "NativeInVpcWithEverything")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://native.example.internal")
        .vpc(vpc)
        .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
        .securityGroups(List.of(sg))
        .tlsCertificate(cert)
        .backend(HostBackend.NATIVE)
        .build();
    Connection.Builder.create(stack, "OnNativeHost").host(plain).tags(Map.of("k", "v")).build();
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations(String templateName, Map<String, Object> template)
      throws IOException {
    List<String> out = new ArrayList<>();
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      Map<String, Object> resource = (Map<String, Object>) e.getValue();
      String file = SCHEMA_OF.get(String.valueOf(resource.get("Type")));
      if (file == null) {
        continue;
      }
      Map<String, Object> properties =
          (Map<String, Object>) resource.getOrDefault("Properties", new LinkedHashMap<>());
      Object type = resource.get("Type");
      Set<String> checkedElsewhere =
          Host.RESOURCE_TYPE.equals(type)
              ? CUSTOM_RESOURCE_ONLY
              : SYNC_CONFIGURATION.equals(type) ? NEWER_THAN_SYNC_SCHEMA.keySet() : Set.of();
      for (String v : schema(file).violations(properties, checkedElsewhere)) {
        out.add(templateName + " " + e.getKey() + " " + v);
      }
      if (SYNC_CONFIGURATION.equals(type)) {
        NEWER_THAN_SYNC_SCHEMA.forEach(
            (property, values) -> {
              Object value = properties.get(property);
              if (value != null && !values.contains(value)) {
                out.add(
                    templateName
                        + " "
                        + e.getKey()
                        + " Properties."
                        + property
                        + ": "
                        + value
                        + " is not one of "
                        + values);
              }
            });
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static long count(Map<String, Object> template, String type) {
    return ((Map<String, Object>) template.get("Resources"))
        .values().stream().filter(r -> type.equals(((Map<String, Object>) r).get("Type"))).count();
  }

  @Test
  void everyPropertySetLibCanEmitConforms() throws IOException {
    Map<String, Object> template = propertyMatrix();
    assertThat(count(template, Host.RESOURCE_TYPE)).isEqualTo(5);
    assertThat(count(template, NATIVE_HOST)).isEqualTo(4);
    assertThat(violations("Matrix", template)).isEmpty();
  }

  @Test
  void theSyncConfigurationAllowanceIsExactlyWhatTheSnapshotLacks() throws IOException {
    CfnSchema sync = schema("aws-codestarconnections-syncconfiguration.json");
    // Once the snapshot has them, they are checked against it and the allowance must go.
    assertThat(sync.propertyNames()).doesNotContainAnyElementsOf(NEWER_THAN_SYNC_SCHEMA.keySet());
    assertThat(NEWER_THAN_SYNC_SCHEMA).hasSize(2);
    Map<String, Object> template = propertyMatrix();
    assertThat(count(template, REPOSITORY_LINK)).isEqualTo(3);
    assertThat(count(template, SYNC_CONFIGURATION)).isEqualTo(3);
    assertThat(template.toString())
        .contains("PublishDeploymentStatus=DISABLED")
        .contains("TriggerResourceUpdateOn=FILE_CHANGE");
  }

  @Test
  void everyExampleTemplateConforms() throws IOException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : ExampleTemplates.all().entrySet()) {
      out.addAll(violations(e.getKey(), e.getValue()));
    }
    assertThat(out).isEmpty();
  }

  @Test
  void theCheckCatchesWhatTheSchemaForbids() throws IOException {
    CfnSchema host = schema("aws-codeconnections-host.json");
    assertThat(host.typeName()).isEqualTo("AWS::CodeConnections::Host");
    Map<String, Object> vpc = new LinkedHashMap<>();
    vpc.put("VpcId", "vpc-1");
    vpc.put("SubnetIds", List.of());
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("Name", "h".repeat(65));
    bad.put("ProviderType", "CodeCommit");
    bad.put("VpcConfiguration", vpc);
    bad.put("Extra", "x");

    assertThat(host.violations(bad, Set.of()))
        .anyMatch(v -> v.contains("Properties.Name: 65 characters; at most 64"))
        .anyMatch(v -> v.contains("Properties.ProviderType: \"CodeCommit\" is not one of"))
        .anyMatch(v -> v.contains("required property ProviderEndpoint is missing"))
        .anyMatch(v -> v.contains("Properties.VpcConfiguration.VpcId: 'vpc-1' does not match"))
        .anyMatch(v -> v.contains("Properties.VpcConfiguration.SubnetIds: 0 items"))
        .anyMatch(v -> v.contains("required property SecurityGroupIds is missing"))
        .anyMatch(v -> v.contains("property Extra is not allowed"));
    assertThat(host.violations(Map.of("Name", Map.of("Ref", "P")), Set.of()))
        .noneMatch(v -> v.contains("Properties.Name"));
    // The resource type has no PullRequestComment (the codeconnections API's alone).
    assertThat(
            schema("aws-codestarconnections-syncconfiguration.json")
                .violations(Map.of("PullRequestComment", "ENABLED"), Set.of()))
        .anyMatch(v -> v.contains("property PullRequestComment is not allowed"));
  }
}
