package io.github.codestarconnections;

/**
 * What a {@link Connection} may be made of (and a connection lookup may look for): provider type or
 * host, and the namespace it is made in, from its props and its host's namespace, refusing what the
 * service's API refuses.
 *
 * <p>The two APIs differ on purpose here (../shared/reference/api/*.service-2.json): the
 * codestar-connections model's {@code HostArn} pattern admits only {@code
 * arn:aws...:codestar-connections:...:host/...}, the codeconnections model's admits both services;
 * and only the codeconnections model's {@code ProviderType} lists {@code AzureDevOps}.
 */
final class ConnectionRules {
  private ConnectionRules() {}

  /**
   * The namespace to make the connection in: the given one; else its host's when known; else
   * CODECONNECTIONS for Azure DevOps (only that API knows it); else CODESTAR_CONNECTIONS.
   *
   * @param owner the connection, for messages
   * @param props the props (provider type and host already checked by {@link #validateProvider})
   * @return the namespace
   * @throws IllegalArgumentException when the API of the namespace would refuse the host or the
   *     provider type
   */
  static ServiceNamespace namespace(Owner owner, ConnectionProps props) {
    IHost host = props.getHost();
    ServiceNamespace hostNamespace = host == null ? null : host.getServiceNamespace().orElse(null);
    ServiceNamespace given = props.getServiceNamespace();
    if (given == null) {
      if (hostNamespace != null) {
        return hostNamespace;
      }
      return props.getProviderType() == ProviderType.AZURE_DEVOPS
          ? ServiceNamespace.CODECONNECTIONS
          : ServiceNamespace.CODESTAR_CONNECTIONS;
    }
    checkNamespace(owner, given, props.getProviderType(), host);
    return given;
  }

  /**
   * Checks that a given namespace can hold a connection of the provider type on the host.
   *
   * @param owner the connection or lookup, for messages
   * @param given the namespace
   * @param type the provider type, or null
   * @param host the host, or null
   * @throws IllegalArgumentException when the namespace's API refuses the provider type or host
   */
  static void checkNamespace(Owner owner, ServiceNamespace given, ProviderType type, IHost host) {
    ServiceNamespace hostNamespace = host == null ? null : host.getServiceNamespace().orElse(null);
    if (given == ServiceNamespace.CODESTAR_CONNECTIONS && type == ProviderType.AZURE_DEVOPS) {
      throw new IllegalArgumentException(
          owner
              + ": providerType AZURE_DEVOPS cannot go with serviceNamespace CODESTAR_CONNECTIONS;"
              + " only the codeconnections API lists AzureDevOps as a provider type: leave"
              + " serviceNamespace out (AZURE_DEVOPS then takes CODECONNECTIONS) or set"
              + " CODECONNECTIONS");
    }
    if (given == ServiceNamespace.CODESTAR_CONNECTIONS
        && hostNamespace == ServiceNamespace.CODECONNECTIONS) {
      throw new IllegalArgumentException(
          owner
              + ": serviceNamespace CODESTAR_CONNECTIONS cannot take the host's codeconnections"
              + " ARN ("
              + host.getNode().getPath()
              + "); the codestar-connections API accepts only codestar-connections host ARNs:"
              + " leave serviceNamespace out to take the host's CODECONNECTIONS");
    }
  }

  /**
   * Checks that the connection names a cloud provider or a host, not both, and a provider type that
   * agrees with the host's.
   *
   * @param owner the connection, for messages
   * @param type the provider type, or null
   * @param host the host, or null
   */
  static void validateProvider(Owner owner, ProviderType type, IHost host) {
    if (host == null && type == null) {
      throw new IllegalArgumentException(
          owner
              + ": neither providerType nor host is set; give providerType for a cloud provider"
              + " (GITHUB, GITLAB, BITBUCKET, AZURE_DEVOPS) or host for a self-managed one");
    }
    checkProviderAndHost(owner, type, host);
  }

  /**
   * Checks that a provider type and a host go together: a self-managed provider has a host, a cloud
   * provider none, and a host that knows its provider type ({@link IHost#getProviderType()}) has
   * the given one.
   *
   * @param owner the connection or lookup, for messages
   * @param type the provider type, or null
   * @param host the host, or null
   */
  static void checkProviderAndHost(Owner owner, ProviderType type, IHost host) {
    if (host == null && type != null && type.needsHost()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " is a self-managed provider and needs a host; give host (a Host or"
              + " Host.fromHostArn)");
    }
    if (host != null && type != null && !type.needsHost()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " is a cloud provider and cannot go with a host (a connection to a cloud"
              + " provider has no host: the service rejects a cloud ProviderType together with a"
              + " HostArn); drop host, or use GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED");
    }
    ProviderType hostType = host == null ? null : host.getProviderType().orElse(null);
    if (hostType != null && type != null && type != hostType) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " differs from the host's "
              + hostType
              + " ("
              + host.getNode().getPath()
              + "); leave providerType out to take the host's");
    }
  }
}
