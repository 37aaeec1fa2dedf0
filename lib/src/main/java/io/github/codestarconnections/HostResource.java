package io.github.codestarconnections;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.TagManager;

/**
 * The CloudFormation resource a {@link Host}'s backend renders: the {@link Host} keeps what is the
 * same for both backends (props, validation, network, grants, publication), a backend only this.
 */
interface HostResource {
  /**
   * The resource, made under {@link PrimaryChildId#host}.
   *
   * @return the resource
   */
  CfnResource resource();

  /**
   * The manager of the tags that land in the template: the props' tags, then {@code Tags.of}.
   *
   * @return the tag manager
   */
  TagManager tags();

  /**
   * The stack's checks and facts: where it counts the tags of its hosts and connections at synth.
   *
   * @return the stack's checks
   */
  StackChecks stackChecks();

  /**
   * The host's ARN.
   *
   * @return a token
   */
  String hostArn();

  /**
   * The host's status.
   *
   * @return a token
   */
  String status();
}
