package io.github.codestarconnections;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import software.amazon.awscdk.services.codebuild.EventAction;

/**
 * CodeBuild's documented rules for a webhook's scope and filter groups, checked when a {@link
 * CodeBuildSource} is made. Where CodeBuild's pages disagree on what a provider supports, the more
 * permissive page is followed: a rule refuses only what no page allows.
 */
final class WebhookRules {
  private static final String FILTER_DOC =
      "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html";

  /**
   * The faults of Java's regular expression parser that no common dialect (Java, PCRE, RE2,
   * ECMAScript) accepts either. CodeBuild takes "a regular expression pattern" ({@link
   * #FILTER_DOC}) but names no dialect, so a pattern only Java refuses (a PCRE {@code \K}, an RE2
   * {@code (?P<name>...)}) is left to CodeBuild.
   */
  private static final List<String> FAULTS_OF_EVERY_DIALECT =
      List.of(
          "Unclosed group",
          "Unclosed character class",
          "Unmatched closing ')'",
          "Dangling meta character",
          "Illegal repetition range",
          "Illegal character range");

  private static final EventAction[] PULL_REQUEST_EVENTS = {
    EventAction.PULL_REQUEST_CREATED,
    EventAction.PULL_REQUEST_UPDATED,
    EventAction.PULL_REQUEST_CLOSED,
    EventAction.PULL_REQUEST_REOPENED,
    EventAction.PULL_REQUEST_MERGED
  };

  private WebhookRules() {}

  /**
   * Checks a webhook's scope and filter groups for a source type.
   *
   * @param who the source, for messages
   * @param type the source type
   * @param scope the scope, or null for a repository webhook
   * @param groups the filter groups (not null; may be empty)
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static void check(
      Owner who, CodeBuildSourceType type, WebhookScope scope, List<WebhookFilterGroup> groups) {
    if (scope != null) {
      checkScope(who, type, scope);
      refuseGlobal(who, scope);
    }
    for (int i = 0; i < groups.size(); i++) {
      WebhookFilterGroup group = groups.get(i);
      if (group == null) {
        throw new IllegalArgumentException(who + ": webhookFilters[" + i + "] is null");
      }
      checkGroup(who + ": webhookFilters[" + i + "] " + group, type, scope, group);
    }
  }

  /**
   * Checks that a scope fits the source type and has a valid name and domain.
   *
   * @param who the source, for messages
   * @param type the source type
   * @param scope the scope
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static void checkScope(Owner who, CodeBuildSourceType type, WebhookScope scope) {
    String at = who + ": webhookScope " + scope;
    boolean gitHub =
        type == CodeBuildSourceType.GITHUB || type == CodeBuildSourceType.GITHUB_ENTERPRISE;
    boolean gitLab =
        type == CodeBuildSourceType.GITLAB || type == CodeBuildSourceType.GITLAB_SELF_MANAGED;
    // Organization and global webhooks are GitHub's
    // (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_Webhook.html), group webhooks
    // GitLab's (https://docs.aws.amazon.com/codebuild/latest/userguide/gitlab-group-webhook.html).
    if (scope.type() == WebhookScope.Type.GITLAB_GROUP ? !gitLab : !gitHub) {
      throw new IllegalArgumentException(
          at
              + " does not fit a "
              + type
              + " source; CodeBuild has organization and global webhooks for GitHub and GitHub"
              + " Enterprise Server, group webhooks for GitLab and GitLab self-managed");
    }
    Owner scoped = Owner.unplaced(at);
    RepositoryRef.require(scoped, "name", scope.name());
    RepositoryRef.checkOwner(scoped, "name", scope.name());
    if (gitHub && scope.name().contains("/")) {
      throw new IllegalArgumentException(
          at + ": a GitHub organization or enterprise name has no '/'");
    }
    // The domain is for GITHUB_ENTERPRISE and GITLAB_SELF_MANAGED sources
    // (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ScopeConfiguration.html).
    boolean selfManaged = type.cloudUrl() == null;
    if (selfManaged && (scope.domain() == null || scope.domain().isBlank())) {
      throw new IllegalArgumentException(
          at
              + " has no domain; a "
              + type
              + " source's scope needs the installation's domain: use withDomain(...)");
    }
    if (!selfManaged && scope.domain() != null) {
      throw new IllegalArgumentException(
          at
              + " has a domain; CodeBuild takes a domain only for GITHUB_ENTERPRISE and"
              + " GITLAB_SELF_MANAGED sources, not "
              + type);
    }
  }

  /**
   * Refuses a global webhook from CloudFormation: CodeBuild makes none ("If you are creating a
   * global webhook, you will need to manually create the webhook",
   * https://docs.aws.amazon.com/codebuild/latest/userguide/github-global-organization-webhook-setup.html),
   * and CloudFormation's {@code ProjectTriggers} has no {@code ManualCreation}
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-codebuild-project-projecttriggers.html).
   * The way out is the source without a webhook, and the webhook made by hand.
   */
  private static void refuseGlobal(Owner who, WebhookScope scope) {
    if (scope.type() != WebhookScope.Type.GITHUB_GLOBAL) {
      return;
    }
    throw new IllegalArgumentException(
        who
            + ": webhookScope "
            + scope
            + " asks CloudFormation for a global webhook, which it cannot make: \"If you are"
            + " creating a global webhook, you will need to manually create the webhook\""
            + " (https://docs.aws.amazon.com/codebuild/latest/userguide/github-global-organization-webhook-setup.html),"
            + " and CloudFormation's ProjectTriggers has no ManualCreation. Give the source"
            + " webhook(false) with this webhookScope and no webhookFilters (the project gets the"
            + " location CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION and no webhook); after the deploy"
            + " run aws codebuild create-webhook --project-name <project> --manual-creation"
            + " --scope-configuration name="
            + scope.name()
            + ",scope=GITHUB_GLOBAL --filter-groups"
            + " '[[{\"type\":\"EVENT\",\"pattern\":\"WORKFLOW_JOB_QUEUED\"}]]' (a global webhook"
            + " takes only WORKFLOW_JOB_QUEUED events), and add the payload URL and secret it"
            + " answers as a webhook of the enterprise in GitHub"
            + " (https://docs.aws.amazon.com/codebuild/latest/userguide/github-manual-webhook.html)");
  }

  private static void checkGroup(
      String at, CodeBuildSourceType type, WebhookScope scope, WebhookFilterGroup group) {
    for (EventAction event : group.events()) {
      if (!type.supports(event)) {
        throw new IllegalArgumentException(
            at
                + ": event "
                + event
                + " is not one CodeBuild documents for "
                + type
                + " webhooks (see the webhook events page of "
                + type
                + " in https://docs.aws.amazon.com/codebuild/latest/userguide/webhooks.html)");
      }
    }
    for (WebhookFilterGroup.Filter f : group.filters()) {
      checkPattern(at, f);
      switch (f.kind()) {
        case BASE_REF ->
            requireEvents(at, group, f, "pull request events only", PULL_REQUEST_EVENTS);
        case TAG_NAME, RELEASE_NAME ->
            requireEvents(
                at,
                group,
                f,
                "RELEASED and PRERELEASED events only",
                EventAction.RELEASED,
                EventAction.PRERELEASED);
        case WORKFLOW_NAME ->
            requireEvents(
                at, group, f, "WORKFLOW_JOB_QUEUED events only", EventAction.WORKFLOW_JOB_QUEUED);
        case REPOSITORY_NAME -> {
          if (scope == null) {
            throw new IllegalArgumentException(
                at
                    + ": REPOSITORY_NAME works with organization, global and group webhooks only;"
                    + " set webhookScope, or drop the condition ("
                    + FILTER_DOC
                    + ")");
          }
        }
        default -> {
          // HEAD_REF, FILE_PATH, COMMIT_MESSAGE and ACTOR_ACCOUNT_ID go with push and pull request
          // events on every source type a CloudFormation webhook is made for; GitHub Enterprise
          // Server's exceptions (no FILE_PATH or COMMIT_MESSAGE with its pull request events) do
          // not arise, as CloudFormation makes no GitHub Enterprise Server webhook.
        }
      }
    }
  }

  private static void checkPattern(String at, WebhookFilterGroup.Filter f) {
    if (JsiiShortcuts.isUnresolved(f.pattern())) {
      return;
    }
    try {
      Pattern.compile(f.pattern());
    } catch (PatternSyntaxException e) {
      if (FAULTS_OF_EVERY_DIALECT.stream().anyMatch(e.getDescription()::startsWith)) {
        throw new IllegalArgumentException(
            at
                + ": "
                + f.kind()
                + " pattern '"
                + f.pattern()
                + "' is not a regular expression: "
                + TriggerRules.reason(e)
                + " (the JDK's reason); CodeBuild's webhook filters take regular expressions ("
                + FILTER_DOC
                + ")",
            e);
      }
    }
  }

  private static void requireEvents(
      String at,
      WebhookFilterGroup group,
      WebhookFilterGroup.Filter filter,
      String rule,
      EventAction... allowed) {
    if (!group.onlyEvents(allowed)) {
      throw new IllegalArgumentException(
          at
              + ": "
              + filter.kind()
              + " works with "
              + rule
              + ", but the group's events are "
              + group.events()
              + "; split the group ("
              + FILTER_DOC
              + ")");
    }
  }
}
