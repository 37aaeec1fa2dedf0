package io.github.codestarconnections;

import java.util.EnumSet;
import java.util.Set;
import software.amazon.awscdk.services.codebuild.EventAction;

/**
 * The CodeBuild source types that take a connection ({@code Auth} of type {@code CODECONNECTIONS}),
 * and what CodeBuild documents about each. CodeBuild's source types are those of the {@code
 * ProjectSource} API
 * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html); Azure DevOps
 * is not among them.
 */
enum CodeBuildSourceType {
  GITHUB(
      ProviderType.GITHUB,
      "gitHub",
      "https://github.com/",
      // https://docs.aws.amazon.com/codebuild/latest/userguide/github-webhook.html: all nine
      // events.
      EnumSet.allOf(EventAction.class),
      true,
      true),
  GITHUB_ENTERPRISE(
      ProviderType.GITHUB_ENTERPRISE_SERVER,
      "gitHubEnterprise",
      null,
      // https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html:
      // PULL_REQUEST_REOPENED and WORKFLOW_JOB_QUEUED work with GitHub and GitHub Enterprise;
      // RELEASED and PRERELEASED with GitHub only.
      EnumSet.complementOf(EnumSet.of(EventAction.RELEASED, EventAction.PRERELEASED)),
      true,
      // "The Webhook feature isn't available in AWS CloudFormation for GitHub Enterprise
      // projects":
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-projecttriggers.html
      false),
  GITLAB(
      ProviderType.GITLAB,
      "gitLab",
      "https://gitlab.com/",
      // https://docs.aws.amazon.com/codebuild/latest/userguide/gitlab-webhook.html lists these
      // eight. The API reference's older notes give RELEASED and WORKFLOW_JOB_QUEUED to GitHub
      // only; the newer GitLab page is followed, so that no event GitLab documents is refused.
      EnumSet.complementOf(EnumSet.of(EventAction.PRERELEASED)),
      false,
      true),
  GITLAB_SELF_MANAGED(
      ProviderType.GITLAB_SELF_MANAGED,
      "gitLabSelfManaged",
      null,
      // The same page covers GitLab self-managed.
      EnumSet.complementOf(EnumSet.of(EventAction.PRERELEASED)),
      false,
      true),
  BITBUCKET(
      ProviderType.BITBUCKET,
      "bitbucket",
      "https://bitbucket.org/",
      // https://docs.aws.amazon.com/codebuild/latest/userguide/bitbucket-webhook.html
      EnumSet.of(
          EventAction.PUSH,
          EventAction.PULL_REQUEST_CREATED,
          EventAction.PULL_REQUEST_UPDATED,
          EventAction.PULL_REQUEST_MERGED,
          EventAction.PULL_REQUEST_CLOSED),
      true,
      true);

  private final ProviderType providerType;
  private final String factory;
  private final String cloudUrl;
  private final Set<EventAction> events;
  private final boolean buildStatusConfig;
  private final boolean webhookInCloudFormation;

  CodeBuildSourceType(
      ProviderType providerType,
      String factory,
      String cloudUrl,
      Set<EventAction> events,
      boolean buildStatusConfig,
      boolean webhookInCloudFormation) {
    this.providerType = providerType;
    this.factory = factory;
    this.cloudUrl = cloudUrl;
    this.events = events;
    this.buildStatusConfig = buildStatusConfig;
    this.webhookInCloudFormation = webhookInCloudFormation;
  }

  /**
   * The source type for a connection's provider.
   *
   * @param who who asks, for the message
   * @param providerType the provider (not null)
   * @return the source type
   * @throws IllegalArgumentException for a provider CodeBuild has no source type for
   */
  static CodeBuildSourceType of(Owner who, ProviderType providerType) {
    for (CodeBuildSourceType type : values()) {
      if (type.providerType == providerType) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        who
            + ": providerType "
            + providerType
            + " has no CodeBuild source type; CodeBuild takes a connection for GITHUB,"
            + " GITHUB_ENTERPRISE, GITLAB, GITLAB_SELF_MANAGED and BITBUCKET sources only"
            + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html)");
  }

  /** The provider a connection for this source type points at. */
  ProviderType providerType() {
    return providerType;
  }

  /** The name of the {@link CodeBuildSource} factory, for messages. */
  String factory() {
    return factory;
  }

  /**
   * The cloud's base URL, e.g. {@code https://github.com/}; null for a self-managed installation,
   * whose URL only the user knows.
   */
  String cloudUrl() {
    return cloudUrl;
  }

  /** Whether CodeBuild documents this webhook event for this source type. */
  boolean supports(EventAction event) {
    return events.contains(event);
  }

  /**
   * Whether CodeBuild uses {@code BuildStatusConfig} for this type: only for GITHUB,
   * GITHUB_ENTERPRISE and BITBUCKET
   * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html).
   */
  boolean takesBuildStatusConfig() {
    return buildStatusConfig;
  }

  /** Whether CloudFormation can make this type's webhook. */
  boolean webhookInCloudFormation() {
    return webhookInCloudFormation;
  }
}
