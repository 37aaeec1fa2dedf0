package io.github.codestarconnections;

/**
 * The third-party source providers a CodeStar (CodeConnections) connection or host can point at.
 *
 * <p>Cloud providers ({@link #GITHUB}, {@link #GITLAB}, {@link #BITBUCKET}, {@link #AZURE_DEVOPS})
 * are reached directly. Self-managed installations ({@link #GITHUB_ENTERPRISE_SERVER}, {@link
 * #GITLAB_SELF_MANAGED}) are reached through a {@link IHost}.
 */
public enum ProviderType {
  /** Bitbucket Cloud. */
  BITBUCKET("Bitbucket", false),
  /** GitHub.com (including GitHub Enterprise Cloud). */
  GITHUB("GitHub", false),
  /** A self-managed GitHub Enterprise Server; needs a {@link Host}. */
  GITHUB_ENTERPRISE_SERVER("GitHubEnterpriseServer", true),
  /** GitLab.com. */
  GITLAB("GitLab", false),
  /** A self-managed GitLab installation; needs a {@link Host}. */
  GITLAB_SELF_MANAGED("GitLabSelfManaged", true),
  /** Azure DevOps. */
  AZURE_DEVOPS("AzureDevOps", false);

  private final String apiName;
  private final boolean needsHost;

  ProviderType(String apiName, boolean needsHost) {
    this.apiName = apiName;
    this.needsHost = needsHost;
  }

  /**
   * The provider's name in the CodeStar Connections API and in CloudFormation, e.g. {@code
   * "GitHubEnterpriseServer"}.
   *
   * @return the API string
   */
  public String getApiName() {
    return apiName;
  }

  /**
   * Whether a connection to this provider goes through a host (a self-managed installation).
   *
   * @return true for GitHub Enterprise Server and GitLab self-managed
   */
  public boolean needsHost() {
    return needsHost;
  }

  /**
   * The provider type with the given API name.
   *
   * @param apiName the API string, e.g. {@code "GitHub"}
   * @return the provider type
   * @throws IllegalArgumentException naming the known values when none matches
   */
  public static ProviderType fromApiName(String apiName) {
    for (ProviderType type : values()) {
      if (type.apiName.equals(apiName)) {
        return type;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ProviderType type : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(type.apiName);
    }
    throw new IllegalArgumentException(
        "providerType '" + apiName + "' is not a CodeStar Connections provider; known: " + known);
  }
}
