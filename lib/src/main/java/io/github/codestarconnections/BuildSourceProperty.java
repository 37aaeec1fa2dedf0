package io.github.codestarconnections;

import java.util.regex.Pattern;
import software.amazon.awscdk.services.codebuild.CfnProject;

/**
 * The checks and the rendering of a {@link CodeBuildSource}'s {@code Source} property, all but the
 * location and the webhook, against the {@code ProjectSource} API
 * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html).
 */
final class BuildSourceProperty {
  private static final String SOURCE_DOC =
      "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html";
  // sourceIdentifier: alphanumeric characters and underscores, fewer than 128 (SOURCE_DOC).
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,127}");
  private static final Pattern PULL_REQUEST_VERSION = Pattern.compile("^(pr/|refs/pull/).*");

  private BuildSourceProperty() {}

  /**
   * Checks the properties the {@code Source} property and {@code SourceVersion} are made of.
   *
   * @param who the source, for messages
   * @param type the source type
   * @param props the properties
   * @throws IllegalArgumentException naming the property, the value and the rule
   */
  static void check(Owner who, CodeBuildSourceType type, CodeBuildSourceProps props) {
    Number depth = props.getCloneDepth();
    // GitCloneDepth: an integer, 0 or more (SOURCE_DOC; 0 clones the full history).
    if (depth != null && (depth.doubleValue() < 0 || depth.doubleValue() != depth.intValue())) {
      throw new IllegalArgumentException(
          who
              + ": cloneDepth "
              + depth
              + " is not a whole number of 0 or more ("
              + SOURCE_DOC
              + ")");
    }
    String identifier = props.getIdentifier();
    if (identifier != null
        && !JsiiShortcuts.isUnresolved(identifier)
        && !IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException(
          who
              + ": identifier '"
              + identifier
              + "' is not a source identifier; it must be letters, digits and underscores, fewer"
              + " than 128 characters ("
              + SOURCE_DOC
              + ")");
    }
    String version = props.getBranchOrRef();
    if (version != null && !JsiiShortcuts.isUnresolved(version)) {
      if (version.isBlank() || version.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            who
                + ": branchOrRef '"
                + version
                + "' is not a branch, tag, commit or reference; it is empty or holds whitespace");
      }
      // Pull request versions exist for GitHub and GitHub Enterprise Server; GitLab takes a
      // branch, commit or tag
      // (https://docs.aws.amazon.com/codebuild/latest/userguide/sample-source-version.html).
      boolean gitLab =
          type == CodeBuildSourceType.GITLAB || type == CodeBuildSourceType.GITLAB_SELF_MANAGED;
      if (gitLab && PULL_REQUEST_VERSION.matcher(version).matches()) {
        throw new IllegalArgumentException(
            who
                + ": branchOrRef '"
                + version
                + "' is a pull request version, which CodeBuild takes for GitHub and GitHub"
                + " Enterprise Server only; a "
                + type
                + " source version is a branch, commit or tag");
      }
    }
    if ((props.getBuildStatusContext() != null || props.getBuildStatusTargetUrl() != null)
        && !type.takesBuildStatusConfig()) {
      throw new IllegalArgumentException(
          who
              + ": buildStatusContext or buildStatusTargetUrl is given for a "
              + type
              + " source; CodeBuild uses the build status configuration for GITHUB,"
              + " GITHUB_ENTERPRISE and BITBUCKET only ("
              + SOURCE_DOC
              + ")");
    }
  }

  /**
   * The {@code Source} property: the type, the location, the connection as {@code Auth}, and the
   * Git settings given.
   *
   * @param type the source type
   * @param props the properties
   * @param location the checked location
   * @return the property
   */
  static CfnProject.SourceProperty render(
      CodeBuildSourceType type, CodeBuildSourceProps props, String location) {
    CfnProject.SourceProperty.Builder b =
        CfnProject.SourceProperty.builder()
            .type(type.name())
            .location(location)
            // https://docs.aws.amazon.com/codebuild/latest/APIReference/API_SourceAuth.html
            .auth(
                CfnProject.SourceAuthProperty.builder()
                    .type("CODECONNECTIONS")
                    .resource(props.getConnection().getConnectionArn())
                    .build())
            // Reported unless turned off, as aws-cdk's third-party sources do.
            .reportBuildStatus(!Boolean.FALSE.equals(props.getReportBuildStatus()));
    if (props.getCloneDepth() != null) {
      b.gitCloneDepth(props.getCloneDepth());
    }
    if (Boolean.TRUE.equals(props.getFetchSubmodules())) {
      b.gitSubmodulesConfig(
          CfnProject.GitSubmodulesConfigProperty.builder().fetchSubmodules(true).build());
    }
    if (props.getBuildStatusContext() != null || props.getBuildStatusTargetUrl() != null) {
      b.buildStatusConfig(
          CfnProject.BuildStatusConfigProperty.builder()
              .context(props.getBuildStatusContext())
              .targetUrl(props.getBuildStatusTargetUrl())
              .build());
    }
    if (props.getIdentifier() != null) {
      b.sourceIdentifier(props.getIdentifier());
    }
    return b.build();
  }
}
