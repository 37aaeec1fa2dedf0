package io.github.codestarconnections;

import static io.github.codestarconnections.ProviderTemplates.waiterDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachine;
import software.constructs.Construct;

/** The framework waiter's backoff, on the aws-cdk-lib under test, and its fallback. */
class FrameworkWaiterTest {
  private static final String FALLBACK = ".*is not built as this library expects.*";

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Host ghes(String id) {
    return Host.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .build();
  }

  // Annotations return cxapi.SynthesisMessage, deprecated since its definition moved to the
  // package @aws-cdk/cloud-assembly-api, which has no Java artifact: there is no other type.
  @SuppressWarnings("deprecation")
  private List<SynthesisMessage> fallbackWarnings() {
    return Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(FALLBACK));
  }

  @Test
  void theDefaultsBackOffOnTheAwsCdkLibUnderTest() {
    // The build runs on the pinned aws-cdk-lib and, with -Pcdk-floor, on the floor: both listed.
    assertThat(FrameworkWaiter.CHECKED_VERSIONS).contains(FrameworkWaiter.awsCdkLibVersion());
    ghes("Ghes");

    assertThat(waiterDefinition(Template.fromStack(stack)))
        .contains(
            "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":30,"
                + "\"MaxAttempts\":31,\"BackoffRate\":2,\"MaxDelaySeconds\":60}]");
    assertThat(fallbackWarnings()).isEmpty();
  }

  @Test
  void theStacksSettingsReachTheWaiter() {
    HostProviderSettings.Builder.create(stack)
        .queryInterval(Duration.seconds(10))
        .totalTimeout(Duration.minutes(20))
        .build();
    ghes("Ghes");

    // Waits of 10, 20, 40, then 60 seconds: 22 of them make the 20 minutes.
    assertThat(waiterDefinition(Template.fromStack(stack)))
        .contains(
            "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":10,"
                + "\"MaxAttempts\":22,\"BackoffRate\":2,\"MaxDelaySeconds\":60}]");
  }

  @Test
  void theWaiterStillRunsTheFrameworksFunctions() {
    ghes("Ghes");

    Template t = Template.fromStack(stack);
    String definition = waiterDefinition(t);
    assertThat(definition)
        .startsWith("{\"StartAt\":\"framework-isComplete-task\"")
        .contains(
            "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"framework-onTimeout-task\"}]");
    Map<String, Map<String, Object>> functions = t.findResources("AWS::Lambda::Function");
    String isComplete =
        functions.keySet().stream()
            .filter(k -> k.contains("frameworkisComplete"))
            .findFirst()
            .orElseThrow();
    String onTimeout =
        functions.keySet().stream()
            .filter(k -> k.contains("frameworkonTimeout"))
            .findFirst()
            .orElseThrow();
    assertThat(definition)
        .contains(
            "\"Type\":\"Task\",\"Resource\":\"<"
                + isComplete
                + ".Arn>\"},\"framework-onTimeout-task\"")
        .endsWith("\"Type\":\"Task\",\"Resource\":\"<" + onTimeout + ".Arn>\"}}}");
  }

  @Test
  void aMaxQueryIntervalEqualToTheIntervalKeepsTheFrameworksFixedPollingWithoutWarning() {
    HostProviderSettings.Builder.create(stack)
        .queryInterval(Duration.seconds(20))
        .maxQueryInterval(Duration.seconds(20))
        .build();
    ghes("Ghes");

    assertThat(waiterDefinition(Template.fromStack(stack)))
        .contains("\"IntervalSeconds\":20,\"MaxAttempts\":90,\"BackoffRate\":1}")
        .doesNotContain("MaxDelaySeconds");
    assertThat(fallbackWarnings()).isEmpty();
  }

  @Test
  void aProviderWithoutTheFrameworksChildrenKeepsTheFixedScheduleAndSynthWarns() {
    Construct provider = new Construct(stack, "NotAFrameworkProvider");

    FrameworkWaiter.Outcome outcome =
        FrameworkWaiter.backOff(provider, provider.getNode(), WaiterSchedule.of(30, 60, 1800));

    assertThat(outcome).isEqualTo(FrameworkWaiter.Outcome.FELL_BACK);
    Annotations.fromStack(stack)
        .hasWarning(
            "/Stack/NotAFrameworkProvider",
            Match.stringLikeRegexp(
                "The CDK Provider framework of aws-cdk-lib 2\\.\\d+\\.\\d+ is not built as this"
                    + " library expects \\(its waiter, isComplete or onTimeout child is missing;"
                    + " checked with 2\\.271\\.0, 2\\.272\\.0\\): hosts are polled every 30"
                    + " seconds, without backing off to 60 seconds.*"));
  }

  @Test
  void aWaiterWithADefinitionOtherThanTheFrameworksIsLeftAsItIs() {
    Construct provider = new Construct(stack, "OtherProvider");
    Function.fromFunctionArn(
        provider, FrameworkWaiter.IS_COMPLETE, "arn:aws:lambda:us-east-1:123456789012:function:c");
    Function.fromFunctionArn(
        provider, FrameworkWaiter.ON_TIMEOUT, "arn:aws:lambda:us-east-1:123456789012:function:t");
    Construct waiter = new Construct(provider, FrameworkWaiter.WAITER);
    String theirs = "{\"StartAt\":\"poll\",\"States\":{\"poll\":{\"Type\":\"Pass\",\"End\":true}}}";
    CfnStateMachine machine =
        CfnStateMachine.Builder.create(waiter, "Resource")
            .roleArn("arn:aws:iam::123456789012:role/waiter")
            .definitionString(theirs)
            .build();

    FrameworkWaiter.Outcome outcome =
        FrameworkWaiter.backOff(provider, provider.getNode(), WaiterSchedule.of(30, 60, 1800));

    assertThat(outcome).isEqualTo(FrameworkWaiter.Outcome.FELL_BACK);
    assertThat(machine.getDefinitionString()).isEqualTo(theirs);
    Annotations.fromStack(stack)
        .hasWarning(
            "/Stack/OtherProvider",
            Match.stringLikeRegexp(
                ".*its waiter's definition is not the one this library knows.*"));
  }
}
