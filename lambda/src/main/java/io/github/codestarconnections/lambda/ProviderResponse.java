package io.github.codestarconnections.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shapes the CDK Provider framework's response maps. */
final class ProviderResponse {
  private ProviderResponse() {}

  static Map<String, Object> onEvent(OnEventOutcome o) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("PhysicalResourceId", o.physicalResourceId());
    response.put("Data", new LinkedHashMap<String, Object>(o.data()));
    return response;
  }

  static Map<String, Object> isComplete(IsCompleteOutcome o) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("IsComplete", o.complete());
    response.put("Data", new LinkedHashMap<String, Object>(o.data()));
    return response;
  }
}
