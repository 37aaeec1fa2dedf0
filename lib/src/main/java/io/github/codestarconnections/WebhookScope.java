package io.github.codestarconnections;

import software.amazon.awscdk.services.codebuild.CfnProject;

/**
 * A webhook that listens to a whole GitHub organization or enterprise, or a GitLab group, rather
 * than one repository (CodeBuild's {@code ScopeConfiguration},
 * https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ScopeConfiguration.html). The
 * project's source location is then {@code CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION}, so a scoped
 * source takes no owner, repository or URL
 * (https://docs.aws.amazon.com/codebuild/latest/userguide/github-global-organization-webhook-setup.html,
 * https://docs.aws.amazon.com/codebuild/latest/userguide/gitlab-group-webhook.html).
 *
 * <p>CodeBuild creates an organization webhook only with a credential that may create webhooks on
 * the organization. A GitHub global webhook it never creates ("If you are creating a global
 * webhook, you will need to manually create the webhook"), and CloudFormation cannot ask for one
 * made by hand: see {@link #gitHubGlobal}.
 */
public final class WebhookScope {
  /** CodeBuild's scope types. */
  enum Type {
    GITHUB_ORGANIZATION,
    GITHUB_GLOBAL,
    GITLAB_GROUP
  }

  private final Type type;
  private final String name;
  private final String domain;

  private WebhookScope(Type type, String name, String domain) {
    this.type = type;
    this.name = name;
    this.domain = domain;
  }

  /**
   * Every repository of a GitHub (or GitHub Enterprise Server) organization.
   *
   * @param organization the organization's name
   * @return the scope
   */
  public static WebhookScope gitHubOrganization(String organization) {
    return new WebhookScope(Type.GITHUB_ORGANIZATION, organization, null);
  }

  /**
   * Every repository of a GitHub enterprise (a global webhook). CloudFormation cannot make it
   * (CodeBuild makes no global webhook, and {@code ProjectTriggers} has no {@code ManualCreation}):
   * give it to a source with {@code webhook(false)} and no filters, which gives the project the
   * location {@code CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION} and no webhook, then make the
   * webhook by hand: {@code aws codebuild create-webhook --manual-creation} with this scope and the
   * {@code WORKFLOW_JOB_QUEUED} event, and the payload URL and secret it answers added to the
   * enterprise's webhooks in GitHub
   * (https://docs.aws.amazon.com/codebuild/latest/userguide/github-manual-webhook.html). With a
   * webhook it is refused.
   *
   * @param enterprise the enterprise's name
   * @return the scope
   */
  public static WebhookScope gitHubGlobal(String enterprise) {
    return new WebhookScope(Type.GITHUB_GLOBAL, enterprise, null);
  }

  /**
   * Every repository of a GitLab (or GitLab self-managed) group.
   *
   * @param group the group's name
   * @return the scope
   */
  public static WebhookScope gitLabGroup(String group) {
    return new WebhookScope(Type.GITLAB_GROUP, group, null);
  }

  /**
   * The same scope on a self-managed installation: CodeBuild needs the domain of the GitHub
   * Enterprise Server organization or the GitLab self-managed group, and only for those source
   * types (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ScopeConfiguration.html).
   * CloudFormation makes no GitHub Enterprise Server webhook, so here it is for GitLab
   * self-managed.
   *
   * @param domain the installation's domain, e.g. {@code github.example.com}
   * @return a new scope
   */
  public WebhookScope withDomain(String domain) {
    return new WebhookScope(type, name, domain);
  }

  Type type() {
    return type;
  }

  String name() {
    return name;
  }

  String domain() {
    return domain;
  }

  /** The scope as CodeBuild's {@code ScopeConfiguration}. */
  CfnProject.ScopeConfigurationProperty render() {
    CfnProject.ScopeConfigurationProperty.Builder b =
        CfnProject.ScopeConfigurationProperty.builder().name(name).scope(type.name());
    if (domain != null) {
      b.domain(domain);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return type + " '" + name + "'" + (domain == null ? "" : " on '" + domain + "'");
  }
}
