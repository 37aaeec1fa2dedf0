package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.test.conformance.ReferenceData;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Delivery;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Redelivered;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Response;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.UserFunctions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The harness itself plays the documented contracts: if it did not, no scenario would prove much.
 */
class HarnessContractTest {
  private final List<Map<String, Object>> calls = new ArrayList<>();

  private RequestHandler<Map<String, Object>, Map<String, Object>> answering(
      Map<String, Object> answer) {
    return (event, context) -> {
      calls.add(event);
      return answer;
    };
  }

  private static RequestHandler<Map<String, Object>, Map<String, Object>> failing(String reason) {
    return (event, context) -> {
      throw new IllegalStateException(reason);
    };
  }

  private static Map<String, Object> event(String type, String physicalId) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", type);
    e.put("RequestId", "req-1");
    e.put("LogicalResourceId", "Host");
    if (physicalId != null) {
      e.put("PhysicalResourceId", physicalId);
    }
    return e;
  }

  @Test
  void aCreateThatFailsWithoutAnIdAnswersTheMarkerWhoseDeleteIsNeverSent() {
    ProviderFramework f = new ProviderFramework(3);
    Response r =
        f.handle(event("Create", null), new UserFunctions("on", failing("boom"), "is", null));
    assertThat(r.success()).isFalse();
    assertThat(r.physicalResourceId()).isEqualTo(CloudFormationRules.CREATE_FAILED_MARKER);
    assertThat(r.reason()).startsWith("boom").contains("Logs: /aws/lambda/on");
    Response d =
        f.handle(
            event("Delete", CloudFormationRules.CREATE_FAILED_MARKER),
            new UserFunctions("on", answering(Map.of()), "is", null));
    assertThat(d.success()).isTrue();
    assertThat(calls).isEmpty();
  }

  @Test
  void defaultsKeepsAndMergesPhysicalIdsAsTheFrameworkDoes() {
    ProviderFramework f = new ProviderFramework(3);
    // Create without an id: the RequestId.
    assertThat(
            f.handle(
                    event("Create", null), new UserFunctions("on", answering(Map.of()), "is", null))
                .physicalResourceId())
        .isEqualTo("req-1");
    // An onEvent failure on Update keeps the current id (aws-cdk issue #17040).
    assertThat(
            f.handle(event("Update", "cur"), new UserFunctions("on", failing("x"), "is", null))
                .physicalResourceId())
        .isEqualTo("cur");
    // A Delete may not change it.
    Response changed =
        f.handle(
            event("Delete", "cur"),
            new UserFunctions("on", answering(Map.of("PhysicalResourceId", "other")), "is", null));
    assertThat(changed.success()).isFalse();
    assertThat(changed.reason()).contains("cannot change the physical resource ID");
    // isComplete may set it, and its Data is merged over onEvent's.
    Response merged =
        f.handle(
            event("Create", null),
            new UserFunctions(
                "on",
                answering(Map.of("PhysicalResourceId", "p", "Data", Map.of("A", "1", "B", "1"))),
                "is",
                answering(
                    Map.of(
                        "IsComplete", true, "PhysicalResourceId", "q", "Data", Map.of("B", "2")))));
    assertThat(merged.physicalResourceId()).isEqualTo("q");
    assertThat(merged.data()).isEqualTo(Map.of("A", "1", "B", "2"));
  }

  @Test
  void isCompleteFailsWithItsEventAndTimesOut() {
    ProviderFramework f = new ProviderFramework(3);
    UserFunctions withData =
        new UserFunctions(
            "on",
            answering(Map.of("PhysicalResourceId", "p")),
            "is",
            answering(Map.of("IsComplete", false, "Data", Map.of("A", "1"))));
    Response r = f.handle(event("Create", null), withData);
    assertThat(r.success()).isFalse();
    assertThat(r.physicalResourceId()).isEqualTo("p");
    assertThat(r.reason()).contains("\"Data\" is not allowed");
    calls.clear();
    Response timedOut =
        f.handle(
            event("Update", "cur"),
            new UserFunctions(
                "on",
                answering(Map.of("PhysicalResourceId", "new")),
                "is",
                answering(Map.of("IsComplete", false))));
    assertThat(timedOut.reason()).isEqualTo("Operation timed out");
    assertThat(timedOut.physicalResourceId()).isEqualTo("new");
    assertThat(calls).hasSize(4);
  }

  /**
   * A request delivered twice reaches the user functions twice, CloudFormation takes the answer it
   * would get, and what the second delivery does differently is reported.
   */
  @Test
  void aRequestDeliveredTwiceReachesTheFunctionsTwiceAndDifferencesAreReported() {
    ProviderFramework f = new ProviderFramework(3);
    List<String> differences = new ArrayList<>();
    List<String> account = new ArrayList<>();
    Redelivered report =
        new Redelivered() {
          @Override
          public Object account() {
            return List.copyOf(account);
          }

          @Override
          public void differs(String what) {
            differences.add(what);
          }
        };
    int[] onEvents = {0};
    RequestHandler<Map<String, Object>, Map<String, Object>> counting =
        (event, context) -> {
          account.add("host " + ++onEvents[0]);
          return Map.of("PhysicalResourceId", "p" + onEvents[0]);
        };
    UserFunctions functions =
        new UserFunctions("on", counting, "is", answering(Map.of("IsComplete", true)));

    // A lost answer: each function invoked again, the second answer used, a change reported.
    Response r =
        f.handle(event("Create", null), functions, () -> {}, Delivery.LOST_ANSWERS, report);
    assertThat(r.physicalResourceId()).isEqualTo("p2");
    assertThat(calls).hasSize(2);
    assertThat(differences).singleElement().asString().contains("p1").contains("p2");

    // Two runs: both onEvents, then both waits; the first run's answer is CloudFormation's.
    differences.clear();
    calls.clear();
    r = f.handle(event("Create", null), functions, () -> {}, Delivery.TWO_RUNS, report);
    assertThat(r.physicalResourceId()).isEqualTo("p3");
    assertThat(calls).hasSize(2);
    assertThat(differences).singleElement().asString().contains("p4").contains("p3");

    // A late run: the first run's answer, and a change of the account reported.
    differences.clear();
    r = f.handle(event("Create", null), functions, () -> {}, Delivery.LATE_SECOND_RUN, report);
    assertThat(r.physicalResourceId()).isEqualTo("p5");
    assertThat(differences).singleElement().asString().contains("host 6");

    // The same answer twice reports nothing.
    differences.clear();
    UserFunctions steady =
        new UserFunctions(
            "on",
            answering(Map.of("PhysicalResourceId", "p")),
            "is",
            answering(Map.of("IsComplete", true)));
    for (Delivery d : Delivery.values()) {
      f.handle(event("Create", null), steady, () -> {}, d, report);
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void intrinsicsResolveAsCloudFormationDoes() {
    Intrinsics i =
        new Intrinsics(
            Map.of("Parameters", Map.of("P", Map.of("Type", "String", "Default", "d"))),
            new Intrinsics.Lookup() {
              @Override
              public String ref(String logicalId) {
                return logicalId + "-id";
              }

              @Override
              public Object getAtt(String logicalId, String attribute) {
                return logicalId + "." + attribute;
              }
            });
    assertThat(
            i.resolve(
                Map.of(
                    "Fn::Join",
                    List.of(
                        ":",
                        List.of(
                            Map.of("Ref", "AWS::Region"),
                            Map.of("Ref", "P"),
                            Map.of("Fn::Select", List.of(1, Map.of("Fn::GetAZs", ""))),
                            Map.of("Fn::Sub", "${X}/${X.Arn}/${!Literal}"))))))
        .isEqualTo("us-east-1:d:us-east-1b:X-id/X.Arn/${Literal}");
    assertThat(i.resolve(Map.of("K", Map.of("Ref", "AWS::NoValue"), "L", "v")))
        .isEqualTo(Map.of("L", "v"));
  }

  @Test
  void theCreateOnlyPropertiesWrittenHereAreTheSchemas() throws IOException {
    for (Map.Entry<String, String> type : CloudFormationRules.schemaFiles().entrySet()) {
      Path schema =
          ReferenceData.require(
              "cfn-schemas/" + type.getValue(), type.getKey() + "'s create-only properties");
      List<String> inSchema = new ArrayList<>();
      new ObjectMapper()
          .readTree(schema.toFile())
          .path("createOnlyProperties")
          .forEach(p -> inSchema.add(p.asText().replace("/properties/", "")));
      assertThat(CloudFormationRules.createOnly(type.getKey()))
          .as(type.getKey())
          .isEqualTo(inSchema);
    }
  }

  @Test
  void theWaiterWaitsByTheLibrarysDefaultScheduleAndLetsOtherWorkRunMeanwhile() {
    HarnessClock clock = new HarnessClock();
    ProviderFramework f = new ProviderFramework(5, clock);
    List<java.time.Instant> polledAt = new ArrayList<>();
    List<java.time.Instant> workAt = new ArrayList<>();
    Response r =
        f.handle(
            event("Create", null),
            new UserFunctions(
                "on",
                answering(Map.of("PhysicalResourceId", "p")),
                "is",
                (e, ctx) -> {
                  polledAt.add(clock.instant());
                  return Map.of("IsComplete", polledAt.size() == 4);
                }),
            () -> workAt.add(clock.instant()));
    assertThat(r.success()).isTrue();
    Instant start = polledAt.get(0);
    assertThat(polledAt)
        .extracting(t -> Duration.between(start, t).toSeconds())
        .containsExactly(0L, 30L, 90L, 150L);
    // Other work runs during each wait, before the clock moves on.
    assertThat(workAt)
        .extracting(t -> Duration.between(start, t).toSeconds())
        .containsExactly(0L, 30L, 90L);
  }

  @Test
  void parallelDeletionsRunInOrderEachAfterItsDependentsAndOthersWhileOneWaits() {
    List<String> log = new ArrayList<>();
    List<ParallelDeletions.Deletion> all =
        List.of(
            // The host waits (two polls); the connection that uses it goes meanwhile.
            new ParallelDeletions.Deletion(
                "host",
                Set.of(),
                whileWaiting -> {
                  log.add("host starts");
                  whileWaiting.run();
                  whileWaiting.run();
                  log.add("host done");
                }),
            new ParallelDeletions.Deletion("policy", Set.of("host"), w -> log.add("policy")),
            new ParallelDeletions.Deletion("connection", Set.of(), w -> log.add("connection")));
    new ParallelDeletions(all).run();
    assertThat(log).containsExactly("host starts", "connection", "host done", "policy");
  }
}
