package io.github.codestarconnections;

import java.util.regex.Pattern;

/**
 * The repository and branch a source action reads, checked early against what the providers and Git
 * accept (tokens are not checked).
 *
 * @param owner the owning user, organization or group (GitLab groups may hold subgroups: {@code
 *     group/subgroup})
 * @param repo the repository's name
 * @param branch the branch
 */
record RepositoryRef(String owner, String repo, String branch) {
  /** Most path segments in a FullRepositoryId (GitLab subgroups nest up to 20 deep). */
  static final int MAX_SEGMENTS = 23;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern BAD_BRANCH =
      Pattern.compile(
          "(^[/.-])|([/.]$)|(\\.\\.)|(//)|(@\\{)|(\\.lock$)|(/\\.)|([\\s~^:?*\\[\\\\])");

  /**
   * Checks owner, repo and branch.
   *
   * @param who who asks, for messages, e.g. {@code "ConnectionSourceAction 'GitHub'"}
   * @param owner the owner
   * @param repo the repository
   * @param branch the branch
   * @return the checked reference
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static RepositoryRef of(Owner who, String owner, String repo, String branch) {
    require(who, "owner", owner);
    require(who, "repo", repo);
    require(who, "branch", branch);
    checkOwner(who, "owner", owner);
    checkRepo(who, repo);
    checkBranch(who, branch);
    return new RepositoryRef(owner, repo, branch);
  }

  /**
   * Checks a branch name against Git's rules (git check-ref-format); tokens pass.
   *
   * @param who who asks, for messages
   * @param branch the branch (not null)
   * @throws IllegalArgumentException naming the value and the rule
   */
  static void checkBranch(Owner who, String branch) {
    if (!JsiiShortcuts.isUnresolved(branch) && BAD_BRANCH.matcher(branch).find()) {
      throw new IllegalArgumentException(
          who
              + ": branch '"
              + branch
              + "' is not a valid Git branch name; it must not contain spaces, '..', '//', '@{',"
              + " or any of ~^:?*[\\, nor start with '/', '.' or '-', nor end with '/', '.' or"
              + " '.lock'");
    }
  }

  /**
   * Checks an owner: a user, organization or group, with GitLab subgroups as {@code group/sub};
   * tokens pass.
   *
   * @param who who asks, for messages
   * @param property the property holding it, for messages, e.g. {@code "owner"}
   * @param owner the owner (not null)
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static void checkOwner(Owner who, String property, String owner) {
    if (!JsiiShortcuts.isUnresolved(owner)) {
      String[] parts = owner.split("/", -1);
      for (String part : parts) {
        if (!SEGMENT.matcher(part).matches()) {
          throw new IllegalArgumentException(
              who
                  + ": "
                  + property
                  + " '"
                  + owner
                  + "' is not a repository owner; it must be a user, organization or group name"
                  + " of letters, digits, '_', '.' and '-' (GitLab subgroups as group/subgroup)");
        }
      }
      if (parts.length + 1 > MAX_SEGMENTS) {
        throw new IllegalArgumentException(
            who
                + ": "
                + property
                + " '"
                + owner
                + "' has "
                + parts.length
                + " levels; the service allows at most "
                + (MAX_SEGMENTS - 1));
      }
    }
  }

  /**
   * Checks a repository's name; tokens pass.
   *
   * @param who who asks, for messages
   * @param repo the repository's name (not null)
   * @throws IllegalArgumentException naming the value and the rule
   */
  static void checkRepo(Owner who, String repo) {
    checkRepo(who, "repo", repo);
  }

  /**
   * Checks a repository's name held by a property of the given name; tokens pass.
   *
   * @param who who asks, for messages
   * @param property the property, e.g. {@code "repositoryName"}
   * @param repo the repository's name (not null)
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static void checkRepo(Owner who, String property, String repo) {
    if (!JsiiShortcuts.isUnresolved(repo) && !SEGMENT.matcher(repo).matches()) {
      throw new IllegalArgumentException(
          who
              + ": "
              + property
              + " '"
              + repo
              + "' is not a repository name; it must be letters, digits, '_', '.' and '-' (put"
              + " the owner in owner, not in repo)");
    }
  }

  /**
   * Splits {@code "owner/repo"} (or {@code "group/subgroup/repo"}) and checks the parts.
   *
   * @param who who asks, for messages
   * @param repoString the full repository id
   * @param branch the branch
   * @return the checked reference
   * @throws IllegalArgumentException naming the value and the rule
   */
  static RepositoryRef parse(Owner who, String repoString, String branch) {
    require(who, "repoString", repoString);
    if (JsiiShortcuts.isUnresolved(repoString)) {
      throw new IllegalArgumentException(
          who
              + ": repoString is a token; it must be a literal 'owner/repo' (the action's"
              + " configuration and the pipeline's structure are fixed at synth)");
    }
    int slash = repoString.lastIndexOf('/');
    if (slash <= 0 || slash == repoString.length() - 1) {
      throw new IllegalArgumentException(
          who
              + ": repoString '"
              + repoString
              + "' is not 'owner/repo'; give the owner (user, organization or group) and the"
              + " repository, e.g. 'aws/aws-cdk'");
    }
    return of(who, repoString.substring(0, slash), repoString.substring(slash + 1), branch);
  }

  /**
   * The provider's repository id.
   *
   * @return {@code owner/repo}
   */
  String fullRepositoryId() {
    return owner + "/" + repo;
  }

  /**
   * Fails when a required value is null or (literally) empty.
   *
   * @param who who asks, for messages
   * @param property the property, for messages
   * @param value the value
   */
  static void require(Owner who, String property, String value) {
    if (value == null || (!JsiiShortcuts.isUnresolved(value) && value.isEmpty())) {
      throw new IllegalArgumentException(
          who + ": " + property + " is " + (value == null ? "null" : "empty") + "; it is required");
    }
  }
}
