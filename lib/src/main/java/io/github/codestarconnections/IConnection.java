package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * A CodeStar Connections (CodeConnections) connection, owned ({@link Connection}) or imported
 * ({@link Connection#fromConnectionArn}).
 *
 * <p>It is aws-cdk's {@code interfaces.codestarconnections.IConnectionRef}, whatever the namespace
 * of its ARN, so it goes wherever aws-cdk takes that reference; {@link #toCodeConnectionsRef()}
 * gives it as the codeconnections one (Java lets no class be both: they declare the same method
 * with two return types). The reference carries the connection's own ARN.
 */
public interface IConnection
    extends IResource, software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef {
  /**
   * The connection's ARN, {@code
   * arn:<partition>:codestar-connections|codeconnections:<region>:<account>:connection/<id>}. This
   * is what CodePipeline and CodeBuild take as {@code connectionArn}.
   *
   * @return the ARN (a token for an owned connection)
   */
  String getConnectionArn();

  /**
   * The connection's name.
   *
   * @return the name
   * @throws IllegalStateException for a connection imported by ARN alone: its ARN holds only the
   *     connection's id; import with {@link Connection#fromConnectionAttributes} to give the name
   */
  String getConnectionName();

  /**
   * The namespace of the connection's ARN, when it is known at synth: an owned connection's, a
   * literal imported ARN's, or the one given to an import.
   *
   * @return the namespace; empty when unknown (an ARN that is a token), and for implementations
   *     that do not say
   */
  default Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.empty();
  }

  /**
   * The provider the connection points at, when it is known at synth.
   *
   * @return the provider; empty for an import, for a connection on an imported host, and for
   *     implementations that do not say
   */
  default Optional<ProviderType> getProviderType() {
    return Optional.empty();
  }

  /**
   * Lets the grantee use this connection ({@code UseConnection}) as CodePipeline and CodeBuild do
   * when they fetch source. The action's prefix is the namespace of the connection's ARN; when the
   * ARN is an unresolved token of unknown namespace, both prefixes are granted.
   *
   * @param grantee the principal, e.g. a pipeline's role
   * @return the grant
   */
  Grant grantUse(IGrantable grantee);

  /**
   * Lets the grantee, a CodeBuild project's role, use this connection as the project's source:
   * {@code GetConnectionToken}, {@code GetConnection} and {@code UseConnection}, with the prefix of
   * the connection's namespace, and both prefixes when the ARN is an unresolved token of unknown
   * namespace. {@link CodeBuildSource} grants it to the project it is bound to; call it yourself
   * for projects that rely on a {@link CodeBuildSourceCredential} instead.
   *
   * <p>CodeBuild uses the grant while CloudFormation creates the project (its webhook fails with
   * "Access denied to connection" without it, aws-cdk issue #31726), so for a project whose role is
   * an owned {@code iam.Role}, and for such a role, the grant is in an IAM policy of the role's own
   * that the project depends on ({@code CodeStarConnectionsGrants/Policy} under the role), not in
   * the role's default policy, which CloudFormation makes after the project (it names the project).
   * Granted to a role, every CodeBuild project of the role's stack whose service role is that role
   * depends on it. An imported role or project gets the grant as any other grantee.
   *
   * @param grantee the principal, e.g. a {@code codebuild.Project}, or its role
   * @return the grant
   */
  Grant grantCodeBuildUse(IGrantable grantee);

  /**
   * This connection as aws-cdk's reference: its ARN, in whichever namespace it was made. This
   * library's connections declare it in {@link ConnectionBase}, where the jsii kernel (which
   * aws-cdk reads the reference through) sees it; this default serves Java callers of an
   * implementation written before {@code IConnection} was a reference, which should declare it too
   * before it is handed to aws-cdk.
   *
   * @return the reference
   */
  @Override
  default software.amazon.awscdk.interfaces.codestarconnections.ConnectionReference
      getConnectionRef() {
    return software.amazon.awscdk.interfaces.codestarconnections.ConnectionReference.builder()
        .connectionArn(getConnectionArn())
        .build();
  }

  /**
   * This connection as aws-cdk's {@code interfaces.codeconnections.IConnectionRef}: a construct
   * under it carrying its ARN (in whichever namespace it was made) and environment, made on first
   * use. Given back to this library, it is this connection again.
   *
   * @return the reference
   */
  default software.amazon.awscdk.interfaces.codeconnections.IConnectionRef toCodeConnectionsRef() {
    return CdkReferences.codeConnectionsView(this);
  }

  /**
   * Grants the given IAM actions on this connection.
   *
   * @param grantee the principal
   * @param actions full action names, e.g. {@code "codestar-connections:GetConnection"}
   * @return the grant
   */
  Grant grant(IGrantable grantee, String... actions);
}
