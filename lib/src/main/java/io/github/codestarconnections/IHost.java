package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.IResource;

/**
 * A CodeStar Connections host: the AWS-side record of a self-managed provider installation (GitHub
 * Enterprise Server, GitLab self-managed) that connections go through. Owned ({@link Host}) or
 * imported ({@link Host#fromHostArn}).
 *
 * <p>It is aws-cdk's {@code interfaces.codeconnections.IHostRef} (the only host reference: there is
 * no {@code AWS::CodeStarConnections::Host}), whatever the namespace of its ARN; the
 * codeconnections API takes host ARNs of both namespaces.
 */
public interface IHost
    extends IResource, software.amazon.awscdk.interfaces.codeconnections.IHostRef {
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

  /**
   * This host as aws-cdk's reference: its ARN. This library's hosts declare it in their classes,
   * where the jsii kernel (which aws-cdk reads the reference through) sees it; this default serves
   * Java callers of an implementation written before {@code IHost} was a reference, which should
   * declare it too before it is handed to aws-cdk.
   *
   * @return the reference
   */
  @Override
  default software.amazon.awscdk.interfaces.codeconnections.HostReference getHostRef() {
    return software.amazon.awscdk.interfaces.codeconnections.HostReference.builder()
        .hostArn(getHostArn())
        .build();
  }
}
