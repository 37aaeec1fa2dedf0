package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;

/**
 * A connection as the user declares it.
 *
 * @param id the construct id
 * @param name the connection name
 * @param hostId the construct id of its host, or null
 * @param type the provider type when there is no host
 * @param namespace the API namespace
 * @param removal the removal policy, or null for the library's default
 * @param tags the user's tags
 */
public record ConnectionDef(
    String id,
    String name,
    String hostId,
    ProviderType type,
    ServiceNamespace namespace,
    RemovalPolicy removal,
    Map<String, String> tags) {

  /**
   * A connection on one of the app's hosts, with the library's default removal policy.
   *
   * @param id the construct id
   * @param name the name
   * @param hostId the host's construct id
   * @return the connection
   */
  public static ConnectionDef onHost(String id, String name, String hostId) {
    return new ConnectionDef(
        id, name, hostId, null, ServiceNamespace.CODESTAR_CONNECTIONS, null, Map.of());
  }

  /**
   * A connection to a cloud provider (no host), with the library's default removal policy.
   *
   * @param id the construct id
   * @param name the name
   * @param type e.g. GITHUB
   * @return the connection
   */
  public static ConnectionDef to(String id, String name, ProviderType type) {
    return new ConnectionDef(
        id, name, null, type, ServiceNamespace.CODESTAR_CONNECTIONS, null, Map.of());
  }

  /** In a namespace. */
  public ConnectionDef in(ServiceNamespace n) {
    return new ConnectionDef(id, name, hostId, type, n, removal, tags);
  }

  /** With a removal policy. */
  public ConnectionDef removal(RemovalPolicy r) {
    return new ConnectionDef(id, name, hostId, type, namespace, r, tags);
  }

  /** With these tags. */
  public ConnectionDef tagged(Map<String, String> t) {
    return new ConnectionDef(id, name, hostId, type, namespace, removal, t);
  }
}
