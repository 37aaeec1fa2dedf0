package io.github.codestarconnections;

/**
 * What a CodeBuild webhook starts (the webhook's {@code BuildType},
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-projecttriggers.html).
 */
public enum WebhookBuildType {
  /** A single build. */
  BUILD,
  /** A batch build; the project gets batch builds enabled (a batch service role). */
  BUILD_BATCH
}
