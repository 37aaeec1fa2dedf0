package io.github.codestarconnections;

import java.time.Instant;
import software.constructs.Construct;

/**
 * When a deploy-time read (a connection lookup, a {@link ReadinessCheck}) runs again.
 * CloudFormation sends a custom resource an event only when the resource is new or its properties
 * change; a read whose properties stay the same keeps its first answer, even if the connection is
 * deleted, made again or goes to {@code ERROR} later.
 */
public enum Rerun {
  /**
   * Runs when the read is new and when its own properties change (the name, the filters, the mode),
   * and on the rollback of such a change. Templates stay the same from one synthesis to the next.
   */
  ON_CHANGE,

  /**
   * Runs at every deployment of a new synthesis: the read gets a property {@code Rerun} whose value
   * is the synthesis time ({@code synthesized <ISO-8601 instant>}), or the value of the context key
   * {@value #CONTEXT_KEY} when it is set. Every {@code cdk deploy} then re-runs it; deploying the
   * same cloud assembly again does not. The value changes the template at every synthesis: set the
   * context key to a fixed value in snapshot tests (or to a pipeline's execution id, to re-run once
   * per execution).
   */
  EVERY_DEPLOY;

  /**
   * The context key whose value, when set, replaces the synthesis time of {@link #EVERY_DEPLOY}.
   */
  public static final String CONTEXT_KEY = "codestarconnections-cdk:rerun";

  /**
   * The value of the {@code Rerun} property of a read in {@code scope}.
   *
   * @param scope the read
   * @param rerun the policy, null for {@link #ON_CHANGE}
   * @return the value, or null when the read has no such property
   */
  static String value(Construct scope, Rerun rerun) {
    if (rerun != EVERY_DEPLOY) {
      return null;
    }
    Object context = scope.getNode().tryGetContext(CONTEXT_KEY);
    return context != null ? String.valueOf(context) : "synthesized " + Instant.now();
  }
}
