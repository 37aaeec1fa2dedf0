package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ConnectionLookupProps;
import io.github.codestarconnections.Host;
import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.lambda.HostEventParser;
import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.ReadEvent;
import io.github.codestarconnections.lambda.ReadEventParser;
import io.github.codestarconnections.lambda.ResourceFailure;
import io.github.codestarconnections.test.standin.ServiceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetAttributes;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;

/**
 * lib (at synth) and the handler (at deploy) keep the same rules, each defined once in its module
 * (lib never imports the SDK, the handler never imports CDK): the service models' lengths and list
 * sizes, the tags a host and a connection may have, and the provider types. Each limit is read from
 * both models as the stand-in has them (ServedShapes, which StandInModelAgreementTest holds to
 * ../shared/reference/api/*.service-2.json); both modules take a value at the limit and refuse one
 * past it.
 */
class RuleAgreementTest {
  private static final ServiceModel CODESTAR = ServiceModel.load(Namespace.CODESTAR_CONNECTIONS);
  private static final ServiceModel CODE = ServiceModel.load(Namespace.CODECONNECTIONS);
  private static final String PEM_START = "-----BEGIN CERTIFICATE-----\n";

  private final Stack stack = new Stack(new App(), "Stack");
  private int ids;

  /** The limit both models give a shape; they must agree. */
  private static int limit(String shape) {
    int max = CODESTAR.max(shape);
    assertThat(CODE.max(shape)).as(shape + " in both models").isEqualTo(max);
    return max;
  }

  /** Both modules take {@code max} and refuse {@code max + 1}. */
  private static void agree(String shape, IntConsumer lib, IntConsumer handler) {
    int max = limit(shape);
    assertThatCode(() -> lib.accept(max))
        .as("lib at " + shape + " " + max)
        .doesNotThrowAnyException();
    refusedByLib(() -> lib.accept(max + 1), shape);
    assertThatCode(() -> handler.accept(max))
        .as("handler at " + shape + " " + max)
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> handler.accept(max + 1))
        .as("handler past " + shape)
        .isInstanceOf(ResourceFailure.class);
  }

  private static void refusedByLib(ThrowingCallable call, String what) {
    assertThatThrownBy(call).as("lib past " + what).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hostNamesEndpointsAndCertificates() {
    agree(
        "HostName",
        n -> ghes().hostName("h".repeat(n)).build(),
        n -> parseHost(hostProperties("h".repeat(n))));
    agree(
        "Url",
        n -> ghes().providerEndpoint(url(n)).build(),
        n -> parseHost(withEndpoint(hostProperties("ghes"), url(n))));
    agree(
        "TlsCertificate",
        n -> ghes().vpc(vpc()).securityGroups(groups(1)).tlsCertificate(pem(n)).build(),
        n -> parseHost(withVpc(hostProperties("ghes"), 1, 1, pem(n))));
  }

  @Test
  void subnetsAndSecurityGroups() {
    agree(
        "SecurityGroupIds",
        n -> ghes().vpc(vpc()).securityGroups(groups(n)).build(),
        n -> parseHost(withVpc(hostProperties("ghes"), 1, n, null)));
    agree(
        "SubnetIds",
        n -> ghes().vpc(vpc()).securityGroups(groups(1)).vpcSubnets(subnets(n)).build(),
        n -> parseHost(withVpc(hostProperties("ghes"), n, 1, null)));
  }

  @Test
  void connectionNamesOfConnectionsAndLookups() {
    agree(
        "ConnectionName",
        n ->
            Connection.Builder.create(stack, id())
                .connectionName("c".repeat(n))
                .providerType(ProviderType.GITHUB)
                .build(),
        n -> parseLookup("c".repeat(n)));
    int max = limit("ConnectionName");
    Connection.fromConnectionLookup(
        stack, id(), ConnectionLookupProps.builder().connectionName("c".repeat(max)).build());
    refusedByLib(
        () ->
            Connection.fromConnectionLookup(
                stack,
                id(),
                ConnectionLookupProps.builder().connectionName("c".repeat(max + 1)).build()),
        "a lookup's ConnectionName");
  }

  @Test
  void tagKeysAndValues() {
    agree(
        "TagKey",
        n -> ghes().tags(Map.of("k".repeat(n), "v")).build(),
        n -> parseHost(withTags(hostProperties("ghes"), Map.of("k".repeat(n), "v"))));
    agree(
        "TagValue",
        n -> ghes().tags(Map.of("k", "v".repeat(n))).build(),
        n -> parseHost(withTags(hostProperties("ghes"), Map.of("k", "v".repeat(n)))));
  }

  @Test
  void aHostTakesTheSameNumberOfTagsInLibAndTheHandlerWithRoomForTheMarkers() {
    int userTags = HostEventParser.MAX_USER_TAGS;
    // With every marker on at once, a host stays within AWS's usual 50 tags a resource, and a
    // CreateHost or TagResource request within the models' TagList.
    assertThat(userTags + MarkerTag.KEYS.size())
        .isEqualTo(50)
        .isLessThanOrEqualTo(limit("TagList"));

    for (HostBackend backend : HostBackend.values()) {
      ghes().backend(backend).tags(tags(userTags)).build();
      refusedByLib(
          () -> ghes().backend(backend).tags(tags(userTags + 1)).build(),
          userTags + 1 + " tags on a " + backend + " host");
    }
    parseHost(withTags(hostProperties("ghes"), tags(userTags)));
    assertThatThrownBy(() -> parseHost(withTags(hostProperties("ghes"), tags(userTags + 1))))
        .isInstanceOf(ResourceFailure.class);
  }

  @Test
  void aConnectionTakesFiftyTags() {
    assertThat(50).isLessThanOrEqualTo(limit("TagList"));
    github().tags(tags(50)).build();
    refusedByLib(() -> github().tags(tags(51)).build(), "51 tags on a connection");
  }

  @Test
  void providerTypesAreTheModelsAndTheHandlerTakesEveryHostTypeLibMakes() {
    List<String> lib = Arrays.stream(ProviderType.values()).map(ProviderType::getApiName).toList();
    assertThat(lib).containsExactlyInAnyOrderElementsOf(CODE.enumValues("ProviderType"));
    assertThat(CODESTAR.enumValues("ProviderType"))
        .containsExactlyInAnyOrderElementsOf(
            lib.stream().filter(t -> !t.equals(ProviderType.AZURE_DEVOPS.getApiName())).toList());

    for (ProviderType type : ProviderType.values()) {
      // Every provider type lib knows is a filter the handler's lookup takes.
      assertThat(parseLookup("c", type.getApiName()).lookup().providerTypeFilter())
          .isEqualTo(type.getApiName());
      if (type.needsHost()) {
        Map<String, Object> props = hostProperties("ghes");
        props.put("ProviderType", type.getApiName());
        parseHost(props);
      }
    }
    assertThatThrownBy(() -> parseLookup("c", "CodeCommit")).isInstanceOf(ResourceFailure.class);
    Map<String, Object> unknown = hostProperties("ghes");
    unknown.put("ProviderType", "CodeCommit");
    assertThatThrownBy(() -> parseHost(unknown)).isInstanceOf(ResourceFailure.class);
  }

  // lib

  private String id() {
    return "C" + ids++;
  }

  private Host.Builder ghes() {
    return Host.Builder.create(stack, id())
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com");
  }

  private Connection.Builder github() {
    return Connection.Builder.create(stack, id()).providerType(ProviderType.GITHUB);
  }

  private IVpc vpc() {
    return Vpc.fromVpcAttributes(
        stack,
        id(),
        VpcAttributes.builder()
            .vpcId("vpc-12345678")
            .vpcCidrBlock("10.0.0.0/16")
            .availabilityZones(List.of("eu-west-1a"))
            .privateSubnetIds(List.of("subnet-12345678"))
            .build());
  }

  private List<ISecurityGroup> groups(int count) {
    List<ISecurityGroup> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      groups.add(SecurityGroup.fromSecurityGroupId(stack, id(), String.format("sg-%08d", i)));
    }
    return groups;
  }

  private SubnetSelection subnets(int count) {
    List<ISubnet> subnets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      subnets.add(
          Subnet.fromSubnetAttributes(
              stack,
              id(),
              SubnetAttributes.builder()
                  .subnetId(String.format("subnet-%08d", i))
                  .availabilityZone("eu-west-1a")
                  .build()));
    }
    return SubnetSelection.builder().subnets(subnets).build();
  }

  // values

  private static String url(int length) {
    String base = "https://github.example.com/";
    return base + "p".repeat(length - base.length());
  }

  private static String pem(int length) {
    return PEM_START + "A".repeat(length - PEM_START.length());
  }

  private static Map<String, String> tags(int count) {
    Map<String, String> tags = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> tags.put("k" + i, "v"));
    return tags;
  }

  // the handler's events, as CloudFormation delivers them (every scalar a string)

  private static Map<String, Object> hostProperties(String name) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:framework");
    p.put("Name", name);
    p.put("ProviderType", "GitHubEnterpriseServer");
    p.put("ProviderEndpoint", "https://github.example.com");
    return p;
  }

  private static Map<String, Object> withEndpoint(Map<String, Object> p, String url) {
    p.put("ProviderEndpoint", url);
    return p;
  }

  private static Map<String, Object> withVpc(
      Map<String, Object> p, int subnets, int groups, String certificate) {
    Map<String, Object> vpc = new LinkedHashMap<>();
    vpc.put("VpcId", "vpc-12345678");
    vpc.put(
        "SubnetIds",
        IntStream.range(0, subnets).mapToObj(i -> String.format("subnet-%08d", i)).toList());
    vpc.put(
        "SecurityGroupIds",
        IntStream.range(0, groups).mapToObj(i -> String.format("sg-%08d", i)).toList());
    if (certificate != null) {
      vpc.put("TlsCertificate", certificate);
    }
    p.put("VpcConfiguration", vpc);
    return p;
  }

  private static Map<String, Object> withTags(Map<String, Object> p, Map<String, String> tags) {
    List<Map<String, Object>> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Map.of("Key", k, "Value", v)));
    p.put("Tags", list);
    return p;
  }

  private static void parseHost(Map<String, Object> properties) {
    Map<String, Object> event = envelope(Host.RESOURCE_TYPE);
    event.put("ResourceProperties", properties);
    HostEventParser.parse(event);
  }

  private static ReadEvent parseLookup(String name) {
    return parseLookup(name, null);
  }

  private static ReadEvent parseLookup(String name, String providerType) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:framework");
    p.put("ConnectionName", name);
    if (providerType != null) {
      p.put("ProviderTypeFilter", providerType);
    }
    Map<String, Object> event = envelope(ReadEvent.LOOKUP_TYPE);
    event.put("ResourceProperties", p);
    return ReadEventParser.parse(event);
  }

  private static Map<String, Object> envelope(String type) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("RequestType", "Create");
    event.put("RequestId", "req-1");
    event.put("LogicalResourceId", "Resource");
    event.put("ResourceType", type);
    return event;
  }
}
