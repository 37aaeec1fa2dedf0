package io.github.codestarconnections;

import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.interfaces.codestarconnections.RepositoryLinkReference;
import software.constructs.Construct;

/** What owned and imported repository links share: aws-cdk's reference, written once. */
abstract class RepositoryLinkBase extends Resource implements IRepositoryLink {
  RepositoryLinkBase(Construct scope, String id, ResourceProps props) {
    super(scope, id, props);
  }

  /**
   * This link as aws-cdk's reference: its ARN. Declared in a class, where the jsii kernel sees it.
   *
   * @return the reference
   */
  @Override
  public RepositoryLinkReference getRepositoryLinkRef() {
    return RepositoryLinkReference.builder().repositoryLinkArn(getRepositoryLinkArn()).build();
  }
}
