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
 * <p>A request may reach the user functions twice ({@link Delivery}): the harness plays each way
 * and reports what a second delivery did differently ({@link Redelivered}).
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

  /**
   * How a request reaches the user functions. CloudFormation invokes the framework's function
   * asynchronously, which Lambda does at least once ("Even if your function doesn't return an
   * error, it's possible for it to receive the same event from Lambda multiple times", Lambda
   * asynchronous invocation,
   * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html); the
   * framework invokes the user functions synchronously and invokes again after an error.
   */
  enum Delivery {
    /** Each function once. */
    ONCE,
    /** Each user function invoked twice in a row, the first answer lost. */
    LOST_ANSWERS,
    /**
     * The framework runs twice for the request: both onEvents, then each run's isComplete polls.
     * CloudFormation takes the first answer; the second must be the same.
     */
    TWO_RUNS,
    /**
     * A second run starts after the first has answered: too late to change the outcome, it must
     * leave the account as it was.
     */
    LATE_SECOND_RUN
  }

  /** Where the harness reports what a redelivery did differently. */
  interface Redelivered {
    /** Reports nothing, sees no account. */
    Redelivered UNCHECKED =
        new Redelivered() {
          @Override
          public Object account() {
            return "";
          }

          @Override
          public void differs(String what) {}
        };

    /** What the account holds now, to compare. */
    Object account();

    /** A delivery did something other than the first. */
    void differs(String what);
  }

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
    return handle(request, functions, whileWaiting, Delivery.ONCE, Redelivered.UNCHECKED);
  }

  /**
   * Plays one CloudFormation request, delivered as {@code delivery} says.
   *
   * @param request the request
   * @param functions the user functions
   * @param whileWaiting what CloudFormation does meanwhile, between polls
   * @param delivery once, or one of the ways a request reaches the handlers twice
   * @param redelivered where differences between two deliveries are reported
   * @return the answer CloudFormation takes (the first run's)
   */
  Response handle(
      Map<String, Object> request,
      UserFunctions functions,
      Runnable whileWaiting,
      Delivery delivery,
      Redelivered redelivered) {
    if ("Delete".equals(request.get("RequestType"))
        && CloudFormationRules.CREATE_FAILED_MARKER.equals(request.get("PhysicalResourceId"))) {
      return answer(true, request, null);
    }
    String what = request.get("RequestType") + " " + request.get("LogicalResourceId");
    return switch (delivery) {
      case ONCE -> start(request, functions, null, what).finish(whileWaiting);
      case LOST_ANSWERS -> start(request, functions, redelivered, what).finish(whileWaiting);
      case TWO_RUNS -> {
        Run first = start(request, functions, null, what);
        Run second = start(request, functions, null, what);
        Response answer = first.finish(whileWaiting);
        Response again = second.finish(() -> {});
        if (!sameAnswer(request, answer, again)) {
          redelivered.differs(what + ": a second run answered " + again + ", the first " + answer);
        }
        yield answer;
      }
      case LATE_SECOND_RUN -> {
        Response answer = start(request, functions, null, what).finish(whileWaiting);
        Object before = redelivered.account();
        start(request, functions, null, what).finish(() -> {});
        Object after = redelivered.account();
        if (!before.equals(after)) {
          redelivered.differs(
              what + ": a late second run changed the account from " + before + " to " + after);
        }
        yield answer;
      }
    };
  }

  /** One run of the framework for a request: onEvent done, isComplete to poll (if any). */
  private final class Run {
    private final Response done;
    private final Map<String, Object> resourceEvent;
    private final UserFunctions functions;
    private final Redelivered lostAnswers;
    private final String what;

    Run(
        Response done,
        Map<String, Object> resourceEvent,
        UserFunctions functions,
        Redelivered lostAnswers,
        String what) {
      this.done = done;
      this.resourceEvent = resourceEvent;
      this.functions = functions;
      this.lostAnswers = lostAnswers;
      this.what = what;
    }

    Response finish(Runnable whileWaiting) {
      return done != null ? done : poll(resourceEvent, functions, whileWaiting, lostAnswers, what);
    }
  }

  /**
   * The framework's onEvent: the user's onEvent, then either the answer or the event to poll with.
   * With {@code lostAnswers}, every user function is invoked twice and the first answer lost.
   */
  private Run start(
      Map<String, Object> request, UserFunctions functions, Redelivered lostAnswers, String what) {
    Map<String, Object> resourceEvent;
    try {
      Map<String, Object> result =
          invoke(functions.onEvent(), functions.onEventName(), request, lostAnswers, what);
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
      return new Run(failed(request, e.getMessage()), null, functions, lostAnswers, what);
    }
    if (functions.isComplete() == null) {
      return new Run(answer(true, resourceEvent, null), null, functions, lostAnswers, what);
    }
    return new Run(null, resourceEvent, functions, lostAnswers, what);
  }

  /** The waiter: isComplete until complete, an error, or the polls run out. */
  private Response poll(
      Map<String, Object> resourceEvent,
      UserFunctions functions,
      Runnable whileWaiting,
      Redelivered lostAnswers,
      String what) {
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
        // An isComplete answer depends on the service's progress, so two are not compared.
        result =
            invoke(
                functions.isComplete(),
                functions.isCompleteName(),
                resourceEvent,
                lostAnswers == null ? null : Redelivered.UNCHECKED,
                what);
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

  /**
   * Invokes a user function; with {@code lostAnswers} twice, the first answer lost (the framework's
   * Lambda client invokes again after an error or a lost answer: outbound.ts, invokeFunction; the
   * SDK retries a call whose answer does not come), and a second answer unlike the first reported.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> invoke(
      RequestHandler<Map<String, Object>, Map<String, Object>> handler,
      String functionName,
      Map<String, Object> event,
      Redelivered lostAnswers,
      String what) {
    if (lostAnswers != null) {
      Object lost;
      try {
        lost = invokeOnce(handler, functionName, event);
      } catch (RuntimeException e) {
        lost = e.getMessage();
      }
      Object answer;
      try {
        answer = invokeOnce(handler, functionName, event);
      } catch (RuntimeException e) {
        if (!e.getMessage().equals(lost)) {
          lostAnswers.differs(
              what + ": invoked again, it failed (" + e.getMessage() + ") after " + lost);
        }
        throw e;
      }
      if (!answer.equals(lost)) {
        lostAnswers.differs(what + ": invoked again, it answered " + answer + " after " + lost);
      }
      return (Map<String, Object>) answer;
    }
    return invokeOnce(handler, functionName, event);
  }

  private static Map<String, Object> invokeOnce(
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

  /**
   * Whether two runs' answers are the same for CloudFormation: the status and physical id, the
   * reason of a failure, and the attributes of a Create or Update (CloudFormation reads no Data of
   * a Delete).
   */
  private static boolean sameAnswer(Map<String, Object> request, Response a, Response b) {
    return a.success() == b.success()
        && a.physicalResourceId().equals(b.physicalResourceId())
        && java.util.Objects.equals(a.reason(), b.reason())
        && ("Delete".equals(request.get("RequestType")) || a.data().equals(b.data()));
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
