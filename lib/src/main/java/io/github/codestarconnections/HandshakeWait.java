package io.github.codestarconnections;

import java.util.List;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What may use a connection made in the same deployment only once a person has finished its
 * handshake, and the wait that lets it.
 *
 * <p>Every new connection is {@code PENDING} ("A connection created through AWS CloudFormation, the
 * CLI, or the SDK is in PENDING status by default", {@code AWS::CodeConnections::Connection}), and
 * "a pending connection is a connection that must be completed (moved to available) before it can
 * be used" ({@value #PENDING_DOC}). A resource that uses the connection while CloudFormation
 * creates it therefore fails on a connection made in the same deployment: an owned {@link
 * Connection} of this app, in whichever stack ({@code cdk deploy --all} makes it in the same run).
 * Unless it waits on a {@link ReadinessCheck} in {@link ReadinessMode#WAIT_FOR_AVAILABLE} mode,
 * which gives a person the check's timeout to finish the handshake while the deployment waits, it
 * is refused at synth.
 *
 * <p>What uses a connection at deploy time: a CodeBuild webhook (CloudFormation has CodeBuild call
 * {@code CreateWebhook} when it creates the project, and the webhook is made through the
 * connection). What does not, by AWS's documentation: a pipeline (CodePipeline uses the connection
 * when its source action runs, so a pipeline on a {@code PENDING} connection deploys and fails at
 * its first run), and a default source credential ({@code ImportSourceCredentials} takes the
 * connection's ARN as its token; nothing documents a read of the connection).
 */
final class HandshakeWait {
  /** Where AWS says a pending connection cannot be used. */
  static final String PENDING_DOC =
      "https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-workflow.html";

  private HandshakeWait() {}

  /**
   * Whether a connection is made in this app, and so may be new, and {@code PENDING}, in the
   * deployment that uses it.
   *
   * @param connection the connection
   * @return true for an owned {@link Connection}
   */
  static boolean madeInThisApp(IConnection connection) {
    return connection instanceof Connection;
  }

  /**
   * The check at an id that waits for a connection: found there, or made there.
   *
   * @param scope its parent
   * @param id its id
   * @param connection the connection
   * @param asking who needs it, for the message of another construct at the id
   * @return the check
   */
  static ReadinessCheck check(Construct scope, String id, IConnection connection, Owner asking) {
    ReadinessCheck found =
        ReservedChild.find(scope, id, ReadinessCheck.class, "its handshake wait", asking);
    return found != null
        ? found
        : ReadinessCheck.Builder.create(scope, id)
            .connection(connection)
            .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
            .build();
  }

  /**
   * Refuses at synth, under the construct that uses the connection, a use that does not wait for
   * the handshake of a connection made in this app. The wait is a dependency of the construct (or
   * of its default child, or of a scope above it) on a {@link ReadinessCheck} of the connection in
   * {@link ReadinessMode#WAIT_FOR_AVAILABLE} mode. Does nothing for a connection made elsewhere.
   *
   * @param user what uses the connection while CloudFormation creates it
   * @param who what to name in the message
   * @param connection the connection
   * @param use what needs it, e.g. {@code a webhook}, and why at deploy time
   * @param wayOut the user's own way out first, e.g. {@code give the source
   *     waitForAvailable(true)}, or null when the check is the only one
   */
  static void requireWait(
      IConstruct user, Owner who, IConnection connection, String use, String wayOut) {
    if (!madeInThisApp(connection)) {
      return;
    }
    user.getNode()
        .addValidation(
            () ->
                waits(user, connection)
                    ? List.of()
                    : List.of(
                        who
                            + ": "
                            + use
                            + ", and connection at '"
                            + connection.getNode().getPath()
                            + "' is made in this app, so it is PENDING in the deployment that"
                            + " makes it (\"a pending connection is a connection that must be"
                            + " completed (moved to available) before it can be used\", "
                            + PENDING_DOC
                            + "): the first deploy would fail. Let it wait for the handshake: "
                            + (wayOut == null ? "" : wayOut + ", or ")
                            + "make it depend on a ReadinessCheck of the connection in mode"
                            + " WAIT_FOR_AVAILABLE (getNode().addDependency(check)), which gives a"
                            + " person the check's timeout to finish the handshake during the"
                            + " deploy; or use a connection made and set up elsewhere"
                            + " (Connection.fromConnectionArn, Connection.fromConnectionName)"));
  }

  /** Whether the construct, its default child or a scope above it waits on such a check. */
  private static boolean waits(IConstruct user, IConnection connection) {
    IConstruct child = user.getNode().getDefaultChild();
    if (child != null && waitsDirectly(child, connection)) {
      return true;
    }
    for (IConstruct c = user; c != null; c = c.getNode().getScope()) {
      if (waitsDirectly(c, connection)) {
        return true;
      }
    }
    return false;
  }

  private static boolean waitsDirectly(IConstruct c, IConnection connection) {
    for (IConstruct target : c.getNode().getDependencies()) {
      ReadinessCheck check =
          target instanceof ReadinessCheck r
              ? r
              : target.getNode().getScope() instanceof ReadinessCheck r ? r : null;
      if (check != null
          && check.getMode() == ReadinessMode.WAIT_FOR_AVAILABLE
          && check.connection() != null
          && (check.connection() == connection
              || check.connection().getConnectionArn().equals(connection.getConnectionArn()))) {
        return true;
      }
    }
    return false;
  }
}
