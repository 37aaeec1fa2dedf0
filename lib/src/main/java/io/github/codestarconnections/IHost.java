package io.github.codestarconnections;

import java.util.Optional;
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

  /**
   * The namespace of the host's ARN, when it is known at synth: an owned host's, or a literal
   * imported ARN's. A {@link Connection} on the host takes it unless given its own, and is checked
   * against it.
   *
   * @return the namespace; empty when unknown (an ARN that is a token, e.g. from {@code
   *     Fn.importValue} or SSM), and for implementations that do not say
   */
  default Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.empty();
  }

  /**
   * The provider the host stands for, when it is known at synth: an owned host's. A {@link
   * Connection} on the host takes it, and is checked against it.
   *
   * @return the provider; empty for an import (a host ARN does not name its provider), and for
   *     implementations that do not say
   */
  default Optional<ProviderType> getProviderType() {
    return Optional.empty();
  }
}
