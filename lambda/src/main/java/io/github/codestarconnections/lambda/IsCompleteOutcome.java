package io.github.codestarconnections.lambda;

import java.util.Map;

/**
 * What isComplete found.
 *
 * @param complete whether the resource is done
 * @param data the attributes (HostArn, Status, Name) when done
 * @param note what was seen, for the log
 * @param physicalResourceId a new physical id for the framework to merge into its answer (the host
 *     a {@link Placeholder} stood for), or null to keep onEvent's
 */
public record IsCompleteOutcome(
    boolean complete, Map<String, String> data, String note, String physicalResourceId) {
  /** Copies the data. */
  public IsCompleteOutcome {
    data = Map.copyOf(data);
  }

  /**
   * An outcome that keeps onEvent's physical id.
   *
   * @param complete whether the resource is done
   * @param data the attributes when done
   * @param note what was seen, for the log
   */
  public IsCompleteOutcome(boolean complete, Map<String, String> data, String note) {
    this(complete, data, note, null);
  }
}
