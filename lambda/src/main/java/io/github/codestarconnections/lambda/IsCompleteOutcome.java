package io.github.codestarconnections.lambda;

import java.util.Map;

/**
 * What isComplete found.
 *
 * @param complete whether the resource is done
 * @param data the attributes (HostArn, Status, Name) when done
 * @param note what was seen, for the log
 */
public record IsCompleteOutcome(boolean complete, Map<String, String> data, String note) {
  /** Copies the data. */
  public IsCompleteOutcome {
    data = Map.copyOf(data);
  }
}
