package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Properties of a {@link CodeBuildSource}. Immutable; make one with {@link #builder()}. The names
 * follow aws-cdk's {@code codebuild.GitHubSourceProps}, with the connection, and a repository URL
 * for self-managed installations.
 */
public final class CodeBuildSourceProps {
  private final IConnection connection;
  private final String owner;
  private final String repo;
  private final String repositoryUrl;
  private final String branchOrRef;
  private final Number cloneDepth;
  private final Boolean fetchSubmodules;
  private final Boolean reportBuildStatus;
  private final String buildStatusContext;
  private final String buildStatusTargetUrl;
  private final Boolean webhook;
  private final List<WebhookFilterGroup> webhookFilters;
  private final WebhookBuildType webhookBuildType;
  private final WebhookScope webhookScope;
  private final String identifier;
  private final Boolean waitForAvailable;

  private CodeBuildSourceProps(Builder b) {
    this.connection = b.connection;
    this.owner = b.owner;
    this.repo = b.repo;
    this.repositoryUrl = b.repositoryUrl;
    this.branchOrRef = b.branchOrRef;
    this.cloneDepth = b.cloneDepth;
    this.fetchSubmodules = b.fetchSubmodules;
    this.reportBuildStatus = b.reportBuildStatus;
    this.buildStatusContext = b.buildStatusContext;
    this.buildStatusTargetUrl = b.buildStatusTargetUrl;
    this.webhook = b.webhook;
    this.webhookFilters =
        b.webhookFilters == null
            ? null
            : Collections.unmodifiableList(new ArrayList<>(b.webhookFilters));
    this.webhookBuildType = b.webhookBuildType;
    this.webhookScope = b.webhookScope;
    this.identifier = b.identifier;
    this.waitForAvailable = b.waitForAvailable;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The connection CodeBuild reads the repository through (the source's {@code Auth}, of type
   * {@code CODECONNECTIONS}). Its provider must match the factory: a GitHub connection for {@link
   * CodeBuildSource#gitHub}, and so on. The project's role gets {@link
   * IConnection#grantCodeBuildUse}.
   *
   * @return the connection
   * @default none; required
   */
  public IConnection getConnection() {
    return connection;
  }

  /**
   * The repository's owner (user, organization, workspace or group; GitLab subgroups as {@code
   * group/subgroup}), for GitHub, GitLab and Bitbucket.
   *
   * @return the owner
   * @default none; required for GitHub, GitLab and Bitbucket unless {@link #getWebhookScope()} is
   *     given
   */
  public String getOwner() {
    return owner;
  }

  /**
   * The repository's name, without the owner, for GitHub, GitLab and Bitbucket.
   *
   * @return the repository
   * @default none; required with {@link #getOwner()}
   */
  public String getRepo() {
    return repo;
  }

  /**
   * The repository's HTTPS clone URL on a self-managed installation, e.g. {@code
   * https://github.example.com/acme/service.git}: only you know the server's host name.
   *
   * @return the URL
   * @default none; required for GitHub Enterprise Server and GitLab self-managed unless {@link
   *     #getWebhookScope()} is given
   */
  public String getRepositoryUrl() {
    return repositoryUrl;
  }

  /**
   * What to build when a build is started without a version: a branch, tag or commit id (the
   * project's {@code SourceVersion}). Pull request versions ({@code pr/N}, {@code
   * refs/pull/N/head}) exist for GitHub and GitHub Enterprise Server only.
   *
   * @return the branch or reference
   * @default the repository's default branch
   */
  public String getBranchOrRef() {
    return branchOrRef;
  }

  /**
   * How many commits of history to clone; 0 clones the full history.
   *
   * @return the depth
   * @default the full history
   */
  public Number getCloneDepth() {
    return cloneDepth;
  }

  /**
   * Whether to fetch the repository's Git submodules.
   *
   * @return the flag
   * @default false
   */
  public Boolean getFetchSubmodules() {
    return fetchSubmodules;
  }

  /**
   * Whether to report the build's start and end to the provider (commit statuses). Builds started
   * by a webhook always report.
   *
   * @return the flag
   * @default true
   */
  public Boolean getReportBuildStatus() {
    return reportBuildStatus;
  }

  /**
   * The commit status's context (GitHub) or name (Bitbucket). CodeBuild uses it for GitHub, GitHub
   * Enterprise Server and Bitbucket only.
   *
   * @return the context
   * @default CodeBuild's, {@code AWS CodeBuild $AWS_REGION ($PROJECT_NAME)}
   */
  public String getBuildStatusContext() {
    return buildStatusContext;
  }

  /**
   * The link of the commit status. CodeBuild uses it for GitHub, GitHub Enterprise Server and
   * Bitbucket only.
   *
   * @return the URL
   * @default the build's page in the CodeBuild console
   */
  public String getBuildStatusTargetUrl() {
    return buildStatusTargetUrl;
  }

  /**
   * Whether CodeBuild starts a build on the repository's events (a webhook). Without filters, the
   * provider's push and pull request events start builds. Do not use it for a project that a
   * pipeline runs: each change would then be built twice. CodeBuild makes the webhook through the
   * connection when the project is created, so on a connection made in this app (a {@link
   * Connection}, or an L1 {@code CfnConnection}: new, so {@code PENDING}, in the deploy that makes
   * it) it needs {@link #getWaitForAvailable()}, or a {@link ReadinessCheck} in {@link
   * ReadinessMode#WAIT_FOR_AVAILABLE} mode that the project depends on; without either it is
   * refused at synth.
   *
   * @return the flag
   * @default true when {@link #getWebhookFilters()}, {@link #getWebhookScope()} or {@link
   *     #getWebhookBuildType()} is given, else no webhook
   */
  public Boolean getWebhook() {
    return webhook;
  }

  /**
   * The webhook's filter groups: a build starts when an event matches every filter of one group.
   *
   * @return the groups
   * @default none: every push and pull request event
   */
  public List<WebhookFilterGroup> getWebhookFilters() {
    return webhookFilters;
  }

  /**
   * What the webhook starts: a build, or a batch build.
   *
   * @return the build type
   * @default {@link WebhookBuildType#BUILD}
   */
  public WebhookBuildType getWebhookBuildType() {
    return webhookBuildType;
  }

  /**
   * A webhook on a GitHub organization or enterprise, or a GitLab group, instead of one repository.
   *
   * @return the scope
   * @default a webhook on the one repository
   */
  public WebhookScope getWebhookScope() {
    return webhookScope;
  }

  /**
   * The source's identifier, which a secondary source needs: letters, digits and underscores, fewer
   * than 128 characters.
   *
   * @return the identifier
   * @default none; required for a secondary source
   */
  public String getIdentifier() {
    return identifier;
  }

  /**
   * Whether the project waits, while CloudFormation creates it, until the connection is {@code
   * AVAILABLE}: a {@link ReadinessCheck} in {@link ReadinessMode#WAIT_FOR_AVAILABLE} mode under the
   * project (id {@code WaitForHandshake}, with the {@link #getIdentifier() identifier} before it
   * for a secondary source), which the project depends on. It is what lets a webhook on a
   * connection made in the same deployment deploy the first time: CodeBuild makes the webhook
   * through the connection when the project is created, and a new connection is {@code PENDING}
   * until a person finishes its handshake in the console, which the check gives them its default
   * timeout (10 minutes) to do while the deploy waits. The check runs when it is new; later deploys
   * do not wait. It adds the stack's host provider (a Lambda-backed custom resource) if the stack
   * has none. For another timeout, make the {@link ReadinessCheck} yourself and make the project
   * depend on it.
   *
   * @return the flag
   * @default false; a webhook on a connection made in this app is then refused at synth, unless the
   *     project depends on such a check you made
   */
  public Boolean getWaitForAvailable() {
    return waitForAvailable;
  }

  /** Builds {@link CodeBuildSourceProps}. */
  public static final class Builder {
    private IConnection connection;
    private String owner;
    private String repo;
    private String repositoryUrl;
    private String branchOrRef;
    private Number cloneDepth;
    private Boolean fetchSubmodules;
    private Boolean reportBuildStatus;
    private String buildStatusContext;
    private String buildStatusTargetUrl;
    private Boolean webhook;
    private List<WebhookFilterGroup> webhookFilters;
    private WebhookBuildType webhookBuildType;
    private WebhookScope webhookScope;
    private String identifier;
    private Boolean waitForAvailable;

    private Builder() {}

    /**
     * @param connection the connection: {@link CodeBuildSourceProps#getConnection()}
     * @return this builder
     */
    public Builder connection(IConnection connection) {
      this.connection = connection;
      return this;
    }

    /**
     * Sets the connection from aws-cdk's codestar-connections reference (an L1 {@code
     * codestarconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public Builder connection(
        software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * Sets the connection from aws-cdk's codeconnections reference (an L1 {@code
     * codeconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codeconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public Builder connection(
        software.amazon.awscdk.interfaces.codeconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * @param owner the owner: {@link CodeBuildSourceProps#getOwner()}
     * @return this builder
     */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * @param repo the repository: {@link CodeBuildSourceProps#getRepo()}
     * @return this builder
     */
    public Builder repo(String repo) {
      this.repo = repo;
      return this;
    }

    /**
     * @param repositoryUrl the HTTPS clone URL: {@link CodeBuildSourceProps#getRepositoryUrl()}
     * @return this builder
     */
    public Builder repositoryUrl(String repositoryUrl) {
      this.repositoryUrl = repositoryUrl;
      return this;
    }

    /**
     * @param branchOrRef the branch, tag, commit or reference: {@link
     *     CodeBuildSourceProps#getBranchOrRef()}
     * @return this builder
     */
    public Builder branchOrRef(String branchOrRef) {
      this.branchOrRef = branchOrRef;
      return this;
    }

    /**
     * @param cloneDepth the depth, 0 or more: {@link CodeBuildSourceProps#getCloneDepth()}
     * @return this builder
     */
    public Builder cloneDepth(Number cloneDepth) {
      this.cloneDepth = cloneDepth;
      return this;
    }

    /**
     * @param fetchSubmodules true to fetch submodules: {@link
     *     CodeBuildSourceProps#getFetchSubmodules()}
     * @return this builder
     */
    public Builder fetchSubmodules(Boolean fetchSubmodules) {
      this.fetchSubmodules = fetchSubmodules;
      return this;
    }

    /**
     * @param reportBuildStatus false to report nothing: {@link
     *     CodeBuildSourceProps#getReportBuildStatus()}
     * @return this builder
     */
    public Builder reportBuildStatus(Boolean reportBuildStatus) {
      this.reportBuildStatus = reportBuildStatus;
      return this;
    }

    /**
     * @param buildStatusContext the context; may use CodeBuild's variables: {@link
     *     CodeBuildSourceProps#getBuildStatusContext()}
     * @return this builder
     */
    public Builder buildStatusContext(String buildStatusContext) {
      this.buildStatusContext = buildStatusContext;
      return this;
    }

    /**
     * @param buildStatusTargetUrl the URL; may use CodeBuild's variables: {@link
     *     CodeBuildSourceProps#getBuildStatusTargetUrl()}
     * @return this builder
     */
    public Builder buildStatusTargetUrl(String buildStatusTargetUrl) {
      this.buildStatusTargetUrl = buildStatusTargetUrl;
      return this;
    }

    /**
     * @param webhook true for a webhook: {@link CodeBuildSourceProps#getWebhook()}
     * @return this builder
     */
    public Builder webhook(Boolean webhook) {
      this.webhook = webhook;
      return this;
    }

    /**
     * @param webhookFilters the groups: {@link CodeBuildSourceProps#getWebhookFilters()}
     * @return this builder
     */
    public Builder webhookFilters(List<WebhookFilterGroup> webhookFilters) {
      this.webhookFilters = webhookFilters;
      return this;
    }

    /**
     * @param webhookBuildType the build type: {@link CodeBuildSourceProps#getWebhookBuildType()}
     * @return this builder
     */
    public Builder webhookBuildType(WebhookBuildType webhookBuildType) {
      this.webhookBuildType = webhookBuildType;
      return this;
    }

    /**
     * @param webhookScope the scope: {@link CodeBuildSourceProps#getWebhookScope()}
     * @return this builder
     */
    public Builder webhookScope(WebhookScope webhookScope) {
      this.webhookScope = webhookScope;
      return this;
    }

    /**
     * @param identifier the identifier: {@link CodeBuildSourceProps#getIdentifier()}
     * @return this builder
     */
    public Builder identifier(String identifier) {
      this.identifier = identifier;
      return this;
    }

    /**
     * @param waitForAvailable true to make the project wait for the connection's handshake: {@link
     *     CodeBuildSourceProps#getWaitForAvailable()}
     * @return this builder
     */
    public Builder waitForAvailable(Boolean waitForAvailable) {
      this.waitForAvailable = waitForAvailable;
      return this;
    }

    /**
     * Builds the props.
     *
     * @return the props
     */
    public CodeBuildSourceProps build() {
      return new CodeBuildSourceProps(this);
    }
  }
}
