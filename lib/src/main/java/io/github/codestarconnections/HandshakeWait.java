package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The one rule for what uses a connection made in the same deployment: it may do so only once a
 * person has finished the connection's handshake, so it waits for that, or is refused at synth.
 *
 * <p>Every new connection is {@code PENDING} ("A connection created through AWS CloudFormation, the
 * CLI, or the SDK is in PENDING status by default", {@code AWS::CodeConnections::Connection}), and
 * "a pending connection is a connection that must be completed (moved to available) before it can
 * be used" ({@value #PENDING_DOC}). A resource that uses the connection while CloudFormation
 * creates it therefore fails on a connection made in the same deployment: one this app makes
 * ({@link #madeInThisApp}), in whichever stack ({@code cdk deploy --all} makes it in the same run).
 * Unless it waits on a {@link ReadinessCheck} in {@link ReadinessMode#WAIT_FOR_AVAILABLE} mode,
 * which gives a person the check's timeout to finish the handshake while the deployment waits, it
 * is refused at synth, under itself. A check in {@link ReadinessMode#REQUIRE_AVAILABLE} mode is no
 * wait: it fails the deploy that makes the connection, and in the connection's own stack it never
 * passes (that deploy's rollback deletes the new connection, the retry makes another, {@code
 * PENDING} again), which the refusal says.
 *
 * <p>What uses a connection at deploy time: a CodeBuild webhook ({@link CodeBuildSource}, or a
 * project reading through a {@link CodeBuildSourceCredential}: CloudFormation has CodeBuild call
 * {@code CreateWebhook} when it creates the project, and the webhook is made through the
 * connection), and a {@link RepositoryLink} (CloudFormation's handler for {@code
 * AWS::CodeStarConnections::RepositoryLink} calls GetConnection, UseConnection and PassConnection
 * when it creates the link, as the type's registry schema lists). What does not, by AWS's
 * documentation: a pipeline (CodePipeline uses the connection when its source action runs, so a
 * pipeline on a {@code PENDING} connection deploys and fails at its first run), and a default
 * source credential ({@code ImportSourceCredentials} takes the connection's ARN as its token;
 * nothing documents a read of the connection).
 */
final class HandshakeWait {
  /** Where AWS says a pending connection cannot be used. */
  static final String PENDING_DOC =
      "https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-workflow.html";

  /**
   * The id of the check a {@code waitForAvailable(true)} option makes under the construct that
   * waits.
   */
  static final String WAIT_ID = "WaitForHandshake";

  private HandshakeWait() {}

  /**
   * Whether a connection is made by this app's templates, and so may be new, and {@code PENDING},
   * in the deployment that uses it: an owned {@link Connection}, or an L1 {@code CfnConnection} of
   * either namespace handed in as a reference ({@link CdkReferences}).
   *
   * @param connection the connection
   * @return true when the app makes it
   */
  static boolean madeInThisApp(IConnection connection) {
    return connection instanceof Connection
        || (connection instanceof ReferencedConnection referenced && referenced.madeInApp());
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
            () -> {
              List<ReadinessCheck> checks = checksAwaited(user, connection);
              if (checks.stream().anyMatch(c -> c.getMode() == ReadinessMode.WAIT_FOR_AVAILABLE)) {
                return List.of();
              }
              StringBuilder m =
                  new StringBuilder()
                      .append(who)
                      .append(": ")
                      .append(use)
                      .append(", and connection at '")
                      .append(connection.getNode().getPath())
                      .append(
                          "' is made in this app, so it is PENDING in the deployment that makes it"
                              + " (\"a pending connection is a connection that must be completed"
                              + " (moved to available) before it can be used\", ")
                      .append(PENDING_DOC)
                      .append("): the first deploy would fail. ");
              for (ReadinessCheck check : checks) {
                if (check.getMode() == ReadinessMode.REQUIRE_AVAILABLE) {
                  m.append(whyRequireIsNoWait(check, connection));
                }
              }
              return List.of(
                  m.append("Let it wait for the handshake: ")
                      .append(wayOut == null ? "" : wayOut + ", or ")
                      .append(
                          "make it depend on a ReadinessCheck of the connection in mode"
                              + " WAIT_FOR_AVAILABLE (getNode().addDependency(check)), which gives"
                              + " a person the check's timeout to finish the handshake during the"
                              + " deploy; or use a connection made and set up elsewhere"
                              + " (Connection.fromConnectionArn, Connection.fromConnectionName)")
                      .toString());
            });
  }

  /**
   * Why a {@code REQUIRE_AVAILABLE} check of a connection made in this app lets nothing through:
   * the deploy that makes the connection finds it {@code PENDING}. In the connection's own stack,
   * the failed deploy's rollback deletes the new connection ({@code RetainExceptOnCreate}, the
   * default of {@link Connection}; an L1's default deletes it as well) and the retry makes a new
   * one, {@code PENDING} again; a retained one makes the retry collide on its name.
   */
  private static String whyRequireIsNoWait(ReadinessCheck check, IConnection connection) {
    String is = "It depends on ReadinessCheck at '" + check.getNode().getPath() + "' in mode ";
    if (Stack.of(check) == Stack.of(connection)) {
      return is
          + "REQUIRE_AVAILABLE, which cannot pass here: the connection is new, so PENDING, when the"
          + " check runs; the check fails the deploy, its rollback deletes the connection, and the"
          + " retry makes a new one, PENDING again (a retained connection makes the retry collide"
          + " on its name instead). ";
    }
    return is
        + "REQUIRE_AVAILABLE, which fails the deploy that makes the connection (it is PENDING then)"
        + " and passes only on a deploy after someone finishes the handshake. ";
  }

  /**
   * The checks of the connection that the construct, its default child or a scope above it depends
   * on.
   */
  private static List<ReadinessCheck> checksAwaited(IConstruct user, IConnection connection) {
    List<ReadinessCheck> checks = new ArrayList<>();
    IConstruct child = user.getNode().getDefaultChild();
    if (child != null) {
      addChecks(child, connection, checks);
    }
    for (IConstruct c = user; c != null; c = c.getNode().getScope()) {
      addChecks(c, connection, checks);
    }
    return checks;
  }

  /** Adds the checks of the connection that a construct depends on, directly or on their child. */
  private static void addChecks(IConstruct c, IConnection connection, List<ReadinessCheck> to) {
    for (IConstruct target : c.getNode().getDependencies()) {
      ReadinessCheck check =
          target instanceof ReadinessCheck r
              ? r
              : target.getNode().getScope() instanceof ReadinessCheck r ? r : null;
      if (check != null
          && !to.contains(check)
          && check.connection() != null
          && (check.connection() == connection
              || check.connection().getConnectionArn().equals(connection.getConnectionArn()))) {
        to.add(check);
      }
    }
  }
}
