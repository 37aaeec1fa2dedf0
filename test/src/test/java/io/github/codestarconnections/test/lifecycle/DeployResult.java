package io.github.codestarconnections.test.lifecycle;

import java.util.List;

/**
 * How a stack operation ended.
 *
 * @param status the stack's status, e.g. UPDATE_COMPLETE or UPDATE_ROLLBACK_FAILED; for a change
 *     set CloudFormation refused, CHANGE_SET_FAILED (the stack is untouched)
 * @param reason the first failure's reason, or null
 * @param cleanupFailures deletions that failed in a cleanup phase, which do not fail the stack
 * @param events what happened, one line per resource operation
 */
public record DeployResult(
    String status, String reason, List<String> cleanupFailures, List<String> events) {
  /** Copies the lists. */
  public DeployResult {
    cleanupFailures = List.copyOf(cleanupFailures);
    events = List.copyOf(events);
  }

  @Override
  public String toString() {
    return status
        + (reason == null ? "" : ": " + reason)
        + (cleanupFailures.isEmpty() ? "" : "\ncleanup failures: " + cleanupFailures)
        + "\n  "
        + String.join("\n  ", events);
  }
}
