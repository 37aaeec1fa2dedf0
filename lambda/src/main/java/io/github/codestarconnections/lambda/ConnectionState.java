package io.github.codestarconnections.lambda;

/**
 * What ListConnections and GetConnection show of one connection (the models' {@code Connection}
 * shape).
 *
 * @param arn the ConnectionArn; its service field is the namespace it was made in
 * @param name the ConnectionName
 * @param providerType the ProviderType (the host's, for a connection on a host)
 * @param hostArn the HostArn, or null for a cloud provider
 * @param status PENDING, AVAILABLE or ERROR (the models' ConnectionStatus), as the service sends it
 * @param ownerAccountId the OwnerAccountId
 */
public record ConnectionState(
    String arn,
    String name,
    String providerType,
    String hostArn,
    String status,
    String ownerAccountId) {

  /**
   * How messages name it.
   *
   * @return "name (ARN)"
   */
  public String describe() {
    return name + " (" + arn + ")";
  }
}
