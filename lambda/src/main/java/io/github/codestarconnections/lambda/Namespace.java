package io.github.codestarconnections.lambda;

import java.util.Locale;

/**
 * Which of the two API namespaces the handler calls: the original {@code codestar-connections}
 * (2019-12-01) or the renamed {@code codeconnections} (2023-12-01). Both manage the same hosts.
 */
public enum Namespace {
  /** The {@code codestar-connections} API; its host ARNs name that service. */
  CODESTAR_CONNECTIONS("codestar-connections"),
  /** The {@code codeconnections} API; it accepts host ARNs of either service. */
  CODECONNECTIONS("codeconnections");

  /** The environment variable that selects the namespace. */
  public static final String ENVIRONMENT_VARIABLE = "CODESTAR_CONNECTIONS_NAMESPACE";

  private final String arnService;

  Namespace(String arnService) {
    this.arnService = arnService;
  }

  /**
   * The service name in this namespace's ARNs and IAM actions.
   *
   * @return {@code codestar-connections} or {@code codeconnections}
   */
  public String arnService() {
    return arnService;
  }

  /**
   * Whether this namespace's API accepts a host ARN of the given service.
   *
   * @param service the ARN's service field
   * @return true when the API's HostArn pattern admits it
   */
  public boolean accepts(String service) {
    return this == CODECONNECTIONS
        ? CODESTAR_CONNECTIONS.arnService.equals(service) || arnService.equals(service)
        : arnService.equals(service);
  }

  /**
   * Parses the environment variable's value; unset or blank means {@link #CODESTAR_CONNECTIONS}.
   *
   * @param value the variable's value, may be null
   * @return the namespace
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Namespace parse(String value) {
    if (value == null || value.isBlank()) {
      return CODESTAR_CONNECTIONS;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (Namespace n : values()) {
      if (n.arnService.equals(v)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        ENVIRONMENT_VARIABLE
            + " is '"
            + value
            + "'; use 'codestar-connections' (the default) or 'codeconnections'");
  }

  /**
   * The namespace this Lambda container was configured with.
   *
   * @return the parsed {@link #ENVIRONMENT_VARIABLE}
   */
  public static Namespace fromEnvironment() {
    return parse(System.getenv(ENVIRONMENT_VARIABLE));
  }
}
