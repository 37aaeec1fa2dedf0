package io.github.codestarconnections.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shapes the CDK Provider framework's response maps. Every Data value is bounded to {@value
 * #MAX_DATA_VALUE} bytes of JSON (see {@link ResourceFailure#bound}), so Data (HostArn, Name,
 * Status) stays near 1.5 KB even if the service answers with more than its model allows, and the
 * whole response body stays under CloudFormation's 4096-byte limit.
 */
final class ProviderResponse {
  /** The most one Data value may take; the models cap a host ARN at 256 and a name at 64. */
  static final int MAX_DATA_VALUE = 512;

  private ProviderResponse() {}

  static Map<String, Object> onEvent(OnEventOutcome o) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("PhysicalResourceId", o.physicalResourceId());
    response.put("Data", data(o.data()));
    return response;
  }

  static Map<String, Object> isComplete(IsCompleteOutcome o) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("IsComplete", o.complete());
    if (o.physicalResourceId() != null) {
      // The framework merges isComplete's answer over the event, so this becomes the physical id.
      response.put("PhysicalResourceId", o.physicalResourceId());
    }
    response.put("Data", data(o.data()));
    return response;
  }

  private static Map<String, Object> data(Map<String, String> data) {
    Map<String, Object> out = new LinkedHashMap<>();
    data.forEach((k, v) -> out.put(k, ResourceFailure.bound(v, MAX_DATA_VALUE)));
    return out;
  }
}
