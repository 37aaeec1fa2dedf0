package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** SnapStart on the provider's Java functions: versions published and invoked, IAM and logs. */
class HostProviderSnapStartTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Template withHost(boolean snapStart) {
    if (snapStart) {
      HostProviderSettings.Builder.create(stack).snapStart(true).build();
    }
    Host.Builder.create(stack, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .build();
    return Template.fromStack(stack);
  }

  /** Logical id of the Java function with this handler. */
  private static String javaFunction(Template t, String handler) {
    return t.findResources(
            "AWS::Lambda::Function", Map.of("Properties", Map.of("Handler", handler)))
        .keySet()
        .iterator()
        .next();
  }

  /** A logical id without CDK's 8-character hash, e.g. {@code ...ProviderOnEvent}. */
  private static String withoutHash(String logicalId) {
    return logicalId.substring(0, logicalId.length() - 8);
  }

  /** Logical id of the version of this function. */
  private static String versionOf(Template t, String function) {
    Map<String, Map<String, Object>> versions =
        t.findResources(
            "AWS::Lambda::Version",
            Map.of("Properties", Map.of("FunctionName", Map.of("Ref", function))));
    assertThat(versions).hasSize(1);
    return versions.keySet().iterator().next();
  }

  @Test
  void withSnapStartTheFrameworkInvokesPublishedSnapStartVersions() {
    Template t = withHost(true);

    String onEvent = javaFunction(t, HandlerFunctions.ON_EVENT_HANDLER);
    String isComplete = javaFunction(t, HandlerFunctions.IS_COMPLETE_HANDLER);
    t.resourceCountIs("AWS::Lambda::Version", 2);
    for (String fn : List.of(onEvent, isComplete)) {
      t.hasResource(
          "AWS::Lambda::Function",
          Map.of(
              "Properties",
              Match.objectLike(
                  Map.of(
                      "SnapStart",
                      Map.of("ApplyOn", "PublishedVersions"),
                      // Logs of the versions still go to the function's own log group.
                      "LoggingConfig",
                      Map.of(
                          "LogGroup",
                          Map.of("Ref", Match.stringLikeRegexp(withoutHash(fn) + "Logs.*")))))));
    }
    String onEventVersion = versionOf(t, onEvent);
    String isCompleteVersion = versionOf(t, isComplete);
    // Every framework function points at the versions, never at $LATEST.
    assertThat(
            t.findResources(
                "AWS::Lambda::Function",
                Map.of(
                    "Properties",
                    Map.of(
                        "Environment",
                        Map.of(
                            "Variables",
                            Match.objectLike(
                                Map.of(
                                    "USER_ON_EVENT_FUNCTION_ARN",
                                    Map.of("Ref", onEventVersion),
                                    "USER_IS_COMPLETE_FUNCTION_ARN",
                                    Map.of("Ref", isCompleteVersion))))))))
        .hasSize(3);
    List<Map<String, Object>> invokes =
        ProviderTemplates.statements(t).stream()
            .filter(s -> ProviderTemplates.actions(s).contains("lambda:InvokeFunction"))
            .filter(s -> String.valueOf(s.get("Resource")).contains("CurrentVersion"))
            .toList();
    assertThat(invokes)
        .hasSize(4)
        .allSatisfy(
            s ->
                assertThat(s.get("Resource"))
                    .isIn(Map.of("Ref", onEventVersion), Map.of("Ref", isCompleteVersion)));
    assertThat(ProviderTemplates.statements(t))
        .noneSatisfy(
            s ->
                assertThat(String.valueOf(s.get("Resource")))
                    .contains(onEvent + ", Arn")
                    .contains(":*"));
  }

  @Test
  void withSnapStartNoWildcardInvokeIsLeftToSuppress() {
    Template t = withHost(true);

    assertThat(String.valueOf(t.toJSON()))
        .doesNotContainPattern("CurrentVersion\\w*>:\\*")
        .doesNotContain(
            "Resource::<" + javaFunction(t, HandlerFunctions.ON_EVENT_HANDLER) + ".Arn>:*")
        // The waiter's own invoke wildcards on the framework's functions are still suppressed.
        .containsPattern("Resource::<\\w*frameworkisComplete\\w*\\.Arn>:\\*");
  }

  @Test
  void withoutSnapStartTheFrameworkInvokesTheFunctionsThemselves() {
    Template t = withHost(false);

    t.resourceCountIs("AWS::Lambda::Version", 0);
    String onEvent = javaFunction(t, HandlerFunctions.ON_EVENT_HANDLER);
    t.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of("Handler", HandlerFunctions.ON_EVENT_HANDLER, "SnapStart", Match.absent()));
    t.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Environment",
            Map.of(
                "Variables",
                Match.objectLike(
                    Map.of(
                        "USER_ON_EVENT_FUNCTION_ARN",
                        Map.of("Fn::GetAtt", List.of(onEvent, "Arn")))))));
    assertThat(String.valueOf(t.toJSON())).contains("Resource::<" + onEvent + ".Arn>:*");
  }
}
