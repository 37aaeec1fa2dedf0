package io.github.codestarconnections;

/**
 * The two API namespaces of the same service. AWS renamed CodeStar Connections to CodeConnections
 * in 2024; both keep working, but a resource's ARN carries the namespace it was made in, and IAM
 * checks the action prefix that matches it.
 */
public enum ServiceNamespace {
  /** {@code codestar-connections}: the original namespace, {@code AWS::CodeStarConnections::*}. */
  CODESTAR_CONNECTIONS("codestar-connections"),
  /** {@code codeconnections}: the newer namespace, {@code AWS::CodeConnections::*}. */
  CODECONNECTIONS("codeconnections");

  private final String arnService;

  ServiceNamespace(String arnService) {
    this.arnService = arnService;
  }

  /**
   * The service part of ARNs and the prefix of IAM actions in this namespace.
   *
   * @return {@code "codestar-connections"} or {@code "codeconnections"}
   */
  public String getArnService() {
    return arnService;
  }

  /**
   * An IAM action in this namespace.
   *
   * @param action the action name, e.g. {@code "UseConnection"}
   * @return e.g. {@code "codeconnections:UseConnection"}
   */
  public String action(String action) {
    return arnService + ":" + action;
  }

  /**
   * The namespace whose ARNs carry the given service.
   *
   * @param arnService the ARN's service part
   * @return the namespace, or null when the service is neither
   */
  static ServiceNamespace fromArnService(String arnService) {
    for (ServiceNamespace ns : values()) {
      if (ns.arnService.equals(arnService)) {
        return ns;
      }
    }
    return null;
  }
}
