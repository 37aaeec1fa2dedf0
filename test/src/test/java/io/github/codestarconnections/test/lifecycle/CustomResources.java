package io.github.codestarconnections.test.lifecycle;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Delivery;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Redelivered;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Response;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.UserFunctions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * CloudFormation's side of custom resources: the Create, Update and Delete requests it sends to a
 * resource's ServiceToken (custom resource request types,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes-create.html,
 * ...-update.html, ...-delete.html), with every scalar property as a string, as CloudFormation
 * delivers them. The ServiceToken is a Lambda function of the stack: a CDK Provider framework
 * function, whose environment names the user functions (USER_ON_EVENT_FUNCTION_ARN,
 * USER_IS_COMPLETE_FUNCTION_ARN), is played by {@link ProviderFramework} around the real Java
 * handlers; any other function answers SUCCESS without doing anything.
 */
final class CustomResources {
  static final String RESPONSE_URL =
      "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/harness";

  /** Makes the Java handler a deployed user function runs, or null when it is not ours. */
  interface Handlers {
    RequestHandler<Map<String, Object>, Map<String, Object>> of(Deployed function);
  }

  private final Function<String, Deployed> functionByArn;
  private final Handlers handlers;
  private final ProviderFramework framework;
  private final Map<String, Delivery> deliveries = new HashMap<>();
  private Redelivered redelivered = Redelivered.UNCHECKED;
  private int requests;

  CustomResources(
      Function<String, Deployed> functionByArn,
      Handlers handlers,
      int maxPolls,
      HarnessClock clock) {
    this.functionByArn = functionByArn;
    this.handlers = handlers;
    this.framework = new ProviderFramework(maxPolls, clock);
  }

  /**
   * How the requests of an operation reach this library's functions from now on.
   *
   * @param operation CREATE, UPDATE, UPDATE_ROLLBACK or DELETE
   * @param delivery how
   * @param report where a second delivery's differences go
   */
  void deliver(String operation, Delivery delivery, Redelivered report) {
    deliveries.put(operation, delivery);
    redelivered = report;
  }

  Response create(String logicalId, Map<String, Object> definition, Map<String, Object> props) {
    Map<String, Object> e = base("Create", logicalId, Templates.type(definition), props);
    return send(e, () -> {}, "CREATE");
  }

  Response update(
      Deployed current, Map<String, Object> props, Map<String, Object> oldProps, String operation) {
    Map<String, Object> e = base("Update", current.logicalId, current.type(), props);
    e.put("PhysicalResourceId", current.physicalId);
    e.put("OldResourceProperties", strings(oldProps));
    return send(e, () -> {}, operation);
  }

  /**
   * A Delete.
   *
   * @param d the resource
   * @param whileWaiting what else CloudFormation does while the framework waits between polls
   */
  Response delete(Deployed d, Runnable whileWaiting) {
    Map<String, Object> e = base("Delete", d.logicalId, d.type(), d.properties);
    e.put("PhysicalResourceId", d.physicalId);
    return send(e, whileWaiting, "DELETE");
  }

  private Map<String, Object> base(
      String type, String logicalId, String resourceType, Map<String, Object> props) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", type);
    e.put("ServiceToken", props.get("ServiceToken"));
    e.put("ResponseURL", RESPONSE_URL);
    e.put("StackId", Intrinsics.STACK_ID);
    e.put("RequestId", new UUID(0xC0FFEEL, ++requests).toString());
    e.put("LogicalResourceId", logicalId);
    e.put("ResourceType", resourceType);
    e.put("ResourceProperties", strings(props));
    return e;
  }

  private Response send(Map<String, Object> event, Runnable whileWaiting, String operation) {
    String token = String.valueOf(event.get("ServiceToken"));
    Deployed function = functionByArn.apply(token);
    if (function == null) {
      return new Response(
          false,
          (String)
              event.getOrDefault("PhysicalResourceId", CloudFormationRules.CREATE_FAILED_MARKER),
          Map.of(),
          "the ServiceToken " + token + " is no function of the stack");
    }
    Map<String, Object> env = environment(function);
    Object onEventArn = env.get("USER_ON_EVENT_FUNCTION_ARN");
    Deployed onEvent = onEventArn == null ? null : functionByArn.apply((String) onEventArn);
    RequestHandler<Map<String, Object>, Map<String, Object>> onEventHandler =
        onEvent == null ? null : handlers.of(onEvent);
    if (onEventHandler == null) {
      // Not a provider of this library: CloudFormation gets SUCCESS and a made-up id.
      Object id = event.get("PhysicalResourceId");
      return new Response(
          true, id == null ? "generic-" + event.get("RequestId") : (String) id, Map.of(), null);
    }
    Object isCompleteArn = env.get("USER_IS_COMPLETE_FUNCTION_ARN");
    Deployed isComplete =
        isCompleteArn == null ? null : functionByArn.apply((String) isCompleteArn);
    return framework.handle(
        event,
        new UserFunctions(
            onEvent.physicalId,
            onEventHandler,
            isComplete == null ? null : isComplete.physicalId,
            isComplete == null ? null : handlers.of(isComplete)),
        whileWaiting,
        deliveries.getOrDefault(operation, Delivery.ONCE),
        redelivered);
  }

  static Map<String, Object> environment(Deployed function) {
    return Templates.map(Templates.map(function.properties.get("Environment")).get("Variables"));
  }

  /** Every scalar as a string, as CloudFormation hands properties to a custom resource. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> strings(Map<String, Object> props) {
    return (Map<String, Object>) stringify(props);
  }

  private static Object stringify(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), stringify(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(stringify(v)));
      return out;
    }
    return value == null ? null : String.valueOf(value);
  }
}
