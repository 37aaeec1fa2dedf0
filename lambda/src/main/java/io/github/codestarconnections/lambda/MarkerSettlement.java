package io.github.codestarconnections.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which markers a request removes once its outcome is settled. The step that settles it is the
 * request's last: isComplete answering complete for a Create or Update (the Provider framework
 * calls isComplete only after onEvent has answered, and answers CloudFormation from it). Before
 * that every step may be delivered again (the framework invokes a function again when an answer is
 * lost; Lambda delivers an asynchronous event at least once), and each delivery must find the
 * markers the first one found. A delivery that starts after the framework has answered is too late
 * to change the outcome (CloudFormation takes the first answer); it finds the markers gone and is
 * refused before it touches anything.
 *
 * <p>On the host it answers, a settled request removes every marker, of whatever version, except a
 * {@link MarkerTag#VPC_ADDED} it wrote itself: the rollback of that addition may still come, and is
 * the next request of the resource (which then removes it).
 */
final class MarkerSettlement {
  private MarkerSettlement() {}

  /**
   * The marker keys to remove from the host a request answers.
   *
   * @param tags the host's tags
   * @param e the request (a Create or Update)
   * @return the keys, empty when there are none
   */
  static List<String> toRemove(Map<String, String> tags, HostEvent e) {
    List<String> out = new ArrayList<>();
    for (String key : MarkerTag.KEYS) {
      String value = tags.get(key);
      if (value != null && !(key.equals(MarkerTag.VPC_ADDED) && addedByThisRequest(value, e))) {
        out.add(key);
      }
    }
    return out;
  }

  private static boolean addedByThisRequest(String value, HostEvent e) {
    return e.requestType() == RequestType.UPDATE
        && MarkerTag.writtenBy(
                MarkerTag.VPC_ADDED, value, e.stackId(), e.logicalResourceId(), e.oldProperties())
            .filter(r -> MarkerTag.sameRequest(r, e.requestId()))
            .isPresent();
  }
}
