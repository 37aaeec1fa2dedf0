package io.github.codestarconnections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.codebuild.ISource;
import software.amazon.awscdk.services.codebuild.SourceConfig;
import software.constructs.Construct;

/**
 * A CodeBuild project's source read through an {@link IConnection}: the source's {@code Auth} is of
 * type {@code CODECONNECTIONS} with the connection's ARN, which CodeBuild takes for GitHub, GitHub
 * Enterprise Server, GitLab, GitLab self-managed and Bitbucket sources
 * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_SourceAuth.html). The counterpart
 * of aws-cdk's {@code codebuild.Source.gitHub(...)}, which has no connection; give it to a {@code
 * Project} as its {@code source}. The project's role gets {@link IConnection#grantCodeBuildUse} on
 * the connection, in the connection's own namespace, in a policy the project depends on. A webhook
 * on a connection made in this app needs {@link CodeBuildSourceProps#getWaitForAvailable()
 * waitForAvailable(true)} (a new connection is {@code PENDING} until its handshake is done).
 *
 * <pre>{@code
 * Project.Builder.create(this, "Build")
 *     .source(CodeBuildSource.gitHub(CodeBuildSourceProps.builder()
 *         .connection(github)
 *         .owner("acme")
 *         .repo("service")
 *         .webhookFilters(List.of(WebhookFilterGroup.inEventOf(EventAction.PUSH).andBranchIs("main")))
 *         .waitForAvailable(true)   // when github is a Connection made in this app
 *         .build()))
 *     .build();
 * }</pre>
 *
 * <p>Everything is checked when the source is made; errors name the connection, the property, the
 * value and CodeBuild's rule. As a secondary source ({@code project.addSecondarySource}) the source
 * needs an {@code identifier}, and CodeBuild ignores its webhook.
 */
public final class CodeBuildSource implements ISource {
  /**
   * The source location of a scoped (organization, global or group) webhook's project
   * (https://docs.aws.amazon.com/codebuild/latest/userguide/github-global-organization-webhook-setup.html).
   */
  public static final String DEFAULT_WEBHOOK_SOURCE_LOCATION =
      "CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION";

  private static final String SOURCE_DOC =
      "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html";

  private final CodeBuildSourceType type;
  private final CodeBuildSourceProps props;
  private final Owner who;
  private final String location;
  private final List<WebhookFilterGroup> groups;
  private final boolean webhook;

  private CodeBuildSource(CodeBuildSourceType type, CodeBuildSourceProps props) {
    if (props == null || props.getConnection() == null) {
      throw new IllegalArgumentException(
          Owner.unplaced("CodeBuildSource." + type.factory())
              + ": connection is required (a Connection, or Connection.fromConnectionArn)");
    }
    Owner who = onConnection("CodeBuildSource." + type.factory(), props.getConnection());
    checkProvider(who, type, props.getConnection());
    this.who = who;
    this.type = type;
    this.props = props;
    this.groups = props.getWebhookFilters() == null ? List.of() : props.getWebhookFilters();
    WebhookScope scope = props.getWebhookScope();
    this.webhook =
        props.getWebhook() != null
            ? props.getWebhook()
            : !groups.isEmpty() || scope != null || props.getWebhookBuildType() != null;
    this.location =
        scope != null ? scopedLocation(who, props) : repositoryLocation(who, type, props);
    BuildSourceProperty.check(who, type, props);
    if (webhook) {
      if (!type.webhookInCloudFormation()) {
        throw new IllegalArgumentException(
            who
                + ": webhook on a GITHUB_ENTERPRISE source; CloudFormation does not make GitHub"
                + " Enterprise Server webhooks (https://docs.aws.amazon.com/AWSCloudFormation/latest/"
                + "UserGuide/aws-properties-codebuild-project-projecttriggers.html): create it with"
                + " the CLI (aws codebuild create-webhook) or the console, and drop the webhook"
                + " properties here");
      }
      WebhookRules.check(who, type, scope, groups);
    } else if (manualGlobal(scope, groups, props)) {
      WebhookRules.checkScope(who, type, scope);
    } else if (!groups.isEmpty() || scope != null || props.getWebhookBuildType() != null) {
      throw new IllegalArgumentException(
          who
              + ": webhook is false, but webhookFilters, webhookScope or webhookBuildType is"
              + " given; they configure the webhook: drop them, or drop webhook(false)");
    }
  }

  /**
   * A GitHub (github.com, including GitHub Enterprise Cloud) repository through a GitHub
   * connection.
   *
   * @param props the properties, with {@code owner} and {@code repo}
   * @return the source
   * @throws IllegalArgumentException on a property CodeBuild would reject
   */
  public static CodeBuildSource gitHub(CodeBuildSourceProps props) {
    return new CodeBuildSource(CodeBuildSourceType.GITHUB, props);
  }

  /**
   * A GitHub Enterprise Server repository through a connection on its host. CloudFormation makes no
   * webhook for it.
   *
   * @param props the properties, with {@code repositoryUrl}
   * @return the source
   * @throws IllegalArgumentException on a property CodeBuild would reject
   */
  public static CodeBuildSource gitHubEnterprise(CodeBuildSourceProps props) {
    return new CodeBuildSource(CodeBuildSourceType.GITHUB_ENTERPRISE, props);
  }

  /**
   * A GitLab (gitlab.com) repository through a GitLab connection.
   *
   * @param props the properties, with {@code owner} (group, or {@code group/subgroup}) and {@code
   *     repo}
   * @return the source
   * @throws IllegalArgumentException on a property CodeBuild would reject
   */
  public static CodeBuildSource gitLab(CodeBuildSourceProps props) {
    return new CodeBuildSource(CodeBuildSourceType.GITLAB, props);
  }

  /**
   * A GitLab self-managed repository through a connection on its host.
   *
   * @param props the properties, with {@code repositoryUrl}
   * @return the source
   * @throws IllegalArgumentException on a property CodeBuild would reject
   */
  public static CodeBuildSource gitLabSelfManaged(CodeBuildSourceProps props) {
    return new CodeBuildSource(CodeBuildSourceType.GITLAB_SELF_MANAGED, props);
  }

  /**
   * A Bitbucket Cloud repository through a Bitbucket connection.
   *
   * @param props the properties, with {@code owner} (the workspace) and {@code repo}
   * @return the source
   * @throws IllegalArgumentException on a property CodeBuild would reject
   */
  public static CodeBuildSource bitbucket(CodeBuildSourceProps props) {
    return new CodeBuildSource(CodeBuildSourceType.BITBUCKET, props);
  }

  /**
   * A source of the type that fits the given provider.
   *
   * @param providerType the provider, e.g. {@link ProviderType#GITLAB}
   * @param props the properties
   * @return the source
   * @throws IllegalArgumentException for {@link ProviderType#AZURE_DEVOPS}, which CodeBuild has no
   *     source type for, or on a property CodeBuild would reject
   */
  public static CodeBuildSource forProvider(ProviderType providerType, CodeBuildSourceProps props) {
    if (providerType == null) {
      throw new IllegalArgumentException(
          Owner.unplaced("CodeBuildSource.forProvider") + ": providerType is null");
    }
    return new CodeBuildSource(
        CodeBuildSourceType.of(Owner.unplaced("CodeBuildSource.forProvider"), providerType), props);
  }

  /**
   * A source of the type that fits the connection's provider, for a {@link Connection} made in this
   * app (an import's provider is unknown: use the factory of its provider).
   *
   * @param props the properties
   * @return the source
   * @throws IllegalArgumentException when the connection's provider is unknown or has no CodeBuild
   *     source type, or on a property CodeBuild would reject
   */
  public static CodeBuildSource fromConnection(CodeBuildSourceProps props) {
    IConnection connection = props == null ? null : props.getConnection();
    Optional<ProviderType> provider = providerOf(connection);
    if (provider.isEmpty()) {
      throw new IllegalArgumentException(
          connection == null
              ? Owner.unplaced("CodeBuildSource.fromConnection") + ": connection is required"
              : onConnection("CodeBuildSource.fromConnection", connection)
                  + ": the connection's provider is not known at synth (an import, or a"
                  + " connection on an imported host); use the factory of its provider, e.g."
                  + " CodeBuildSource.gitHub(...)");
    }
    return new CodeBuildSource(
        CodeBuildSourceType.of(
            onConnection("CodeBuildSource.fromConnection", connection), provider.get()),
        props);
  }

  /**
   * CodeBuild's source type, e.g. {@code GITHUB}.
   *
   * @return the type
   */
  @Override
  public String getType() {
    return type.name();
  }

  /**
   * Whether the project may have a build badge: yes, for every Git source
   * (https://docs.aws.amazon.com/codebuild/latest/userguide/create-project.html).
   *
   * @return true
   */
  @Override
  public Boolean getBadgeSupported() {
    return true;
  }

  /**
   * The source's identifier, which a secondary source needs.
   *
   * @return the identifier, or null
   */
  @Override
  public String getIdentifier() {
    return props.getIdentifier();
  }

  /**
   * The source's location: the repository's HTTPS clone URL, or {@link
   * #DEFAULT_WEBHOOK_SOURCE_LOCATION} for a scoped webhook.
   *
   * @return the location
   */
  public String getLocation() {
    return location;
  }

  /**
   * Grants the project's role the use of the connection (in a policy the project depends on, see
   * {@link IConnection#grantCodeBuildUse}), makes the project wait for the connection's handshake
   * when asked ({@link CodeBuildSourceProps#getWaitForAvailable()}), enables batch builds for a
   * {@code BUILD_BATCH} webhook, and renders the source. Called by the project.
   *
   * <p>A webhook on a connection made in this app that does not wait for the handshake is refused
   * at synth, under the project: CodeBuild makes the webhook through the connection when
   * CloudFormation creates the project, and a new connection is {@code PENDING} until a person
   * finishes its handshake.
   *
   * @param scope the project
   * @param project the project
   * @return the source's configuration
   */
  @Override
  public SourceConfig bind(Construct scope, IProject project) {
    IConnection connection = props.getConnection();
    connection.grantCodeBuildUse(project);
    if (Boolean.TRUE.equals(props.getWaitForAvailable())) {
      ReadinessCheck check = HandshakeWait.check(scope, waitId(), connection, who);
      Aspects.of(scope).add(new ProjectDependency(null, check));
    } else if (webhook) {
      HandshakeWait.requireWait(
          project,
          who,
          connection,
          "project at '"
              + project.getNode().getPath()
              + "' has a webhook, which CodeBuild makes through the connection when"
              + " CloudFormation creates the project (CreateWebhook)",
          "give the source waitForAvailable(true)");
    }
    if (webhook && props.getWebhookBuildType() == WebhookBuildType.BUILD_BATCH) {
      project.enableBatchBuilds();
    }
    return SourceConfig.builder()
        .sourceProperty(BuildSourceProperty.render(type, props, location))
        .buildTriggers(triggers())
        .sourceVersion(props.getBranchOrRef())
        .build();
  }

  private CfnProject.ProjectTriggersProperty triggers() {
    if (manualGlobal(props.getWebhookScope(), groups, props)) {
      // No Triggers: the template says nothing of the webhook made by hand.
      return null;
    }
    if (!webhook) {
      // As aws-cdk's sources do: an explicit false is rendered, an unset webhook is not.
      return Boolean.FALSE.equals(props.getWebhook())
          ? CfnProject.ProjectTriggersProperty.builder().webhook(false).build()
          : null;
    }
    CfnProject.ProjectTriggersProperty.Builder b =
        CfnProject.ProjectTriggersProperty.builder().webhook(true);
    if (props.getWebhookBuildType() != null) {
      b.buildType(props.getWebhookBuildType().name());
    }
    if (!groups.isEmpty()) {
      b.filterGroups(groups.stream().map(WebhookFilterGroup::render).toList());
    }
    if (props.getWebhookScope() != null) {
      b.scopeConfiguration(props.getWebhookScope().render());
    }
    return b.build();
  }

  /** The id of the check a project waits on: one per source of the project. */
  private String waitId() {
    return props.getIdentifier() == null
        ? HandshakeWait.WAIT_ID
        : props.getIdentifier() + HandshakeWait.WAIT_ID;
  }

  /**
   * A GitHub global webhook's project without a webhook from CloudFormation, which cannot make one
   * (see {@link WebhookRules}): it takes the scope's location, and the webhook is made by hand.
   */
  private static boolean manualGlobal(
      WebhookScope scope, List<WebhookFilterGroup> groups, CodeBuildSourceProps props) {
    return Boolean.FALSE.equals(props.getWebhook())
        && scope != null
        && scope.type() == WebhookScope.Type.GITHUB_GLOBAL
        && groups.isEmpty()
        && props.getWebhookBuildType() == null;
  }

  /** A source named by its factory and the connection it is on, e.g. for messages. */
  static Owner onConnection(String factory, IConnection connection) {
    return new Owner(factory + " on connection", connection);
  }

  private static Optional<ProviderType> providerOf(IConnection connection) {
    return connection == null ? Optional.empty() : connection.getProviderType();
  }

  private static void checkProvider(Owner who, CodeBuildSourceType type, IConnection connection) {
    Optional<ProviderType> provider = providerOf(connection);
    if (provider.isPresent() && provider.get() != type.providerType()) {
      throw new IllegalArgumentException(
          who
              + ": connection is a "
              + provider.get()
              + " connection; a "
              + type
              + " source needs a "
              + type.providerType()
              + " connection"
              + (provider.get() == ProviderType.AZURE_DEVOPS
                  ? " (CodeBuild has no Azure DevOps source type: " + SOURCE_DOC + ")"
                  : ""));
    }
  }

  private static String scopedLocation(Owner who, CodeBuildSourceProps props) {
    if (props.getOwner() != null || props.getRepo() != null || props.getRepositoryUrl() != null) {
      throw new IllegalArgumentException(
          who
              + ": webhookScope "
              + props.getWebhookScope()
              + " is given with owner, repo or repositoryUrl; a scoped webhook's project has the"
              + " location "
              + DEFAULT_WEBHOOK_SOURCE_LOCATION
              + ": drop them");
    }
    return DEFAULT_WEBHOOK_SOURCE_LOCATION;
  }

  private static String repositoryLocation(
      Owner who, CodeBuildSourceType type, CodeBuildSourceProps props) {
    if (type.cloudUrl() == null) {
      if (props.getOwner() != null || props.getRepo() != null) {
        throw new IllegalArgumentException(
            who
                + ": owner and repo are for cloud providers; a "
                + type
                + " source takes repositoryUrl, the HTTPS clone URL on your server");
      }
      RepositoryRef.require(who, "repositoryUrl", props.getRepositoryUrl());
      return checkUrl(who, props.getRepositoryUrl());
    }
    if (props.getRepositoryUrl() != null) {
      throw new IllegalArgumentException(
          who
              + ": repositoryUrl '"
              + props.getRepositoryUrl()
              + "' is for GITHUB_ENTERPRISE and GITLAB_SELF_MANAGED sources; a "
              + type
              + " source takes owner and repo");
    }
    RepositoryRef.require(who, "owner", props.getOwner());
    RepositoryRef.require(who, "repo", props.getRepo());
    RepositoryRef.checkOwner(who, "owner", props.getOwner());
    RepositoryRef.checkRepo(who, props.getRepo());
    if (type != CodeBuildSourceType.GITLAB
        && !JsiiShortcuts.isUnresolved(props.getOwner())
        && props.getOwner().contains("/")) {
      throw new IllegalArgumentException(
          who
              + ": owner '"
              + props.getOwner()
              + "' has a '/'; only GitLab has subgroups, a "
              + type
              + " owner is one name");
    }
    return type.cloudUrl() + props.getOwner() + "/" + props.getRepo() + ".git";
  }

  /** An HTTPS clone URL: {@code https://host/owner/repo[.git]}, as CodeBuild takes locations. */
  private static String checkUrl(Owner who, String url) {
    if (JsiiShortcuts.isUnresolved(url)) {
      return url;
    }
    String rule =
        "; it must be the repository's HTTPS clone URL, https://<host>/<owner>/<repo>[.git] ("
            + SOURCE_DOC
            + ")";
    try {
      URI uri = new URI(url);
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
      if (!"https".equals(uri.getScheme())
          || uri.getHost() == null
          || uri.getUserInfo() != null
          || uri.getQuery() != null
          || uri.getFragment() != null
          || path.split("/").length < 2) {
        throw new IllegalArgumentException(
            who + ": repositoryUrl '" + url + "' is not valid" + rule);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          who + ": repositoryUrl '" + url + "' is not a URL (" + e.getReason() + ")" + rule, e);
    }
    return url;
  }
}
