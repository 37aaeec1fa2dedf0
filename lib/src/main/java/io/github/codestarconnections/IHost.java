package io.github.codestarconnections;

import software.amazon.awscdk.IResource;

/**
 * A CodeStar Connections host: the AWS-side record of a self-managed provider installation (GitHub
 * Enterprise Server, GitLab self-managed) that connections go through. Owned ({@link Host}) or
 * imported ({@link Host#fromHostArn}).
 */
public interface IHost extends IResource {
  /**
   * The host's ARN, {@code
   * arn:<partition>:codestar-connections|codeconnections:<region>:<account>:host/<name>-<id>}.
   *
   * @return the ARN (a token for an owned host)
   */
  String getHostArn();
}
