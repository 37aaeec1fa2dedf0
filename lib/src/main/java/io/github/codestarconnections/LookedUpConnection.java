package io.github.codestarconnections;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

/**
 * A connection made elsewhere, found by name at deploy time ({@link Connection#fromConnectionName},
 * {@link Connection#fromConnectionLookup}): a {@value ConnectionLookupProps#RESOURCE_TYPE} custom
 * resource whose handler pages ListConnections with the given filters and answers the one match;
 * the ARN is its {@code ConnectionArn} attribute. The namespace is the one asked for, or unknown
 * (grants then name both prefixes).
 */
final class LookedUpConnection extends ConnectionBase {
  private final String connectionName;
  private final String connectionArn;
  private final ServiceNamespace namespace;
  private final ProviderType providerType;

  LookedUpConnection(Construct scope, String id, ConnectionLookupProps props) {
    super(scope, id, ResourceProps.builder().build());
    Owner owner = new Owner("Connection lookup", this);
    if (props.getConnectionName() == null) {
      throw new IllegalArgumentException(
          owner + ": connectionName is null; give the name of the connection to look up");
    }
    this.connectionName =
        ServiceRules.checkLength(
            owner, "connectionName", props.getConnectionName(), Connection.MAX_NAME_LENGTH);
    IHost host = props.getHost();
    ConnectionRules.checkProviderAndHost(owner, props.getProviderType(), host);
    this.namespace = props.getServiceNamespace();
    if (namespace != null) {
      ConnectionRules.checkNamespace(owner, namespace, props.getProviderType(), host);
    }
    this.providerType =
        props.getProviderType() != null
            ? props.getProviderType()
            : host == null ? null : host.getProviderType().orElse(null);

    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ConnectionName", connectionName);
    properties.put(
        "ProviderTypeFilter",
        props.getProviderType() == null ? null : props.getProviderType().getApiName());
    properties.put("HostArnFilter", host == null ? null : host.getHostArn());
    properties.put("ServiceNamespace", namespace == null ? null : namespace.getArnService());
    // Without a namespace, the codeconnections API: it takes both namespaces' host ARNs as filter.
    DeployTimeRead read =
        DeployTimeRead.render(
            this,
            owner,
            ConnectionLookupProps.RESOURCE_TYPE,
            namespace == null ? ServiceNamespace.CODECONNECTIONS : namespace,
            properties,
            props.getRerun());
    read.provider().enableLookups();
    this.connectionArn = Token.asString(read.resource().getAtt("ConnectionArn"));
  }

  /** {@code Fn::GetAtt ConnectionArn} of the lookup: the ARN of the connection it found. */
  @Override
  public String getConnectionArn() {
    return connectionArn;
  }

  /** The name looked up, which the found connection has exactly. */
  @Override
  public String getConnectionName() {
    return connectionName;
  }

  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.ofNullable(namespace);
  }

  @Override
  public Optional<ProviderType> getProviderType() {
    return Optional.ofNullable(providerType);
  }
}
