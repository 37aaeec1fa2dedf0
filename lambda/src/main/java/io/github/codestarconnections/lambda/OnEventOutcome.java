package io.github.codestarconnections.lambda;

import java.util.Map;

/**
 * What onEvent decided.
 *
 * @param physicalResourceId the host ARN (or, for a Delete of no host, the id CloudFormation sent)
 * @param data the attributes known so far
 * @param note what happened, for the log
 */
public record OnEventOutcome(String physicalResourceId, Map<String, String> data, String note) {
  /** Copies the data. */
  public OnEventOutcome {
    data = Map.copyOf(data);
  }
}
