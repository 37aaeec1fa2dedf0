package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.IResource;

/**
 * A CloudFormation Git sync repository link ({@code AWS::CodeStarConnections::RepositoryLink}): a
 * repository of a provider, reached through a connection, that sync configurations read from. Owned
 * ({@link RepositoryLink}) or imported ({@link RepositoryLink#fromRepositoryLinkArn}, {@link
 * RepositoryLink#fromRepositoryLinkId}). It is aws-cdk's {@code interfaces.codestarconnections.
 * IRepositoryLinkRef}.
 */
public interface IRepositoryLink
    extends IResource, software.amazon.awscdk.interfaces.codestarconnections.IRepositoryLinkRef {
  /**
   * The link's ARN, {@code arn:<partition>:codestar-connections:<region>:<account>:
   * repository-link/<id>} (or the same with {@code codeconnections}).
   *
   * @return the ARN (a token for an owned link)
   */
  String getRepositoryLinkArn();

  /**
   * The link's id, a UUID: what a sync configuration names it by.
   *
   * @return the id (a token for an owned link, and for an import by a token ARN)
   */
  String getRepositoryLinkId();

  /**
   * The connection the link reads through, when it is known at synth.
   *
   * @return the connection; empty for an import, and for implementations that do not say
   */
  default Optional<IConnection> getConnection() {
    return Optional.empty();
  }
}
