package io.github.codestarconnections;

import software.amazon.awscdk.interfaces.ResourceEnvironment;
import software.amazon.awscdk.interfaces.codeconnections.ConnectionReference;
import software.amazon.awscdk.interfaces.codeconnections.IConnectionRef;
import software.constructs.Construct;

/**
 * A connection of this library as aws-cdk's {@code interfaces.codeconnections.IConnectionRef}
 * ({@link IConnection#toCodeConnectionsRef()}): a construct under the connection, with its ARN and
 * environment. Handed back to this library it is the connection again ({@link CdkReferences}).
 */
final class CodeConnectionsView extends Construct implements IConnectionRef {
  /** Its id under the connection. */
  static final String ID = "AsCodeConnectionsRef";

  private final IConnection connection;

  CodeConnectionsView(Construct scope, String id, IConnection connection) {
    super(scope, id);
    this.connection = connection;
  }

  /** The connection it stands for. */
  IConnection connection() {
    return connection;
  }

  /**
   * The connection's ARN, in whichever namespace it was made.
   *
   * @return the reference
   */
  @Override
  public ConnectionReference getConnectionRef() {
    return ConnectionReference.builder().connectionArn(connection.getConnectionArn()).build();
  }

  /**
   * The connection's account and region.
   *
   * @return the environment
   */
  @Override
  public ResourceEnvironment getEnv() {
    return connection.getEnv();
  }
}
