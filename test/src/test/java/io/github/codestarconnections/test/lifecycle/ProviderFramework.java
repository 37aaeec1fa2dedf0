package io.github.codestarconnections.test.lifecycle;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CDK Provider framework's runtime (aws-cdk-lib 2.272,
 * custom-resources/lib/provider-framework/runtime/framework.ts and cfn-response.ts), played in Java
 * around the user's onEvent and isComplete handlers:
 *
 * <ul>
 *   <li>onEvent's missing PhysicalResourceId defaults to the RequestId on Create and to the current
 *       one on Update and Delete; a Delete may not change it (an error);
 *   <li>isComplete gets the event merged with onEvent's result; {@code IsComplete: false} is
 *       another poll, and Data is not allowed then; its result is merged over the event (so it may
 *       set PhysicalResourceId), Data merged key by key;
 *   <li>an error of either handler answers FAILED at once with the event it was given (so an
 *       onEvent failure keeps the current physical id, aws-cdk issue #17040); a Create that fails
 *       without a physical id answers the marker {@value CloudFormationRules#CREATE_FAILED_MARKER},
 *       and a Delete of that marker is answered SUCCESS without calling the handler;
 *   <li>polls exhausted answer FAILED "Operation timed out" with isComplete's event.
 * </ul>
 *
 * <p>Between polls the waiter waits as the library's waiter does at the default {@code
 * HostProviderSettings} the apps use (first wait 30 s, doubling, at most 60 s apart: the library's
 * WaiterSchedule), and the stack's clock moves on by that much. CloudFormation works on independent
 * resources in parallel ("AWS CloudFormation creates, updates, and deletes resources in parallel to
 * the extent possible", DependsOn attribute,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html):
 * the caller's {@code whileWaiting} runs other operations during each wait.
 */
final class ProviderFramework {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** The two user functions behind a framework function. */
  record UserFunctions(
      String onEventName,
      RequestHandler<Map<String, Object>, Map<String, Object>> onEvent,
      String isCompleteName,
      RequestHandler<Map<String, Object>, Map<String, Object>> isComplete) {}

  /** What the framework answers CloudFormation. */
  record Response(
      boolean success, String physicalResourceId, Map<String, Object> data, String reason) {}

  private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private final int maxPolls;
  private final HarnessClock clock;

  ProviderFramework(int maxPolls, HarnessClock clock) {
    this.maxPolls = maxPolls;
    this.clock = clock;
  }

  ProviderFramework(int maxPolls) {
    this(maxPolls, new HarnessClock());
  }

  Response handle(Map<String, Object> request, UserFunctions functions) {
    return handle(request, functions, () -> {});
  }

  Response handle(Map<String, Object> request, UserFunctions functions, Runnable whileWaiting) {
    if ("Delete".equals(request.get("RequestType"))
        && CloudFormationRules.CREATE_FAILED_MARKER.equals(request.get("PhysicalResourceId"))) {
      return answer(true, request, null);
    }
    Map<String, Object> resourceEvent;
    try {
      Map<String, Object> result = invoke(functions.onEvent(), functions.onEventName(), request);
      Object physicalId = result.get("PhysicalResourceId");
      if (physicalId == null || "".equals(physicalId)) {
        physicalId =
            "Create".equals(request.get("RequestType"))
                ? request.get("RequestId")
                : request.get("PhysicalResourceId");
      }
      if ("Delete".equals(request.get("RequestType"))
          && !physicalId.equals(request.get("PhysicalResourceId"))) {
        throw new IllegalStateException(
            "DELETE: cannot change the physical resource ID from \""
                + request.get("PhysicalResourceId")
                + "\" to \""
                + physicalId
                + "\" during deletion");
      }
      resourceEvent = new LinkedHashMap<>(request);
      resourceEvent.putAll(result);
      resourceEvent.put("PhysicalResourceId", physicalId);
    } catch (RuntimeException e) {
      return failed(request, e.getMessage());
    }
    if (functions.isComplete() == null) {
      return answer(true, resourceEvent, null);
    }
    Duration wait = FIRST_WAIT;
    for (int poll = 0; poll < maxPolls; poll++) {
      if (poll > 0) {
        whileWaiting.run();
        clock.advance(wait);
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
      Map<String, Object> result;
      try {
        result = invoke(functions.isComplete(), functions.isCompleteName(), resourceEvent);
      } catch (RuntimeException e) {
        return failed(resourceEvent, e.getMessage());
      }
      Map<String, Object> data = Templates.map(result.get("Data"));
      if (!Boolean.TRUE.equals(result.get("IsComplete"))) {
        if (!data.isEmpty()) {
          return failed(resourceEvent, "\"Data\" is not allowed if \"IsComplete\" is \"False\"");
        }
        continue;
      }
      Map<String, Object> response = new LinkedHashMap<>(resourceEvent);
      response.putAll(result);
      Map<String, Object> merged = new LinkedHashMap<>(Templates.map(resourceEvent.get("Data")));
      merged.putAll(data);
      response.put("Data", merged);
      return answer(true, response, null);
    }
    return failed(resourceEvent, "Operation timed out");
  }

  private Map<String, Object> invoke(
      RequestHandler<Map<String, Object>, Map<String, Object>> handler,
      String functionName,
      Map<String, Object> event) {
    // Lambda hands the function a JSON copy of the payload, and the framework reads a JSON copy of
    // the result.
    Map<String, Object> payload = JSON.convertValue(event, MAP);
    try {
      Map<String, Object> out = handler.handleRequest(payload, null);
      return out == null ? Map.of() : JSON.convertValue(out, MAP);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          e.getMessage() + "\n\nLogs: /aws/lambda/" + functionName + "\n", e);
    }
  }

  private static Response failed(Map<String, Object> event, String reason) {
    Map<String, Object> e = new LinkedHashMap<>(event);
    if (e.get("PhysicalResourceId") == null && "Create".equals(e.get("RequestType"))) {
      e.put("PhysicalResourceId", CloudFormationRules.CREATE_FAILED_MARKER);
    }
    return answer(false, e, reason);
  }

  private static Response answer(boolean success, Map<String, Object> event, String reason) {
    Object id = event.get("PhysicalResourceId");
    return new Response(
        success,
        id == null ? "AWSCDK::CustomResourceProviderFramework::MISSING_PHYSICAL_ID" : (String) id,
        Templates.map(event.get("Data")),
        reason);
  }
}
