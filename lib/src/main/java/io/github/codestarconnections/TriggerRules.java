package io.github.codestarconnections;

import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import software.amazon.awscdk.services.codepipeline.GitPullRequestEvent;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;

/**
 * CodePipeline's documented rules for a source action's trigger filters (aws-cdk's {@code
 * GitPushFilter} and {@code GitPullRequestFilter}), checked when the action is made, and the
 * filters as they are handed to aws-cdk: empty lists dropped, as CloudFormation takes no empty
 * list.
 */
final class TriggerRules {
  /** Filters of each kind in a trigger: 1 to 3 (GitConfiguration, {@link #CONFIGURATION}). */
  static final int MAX_FILTERS = 3;

  /** Patterns in an includes or excludes list: 1 to 8, each 1 to 255 characters. */
  static final int MAX_PATTERNS = 8;

  static final int MAX_PATTERN_LENGTH = 255;

  static final String CONFIGURATION =
      "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html";
  private static final String CRITERIA =
      "https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitBranchFilterCriteria.html";
  private static final String FILTERING =
      "https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html";
  private static final String GLOB_SYNTAX =
      "https://docs.aws.amazon.com/codepipeline/latest/userguide/syntax-glob.html";

  private TriggerRules() {}

  /**
   * Checks the filters of a source action's trigger.
   *
   * @param who the action, for messages
   * @param push the push filters (may be null)
   * @param pullRequest the pull request filters (may be null)
   * @param triggerOnPush the action's {@code triggerOnPush} (may be null)
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static void check(
      Owner who,
      List<GitPushFilter> push,
      List<GitPullRequestFilter> pullRequest,
      Boolean triggerOnPush) {
    checkCount(who, "pushFilters", push);
    checkCount(who, "pullRequestFilters", pullRequest);
    for (int i = 0; push != null && i < push.size(); i++) {
      checkPush(who + ": pushFilters[" + i + "]", push.get(i));
    }
    for (int i = 0; pullRequest != null && i < pullRequest.size(); i++) {
      checkPullRequest(who + ": pullRequestFilters[" + i + "]", pullRequest.get(i));
    }
    // With a filtered trigger the source action does not start the pipeline on every change
    // (DetectChanges false,
    // https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-triggers.html);
    // the two at once would leave it to CodePipeline which one wins.
    if (Boolean.TRUE.equals(triggerOnPush) && (present(push) || present(pullRequest))) {
      throw new IllegalArgumentException(
          who
              + ": triggerOnPush is true, but pushFilters or pullRequestFilters are given; the"
              + " filters decide when the pipeline starts (CodePipeline sets change detection"
              + " off for a filtered trigger): drop triggerOnPush");
    }
  }

  /** Whether a list of filters holds any. */
  static boolean present(List<?> filters) {
    return filters != null && !filters.isEmpty();
  }

  /** The push filters without empty lists; null when there are none. */
  static List<GitPushFilter> normalizePush(List<GitPushFilter> push) {
    if (!present(push)) {
      return null;
    }
    List<GitPushFilter> out = new ArrayList<>();
    for (GitPushFilter f : push) {
      out.add(
          GitPushFilter.builder()
              .tagsIncludes(orNull(f.getTagsIncludes()))
              .tagsExcludes(orNull(f.getTagsExcludes()))
              .branchesIncludes(orNull(f.getBranchesIncludes()))
              .branchesExcludes(orNull(f.getBranchesExcludes()))
              .filePathsIncludes(orNull(f.getFilePathsIncludes()))
              .filePathsExcludes(orNull(f.getFilePathsExcludes()))
              .build());
    }
    return out;
  }

  /** The pull request filters without empty lists or repeated events; null when there are none. */
  static List<GitPullRequestFilter> normalizePullRequest(List<GitPullRequestFilter> pullRequest) {
    if (!present(pullRequest)) {
      return null;
    }
    List<GitPullRequestFilter> out = new ArrayList<>();
    for (GitPullRequestFilter f : pullRequest) {
      List<GitPullRequestEvent> events =
          f.getEvents() == null ? null : new ArrayList<>(new LinkedHashSet<>(f.getEvents()));
      out.add(
          GitPullRequestFilter.builder()
              .events(orNull(events))
              .branchesIncludes(orNull(f.getBranchesIncludes()))
              .branchesExcludes(orNull(f.getBranchesExcludes()))
              .filePathsIncludes(orNull(f.getFilePathsIncludes()))
              .filePathsExcludes(orNull(f.getFilePathsExcludes()))
              .build());
    }
    return out;
  }

  private static void checkCount(Owner who, String property, List<?> filters) {
    if (filters != null && filters.size() > MAX_FILTERS) {
      throw new IllegalArgumentException(
          who
              + ": "
              + property
              + " has "
              + filters.size()
              + " filters; a trigger takes 1 to "
              + MAX_FILTERS
              + " of each kind ("
              + CONFIGURATION
              + ")");
    }
  }

  private static void checkPush(String at, GitPushFilter f) {
    if (f == null) {
      throw new IllegalArgumentException(at + " is null");
    }
    checkPatterns(at, "tagsIncludes", f.getTagsIncludes());
    checkPatterns(at, "tagsExcludes", f.getTagsExcludes());
    checkPatterns(at, "branchesIncludes", f.getBranchesIncludes());
    checkPatterns(at, "branchesExcludes", f.getBranchesExcludes());
    checkPatterns(at, "filePathsIncludes", f.getFilePathsIncludes());
    checkPatterns(at, "filePathsExcludes", f.getFilePathsExcludes());
    boolean tags = present(f.getTagsIncludes()) || present(f.getTagsExcludes());
    boolean branches = present(f.getBranchesIncludes()) || present(f.getBranchesExcludes());
    boolean filePaths = present(f.getFilePathsIncludes()) || present(f.getFilePathsExcludes());
    // A push filter is tags, branches, or branches with file paths (FILTERING).
    String problem =
        tags && (branches || filePaths)
            ? "gives tags together with " + (branches ? "branches" : "file paths")
            : !tags && !branches
                ? filePaths ? "gives file paths without branches" : "gives no tags or branches"
                : null;
    if (problem != null) {
      throw new IllegalArgumentException(
          at
              + " "
              + problem
              + "; a push filter filters on tags, on branches, or on branches and file paths"
              + " (one filter per combination; "
              + FILTERING
              + ")");
    }
  }

  private static void checkPullRequest(String at, GitPullRequestFilter f) {
    if (f == null) {
      throw new IllegalArgumentException(at + " is null");
    }
    checkPatterns(at, "branchesIncludes", f.getBranchesIncludes());
    checkPatterns(at, "branchesExcludes", f.getBranchesExcludes());
    checkPatterns(at, "filePathsIncludes", f.getFilePathsIncludes());
    checkPatterns(at, "filePathsExcludes", f.getFilePathsExcludes());
    if (f.getEvents() != null && f.getEvents().stream().anyMatch(e -> e == null)) {
      throw new IllegalArgumentException(at + ": events holds null");
    }
    // A pull request filter is branches, or branches with file paths (FILTERING).
    if (!present(f.getBranchesIncludes()) && !present(f.getBranchesExcludes())) {
      throw new IllegalArgumentException(
          at
              + " gives no branches; a pull request filter filters on branches, or on branches and"
              + " file paths ("
              + FILTERING
              + ")");
    }
  }

  private static void checkPatterns(String at, String property, List<String> patterns) {
    if (patterns == null) {
      return;
    }
    if (patterns.size() > MAX_PATTERNS) {
      throw new IllegalArgumentException(
          at
              + ": "
              + property
              + " has "
              + patterns.size()
              + " patterns; CodePipeline takes 1 to "
              + MAX_PATTERNS
              + " ("
              + CRITERIA
              + ")");
    }
    for (String p : patterns) {
      if (p == null
          || (!JsiiShortcuts.isUnresolved(p) && (p.isEmpty() || p.length() > MAX_PATTERN_LENGTH))) {
        throw new IllegalArgumentException(
            at
                + ": "
                + property
                + " pattern "
                + (p == null ? "null" : "'" + p + "' is " + p.length() + " characters")
                + "; CodePipeline takes patterns of 1 to "
                + MAX_PATTERN_LENGTH
                + " characters ("
                + CRITERIA
                + ")");
      }
      if (!JsiiShortcuts.isUnresolved(p)) {
        checkGlob(at, property, p);
      }
    }
  }

  /**
   * Refuses a pattern that is no glob: CodePipeline's guide gives the syntax of its trigger filters
   * as Java's glob ("Working with glob patterns in syntax", {@link #GLOB_SYNTAX}, whose rules are
   * those of {@code FileSystem.getPathMatcher}), so the JDK's own reading of it decides.
   */
  private static void checkGlob(String at, String property, String pattern) {
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          at
              + ": "
              + property
              + " pattern '"
              + pattern
              + "' is not a glob: "
              + reason(e)
              + " (the JDK's reason); CodePipeline's trigger filters take glob patterns in the"
              + " syntax of Java's glob (Working with glob patterns in syntax, "
              + GLOB_SYNTAX
              + ")",
          e);
    }
  }

  /**
   * A pattern's fault as the JDK tells it, without the pattern it repeats.
   *
   * @param e the JDK's exception
   * @return e.g. {@code Missing '] near index 11}
   */
  static String reason(PatternSyntaxException e) {
    return e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "");
  }

  private static <T> List<T> orNull(List<T> list) {
    return present(list) ? list : null;
  }
}
