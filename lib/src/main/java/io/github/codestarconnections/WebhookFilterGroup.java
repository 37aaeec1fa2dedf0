package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codebuild.EventAction;

/**
 * One group of a CodeBuild webhook's filters: a build starts when an event matches every filter of
 * at least one group. Immutable: start with {@link #inEventOf} and add conditions with the {@code
 * and...} methods, each of which returns a new group. The names follow aws-cdk's {@code
 * codebuild.FilterGroup}, whose rendering is internal to aws-cdk (not reachable from Java), so it
 * cannot be handed to a {@link CodeBuildSource}.
 *
 * <p>Patterns are regular expressions, as CodeBuild takes them
 * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html). The branch
 * and tag helpers anchor theirs ({@code ^refs/heads/NAME$}); anchor your own patterns too, in
 * particular actor account ids: an unanchored {@code 1234} also matches account {@code 91234}.
 *
 * <pre>{@code
 * WebhookFilterGroup.inEventOf(EventAction.PULL_REQUEST_CREATED, EventAction.PULL_REQUEST_UPDATED)
 *     .andBaseBranchIs("main")
 *     .andFilePathIsNot("^docs/");
 * }</pre>
 */
public final class WebhookFilterGroup {
  /** The filter types besides {@code EVENT}, as CodeBuild names them. */
  enum Kind {
    ACTOR_ACCOUNT_ID,
    HEAD_REF,
    BASE_REF,
    FILE_PATH,
    COMMIT_MESSAGE,
    TAG_NAME,
    RELEASE_NAME,
    WORKFLOW_NAME,
    REPOSITORY_NAME
  }

  /** One filter: its kind, its pattern, and whether an event it matches is left out. */
  record Filter(Kind kind, String pattern, boolean exclude) {}

  private final List<EventAction> events;
  private final List<Filter> filters;

  private WebhookFilterGroup(List<EventAction> events, List<Filter> filters) {
    this.events = events;
    this.filters = filters;
  }

  /**
   * A group matching any of the given events. Each group renders exactly one {@code EVENT} filter
   * holding them, as CodeBuild requires of every group
   * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateWebhook.html).
   *
   * @param events the events, e.g. {@code EventAction.PUSH}
   * @return the group
   * @throws IllegalArgumentException when no event is given
   */
  public static WebhookFilterGroup inEventOf(EventAction... events) {
    Set<EventAction> distinct = new LinkedHashSet<>();
    if (events != null) {
      for (EventAction event : events) {
        if (event == null) {
          throw new IllegalArgumentException("WebhookFilterGroup.inEventOf: an event is null");
        }
        distinct.add(event);
      }
    }
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException(
          "WebhookFilterGroup.inEventOf: no event given; every filter group needs an EVENT filter"
              + " with at least one event"
              + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateWebhook.html)");
    }
    return new WebhookFilterGroup(List.copyOf(distinct), List.of());
  }

  /**
   * Adds: the event's head reference is the branch ({@code ^refs/heads/BRANCH$}).
   *
   * @param branch the branch name; may hold a regular expression, e.g. {@code release/.*}
   * @return a new group
   */
  public WebhookFilterGroup andBranchIs(String branch) {
    return with(Kind.HEAD_REF, "andBranchIs", ref("heads", branch), false);
  }

  /**
   * Adds: the event's head reference is not the branch ({@code ^refs/heads/BRANCH$}).
   *
   * @param branch the branch name; may hold a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andBranchIsNot(String branch) {
    return with(Kind.HEAD_REF, "andBranchIsNot", ref("heads", branch), true);
  }

  /**
   * Adds: the pushed head reference is the tag ({@code ^refs/tags/TAG$}).
   *
   * @param tag the tag name; may hold a regular expression, e.g. {@code v.*}
   * @return a new group
   */
  public WebhookFilterGroup andTagIs(String tag) {
    return with(Kind.HEAD_REF, "andTagIs", ref("tags", tag), false);
  }

  /**
   * Adds: the pushed head reference is not the tag ({@code ^refs/tags/TAG$}).
   *
   * @param tag the tag name; may hold a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andTagIsNot(String tag) {
    return with(Kind.HEAD_REF, "andTagIsNot", ref("tags", tag), true);
  }

  /**
   * Adds: the event's head reference matches the pattern ({@code HEAD_REF}).
   *
   * @param pattern a regular expression over e.g. {@code refs/heads/main}
   * @return a new group
   */
  public WebhookFilterGroup andHeadRefIs(String pattern) {
    return with(Kind.HEAD_REF, "andHeadRefIs", pattern, false);
  }

  /**
   * Adds: the event's head reference does not match the pattern ({@code HEAD_REF}).
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andHeadRefIsNot(String pattern) {
    return with(Kind.HEAD_REF, "andHeadRefIsNot", pattern, true);
  }

  /**
   * Adds: the pull request targets the branch ({@code BASE_REF ^refs/heads/BRANCH$}). Pull request
   * events only.
   *
   * @param branch the base branch; may hold a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andBaseBranchIs(String branch) {
    return with(Kind.BASE_REF, "andBaseBranchIs", ref("heads", branch), false);
  }

  /**
   * Adds: the pull request does not target the branch. Pull request events only.
   *
   * @param branch the base branch; may hold a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andBaseBranchIsNot(String branch) {
    return with(Kind.BASE_REF, "andBaseBranchIsNot", ref("heads", branch), true);
  }

  /**
   * Adds: the pull request's base reference matches the pattern. Pull request events only.
   *
   * @param pattern a regular expression over e.g. {@code refs/heads/main}
   * @return a new group
   */
  public WebhookFilterGroup andBaseRefIs(String pattern) {
    return with(Kind.BASE_REF, "andBaseRefIs", pattern, false);
  }

  /**
   * Adds: the pull request's base reference does not match the pattern. Pull request events only.
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andBaseRefIsNot(String pattern) {
    return with(Kind.BASE_REF, "andBaseRefIsNot", pattern, true);
  }

  /**
   * Adds: a changed file's path matches the pattern ({@code FILE_PATH}).
   *
   * @param pattern a regular expression over the path, e.g. {@code ^src/}
   * @return a new group
   */
  public WebhookFilterGroup andFilePathIs(String pattern) {
    return with(Kind.FILE_PATH, "andFilePathIs", pattern, false);
  }

  /**
   * Adds: the event is left out when a changed file's path matches the pattern ({@code FILE_PATH},
   * excluded).
   *
   * @param pattern a regular expression over the path, e.g. {@code ^docs/}
   * @return a new group
   */
  public WebhookFilterGroup andFilePathIsNot(String pattern) {
    return with(Kind.FILE_PATH, "andFilePathIsNot", pattern, true);
  }

  /**
   * Adds: the head commit's message matches the pattern ({@code COMMIT_MESSAGE}).
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andCommitMessageIs(String pattern) {
    return with(Kind.COMMIT_MESSAGE, "andCommitMessageIs", pattern, false);
  }

  /**
   * Adds: the head commit's message does not match the pattern, e.g. {@code \[skip ci\]}.
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andCommitMessageIsNot(String pattern) {
    return with(Kind.COMMIT_MESSAGE, "andCommitMessageIsNot", pattern, true);
  }

  /**
   * Adds: the acting account's id matches the pattern ({@code ACTOR_ACCOUNT_ID}). Anchor it, e.g.
   * {@code ^(1234|5678)$}.
   *
   * @param pattern a regular expression over the provider's account id
   * @return a new group
   */
  public WebhookFilterGroup andActorAccountIs(String pattern) {
    return with(Kind.ACTOR_ACCOUNT_ID, "andActorAccountIs", pattern, false);
  }

  /**
   * Adds: the acting account's id does not match the pattern.
   *
   * @param pattern a regular expression over the provider's account id
   * @return a new group
   */
  public WebhookFilterGroup andActorAccountIsNot(String pattern) {
    return with(Kind.ACTOR_ACCOUNT_ID, "andActorAccountIsNot", pattern, true);
  }

  /**
   * Adds: the release's tag matches the pattern ({@code TAG_NAME}). Release events only.
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andReleaseTagIs(String pattern) {
    return with(Kind.TAG_NAME, "andReleaseTagIs", pattern, false);
  }

  /**
   * Adds: the release's name matches the pattern ({@code RELEASE_NAME}). Release events only.
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andReleaseNameIs(String pattern) {
    return with(Kind.RELEASE_NAME, "andReleaseNameIs", pattern, false);
  }

  /**
   * Adds: the queued workflow's name matches the pattern ({@code WORKFLOW_NAME}). {@code
   * WORKFLOW_JOB_QUEUED} events only.
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andWorkflowNameIs(String pattern) {
    return with(Kind.WORKFLOW_NAME, "andWorkflowNameIs", pattern, false);
  }

  /**
   * Adds: the repository's name matches the pattern ({@code REPOSITORY_NAME}). Organization, global
   * and group webhooks only ({@link CodeBuildSourceProps#getWebhookScope()}).
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andRepositoryNameIs(String pattern) {
    return with(Kind.REPOSITORY_NAME, "andRepositoryNameIs", pattern, false);
  }

  /**
   * Adds: the repository's name does not match the pattern. Scoped webhooks only.
   *
   * @param pattern a regular expression
   * @return a new group
   */
  public WebhookFilterGroup andRepositoryNameIsNot(String pattern) {
    return with(Kind.REPOSITORY_NAME, "andRepositoryNameIsNot", pattern, true);
  }

  /** The group's events, in the order given. */
  List<EventAction> events() {
    return events;
  }

  /** The group's filters besides {@code EVENT}, in the order added. */
  List<Filter> filters() {
    return filters;
  }

  /** Whether every event of the group is one of the given. */
  boolean onlyEvents(EventAction... allowed) {
    return Arrays.asList(allowed).containsAll(events);
  }

  /**
   * The group as CodeBuild's filters: the {@code EVENT} filter first, its events comma-separated as
   * the API's example has them, then the others.
   */
  List<CfnProject.WebhookFilterProperty> render() {
    List<CfnProject.WebhookFilterProperty> out = new ArrayList<>();
    out.add(
        CfnProject.WebhookFilterProperty.builder()
            .type("EVENT")
            .pattern(events.stream().map(EventAction::name).collect(Collectors.joining(", ")))
            .build());
    for (Filter f : filters) {
      CfnProject.WebhookFilterProperty.Builder b =
          CfnProject.WebhookFilterProperty.builder().type(f.kind().name()).pattern(f.pattern());
      if (f.exclude()) {
        b.excludeMatchedPattern(true);
      }
      out.add(b.build());
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("inEventOf(");
    s.append(events.stream().map(EventAction::name).collect(Collectors.joining(", "))).append(')');
    for (Filter f : filters) {
      s.append(f.exclude() ? " and not " : " and ")
          .append(f.kind())
          .append(" '")
          .append(f.pattern())
          .append('\'');
    }
    return s.toString();
  }

  private WebhookFilterGroup with(Kind kind, String method, String pattern, boolean exclude) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException(
          "WebhookFilterGroup."
              + method
              + ": the pattern is "
              + (pattern == null ? "null" : "empty")
              + "; every filter needs one"
              + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html)");
    }
    List<Filter> next = new ArrayList<>(filters);
    next.add(new Filter(kind, pattern, exclude));
    return new WebhookFilterGroup(events, List.copyOf(next));
  }

  private static String ref(String kind, String name) {
    return name == null || name.isEmpty() ? name : "^refs/" + kind + "/" + name + "$";
  }
}
