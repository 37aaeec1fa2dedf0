package io.github.codestarconnections.lambda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClientBuilder;
import software.amazon.awssdk.services.codeconnections.endpoints.CodeConnectionsEndpointProvider;
import software.amazon.awssdk.services.codeconnections.model.Connection;
import software.amazon.awssdk.services.codeconnections.model.GetHostResponse;
import software.amazon.awssdk.services.codeconnections.model.Host;
import software.amazon.awssdk.services.codeconnections.model.ListConnectionsResponse;
import software.amazon.awssdk.services.codeconnections.model.ListHostsResponse;
import software.amazon.awssdk.services.codeconnections.model.Tag;
import software.amazon.awssdk.services.codeconnections.model.VpcConfiguration;

/**
 * {@link HostApi} over the SDK client of {@link Namespace#CODECONNECTIONS}, and that client as the
 * handler builds it.
 *
 * <p>Written once for both namespaces: the two SDK modules have the same operations and shapes
 * under different packages and class names, so lambda/pom.xml writes the codestar-connections
 * adapter from the codeconnections one's source at generate-sources, renaming the SDK package, the
 * class-name prefix and the namespace constant. A change to that source is made in both; name SDK
 * types only through their package or prefix, so that the renaming reaches them (AdapterTwinTest
 * checks each adapter's bytecode, namespace and members).
 */
public final class CodeConnectionsHostApi implements HostApi {
  private static final Namespace NAMESPACE = Namespace.CODECONNECTIONS;

  private final CodeConnectionsClient client;

  /**
   * Wraps a client.
   *
   * @param client the SDK client (the caller owns it)
   */
  public CodeConnectionsHostApi(CodeConnectionsClient client) {
    this.client = client;
  }

  /**
   * The client as the handler builds it, before {@code build()}: {@link ServiceClients}' settings
   * and {@link #endpoints()}.
   *
   * @param region the client's region
   * @return the configured builder
   */
  static CodeConnectionsClientBuilder clientBuilder(Region region) {
    return ServiceClients.configure(CodeConnectionsClient.builder(), region)
        .endpointProvider(endpoints());
  }

  /**
   * The endpoint provider the handler's client uses: {@link RegionalEndpoints}, falling back on the
   * SDK's own rules where those answer.
   *
   * @return the provider
   */
  static CodeConnectionsEndpointProvider endpoints() {
    return params ->
        RegionalEndpoints.resolve(
            NAMESPACE,
            params.region(),
            params.useFips(),
            params.useDualStack(),
            params.endpoint(),
            () -> CodeConnectionsEndpointProvider.defaultProvider().resolveEndpoint(params));
  }

  /**
   * An adapter over a client built as {@link #clientBuilder}, or, given in-JVM answers, over one
   * that {@link SnapStartPriming#offline} keeps from the network.
   *
   * @param region the client's region
   * @param offline the in-JVM answers, or null for a client that calls the service
   * @return the adapter and its client
   */
  static ServiceClients.ClosableApi open(Region region, PrimingHttpClient offline) {
    CodeConnectionsClientBuilder builder = clientBuilder(region);
    CodeConnectionsClient client =
        (offline == null ? builder : SnapStartPriming.offline(builder, offline)).build();
    return new ServiceClients.ClosableApi(new CodeConnectionsHostApi(client), client);
  }

  @Override
  public Namespace namespace() {
    return NAMESPACE;
  }

  @Override
  public String createHost(HostSpec spec, Map<String, String> tags) {
    return ServiceErrors.call(
        "CreateHost",
        () ->
            client
                .createHost(
                    b ->
                        b.name(spec.name())
                            .providerType(spec.providerType())
                            .providerEndpoint(spec.providerEndpoint())
                            .vpcConfiguration(vpc(spec.vpc()))
                            .tags(tags(tags))
                            .overrideConfiguration(o -> o.addPlugin(SingleAttempt.PLUGIN)))
                .hostArn());
  }

  @Override
  public HostState getHost(String arn) {
    GetHostResponse r = ServiceErrors.call("GetHost", () -> client.getHost(b -> b.hostArn(arn)));
    return new HostState(
        arn,
        r.name(),
        r.providerTypeAsString(),
        r.providerEndpoint(),
        vpcSpec(r.vpcConfiguration()),
        r.status(),
        null);
  }

  @Override
  public List<HostState> listHosts() {
    List<HostState> hosts = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListHostsResponse page =
          ServiceErrors.call("ListHosts", () -> client.listHosts(b -> b.nextToken(next)));
      for (Host h : page.hosts()) {
        hosts.add(
            new HostState(
                h.hostArn(),
                h.name(),
                h.providerTypeAsString(),
                h.providerEndpoint(),
                vpcSpec(h.vpcConfiguration()),
                h.status(),
                h.statusMessage()));
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return hosts;
  }

  @Override
  public void updateHost(String arn, String providerEndpoint, VpcSpec vpc) {
    ServiceErrors.call(
        "UpdateHost",
        () ->
            client.updateHost(
                b -> b.hostArn(arn).providerEndpoint(providerEndpoint).vpcConfiguration(vpc(vpc))));
  }

  @Override
  public void deleteHost(String arn) {
    ServiceErrors.call("DeleteHost", () -> client.deleteHost(b -> b.hostArn(arn)));
  }

  @Override
  public void tagResource(String arn, Map<String, String> tags) {
    ServiceErrors.call(
        "TagResource", () -> client.tagResource(b -> b.resourceArn(arn).tags(tags(tags))));
  }

  @Override
  public void untagResource(String arn, Collection<String> keys) {
    ServiceErrors.call(
        "UntagResource", () -> client.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));
  }

  @Override
  public Map<String, String> listTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    ServiceErrors.call(
            "ListTagsForResource", () -> client.listTagsForResource(b -> b.resourceArn(arn)))
        .tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  @Override
  public List<String> listConnections(String hostArn) {
    return listConnections(null, hostArn).stream().map(ConnectionState::describe).toList();
  }

  @Override
  public List<ConnectionState> listConnections(String providerTypeFilter, String hostArnFilter) {
    List<ConnectionState> connections = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListConnectionsResponse page =
          ServiceErrors.call(
              "ListConnections",
              () ->
                  client.listConnections(
                      b ->
                          b.providerTypeFilter(providerTypeFilter)
                              .hostArnFilter(hostArnFilter)
                              .nextToken(next)));
      page.connections().forEach(c -> connections.add(state(c)));
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return connections;
  }

  @Override
  public ConnectionState getConnection(String arn) {
    return state(
        ServiceErrors.call("GetConnection", () -> client.getConnection(b -> b.connectionArn(arn)))
            .connection());
  }

  private static ConnectionState state(Connection c) {
    return new ConnectionState(
        c.connectionArn(),
        c.connectionName(),
        c.providerTypeAsString(),
        c.hostArn(),
        c.connectionStatusAsString(),
        c.ownerAccountId());
  }

  private static VpcConfiguration vpc(VpcSpec vpc) {
    return vpc == null
        ? null
        : VpcConfiguration.builder()
            .vpcId(vpc.vpcId())
            .subnetIds(vpc.subnetIds())
            .securityGroupIds(vpc.securityGroupIds())
            .tlsCertificate(vpc.tlsCertificate())
            .build();
  }

  private static VpcSpec vpcSpec(VpcConfiguration vpc) {
    return vpc == null
        ? null
        : new VpcSpec(vpc.vpcId(), vpc.subnetIds(), vpc.securityGroupIds(), vpc.tlsCertificate());
  }

  private static List<Tag> tags(Map<String, String> tags) {
    List<Tag> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
    return list;
  }
}
