package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** {@link ReadinessCheck}: its resource, its one IAM statement, its output and its rules. */
class ReadinessCheckTest {
  private static final String CONNECTION =
      "arn:aws:codeconnections:eu-west-1:123456789012:connection/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab";
  private static final String CODESTAR_HOST =
      "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-0a1b2c3d";

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> only(Template t, String type) {
    Map<String, Map<String, Object>> found = t.findResources(type);
    assertThat(found).hasSize(1);
    return found.values().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  private static String id(Stack stack, software.constructs.IConstruct c) {
    return stack.getLogicalId((CfnElement) c);
  }

  @Test
  void aCheckOfAnImportedConnectionReadsItWithOneActionOnThatConnectionOnly() {
    IConnection imported = Connection.fromConnectionArn(stack, "GitHub", CONNECTION);
    ReadinessCheck check =
        ReadinessCheck.Builder.create(stack, "Ready")
            .connection(imported)
            .mode(ReadinessMode.REQUIRE_AVAILABLE)
            .build();

    Template t = Template.fromStack(stack);
    Map<String, Object> resource = only(t, ReadinessCheck.RESOURCE_TYPE);
    assertThat(properties(resource))
        .containsEntry("ResourceArn", CONNECTION)
        .containsEntry("Mode", "REQUIRE_AVAILABLE")
        .doesNotContainKey("WaitSeconds")
        .containsKey("ConsoleAddress");
    // The check's own policy, on the isComplete role, and the check waits for it.
    Map<String, Map<String, Object>> policies = t.findResources("AWS::IAM::Policy");
    String policyId =
        policies.keySet().stream()
            .filter(k -> k.startsWith("ReadyHandlerPolicy"))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> document =
        (Map<String, Object>) properties(policies.get(policyId)).get("PolicyDocument");
    assertThat(document.get("Statement"))
        .isEqualTo(
            List.of(
                Map.of(
                    "Action", "codeconnections:GetConnection",
                    "Effect", "Allow",
                    "Resource", CONNECTION)));
    assertThat(resource.get("DependsOn"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains(policyId);
    assertThat(stack.resolve(check.getStatus()))
        .isEqualTo(
            Map.of(
                "Fn::GetAtt",
                List.of(
                    t.findResources(ReadinessCheck.RESOURCE_TYPE).keySet().iterator().next(),
                    "Status")));
    assertThat(check.getMode()).isEqualTo(ReadinessMode.REQUIRE_AVAILABLE);
  }

  @Test
  void aCheckOfALookedUpConnectionGrantsBothPrefixesOnTheFoundArn() {
    IConnection found = Connection.fromConnectionName(stack, "GitHub", "acme-github");
    ReadinessCheck.Builder.create(stack, "Ready").connection(found).build();

    Template t = Template.fromStack(stack);
    Map<String, Object> policy =
        t.findResources("AWS::IAM::Policy").entrySet().stream()
            .filter(e -> e.getKey().startsWith("ReadyHandlerPolicy"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(String.valueOf(properties(policy).get("PolicyDocument")))
        .contains("codestar-connections:GetConnection")
        .contains("codeconnections:GetConnection")
        .contains("ConnectionArn");
    assertThat(properties(only(t, ReadinessCheck.RESOURCE_TYPE)))
        .containsEntry("Mode", "REPORT")
        .containsEntry(
            "ResourceArn",
            Map.of(
                "Fn::GetAtt",
                List.of(
                    t.findResources(ConnectionLookupProps.RESOURCE_TYPE).keySet().iterator().next(),
                    "ConnectionArn")));
  }

  @Test
  void aCheckOfAHostReadsItWithGetHostOnTheHostsNamespaceProvider() {
    IHost host = Host.fromHostArn(stack, "Ghes", CODESTAR_HOST);
    ReadinessCheck.Builder.create(stack, "Ready").host(host).build();

    Template t = Template.fromStack(stack);
    assertThat(String.valueOf(t.toJSON()))
        .contains("codestar-connections:GetHost")
        .doesNotContain("codeconnections:GetHost");
    assertThat(t.findResources("AWS::Lambda::Function").keySet())
        .anyMatch(k -> k.startsWith("CodeStarConnectionsHostProvider"))
        .noneMatch(k -> k.startsWith("CodeConnectionsHostProvider"));
  }

  @Test
  void theCheckOfAConnectionOnAHostOfTheSameStackMakesNoCycle() {
    Host ghes =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://ghes.example.com")
            .build();
    Connection onGhes = Connection.Builder.create(stack, "OnGhes").host(ghes).build();
    ReadinessCheck.Builder.create(stack, "Ready")
        .connection(onGhes)
        .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
        .build();
    ReadinessCheck.Builder.create(stack, "HostReady").host(ghes).build();

    // Template.fromStack fails on a dependency cycle.
    Map<String, Object> resource =
        Template.fromStack(stack).findResources(ReadinessCheck.RESOURCE_TYPE).entrySet().stream()
            .filter(e -> e.getKey().startsWith("Ready"))
            .findFirst()
            .orElseThrow()
            .getValue();
    // The default: 10 minutes, below the provider's 30 minutes less its 60-second longest wait.
    assertThat(properties(resource)).containsEntry("WaitSeconds", "600");
    assertThat(properties(resource).get("ResourceArn"))
        .isEqualTo(
            Map.of(
                "Fn::GetAtt",
                List.of(id(stack, onGhes.getNode().getDefaultChild()), "ConnectionArn")));
  }

  @Test
  void theSummaryIsAStackOutputUnlessLeftOut() {
    IConnection imported =
        Connection.fromConnectionAttributes(
            stack, "GitHub", new ConnectionAttributes(CONNECTION, "acme-github"));
    ReadinessCheck.Builder.create(stack, "Ready").connection(imported).build();
    ReadinessCheck.Builder.create(stack, "Quiet").connection(imported).output(false).build();

    Map<String, Map<String, Object>> outputs = Template.fromStack(stack).findOutputs("*");
    assertThat(outputs).hasSize(1);
    Map<String, Object> output = outputs.values().iterator().next();
    assertThat(String.valueOf(output.get("Value"))).contains("Summary");
    assertThat((String) output.get("Description"))
        .contains("'acme-github'")
        .contains("Stack/Ready");
  }

  @Test
  void aWaitLongerThanTheProviderAllowsIsRefusedNamingTheSettings() {
    IConnection imported = Connection.fromConnectionArn(stack, "GitHub", CONNECTION);
    assertThatThrownBy(
            () ->
                ReadinessCheck.Builder.create(stack, "Ready")
                    .connection(imported)
                    .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
                    .timeout(Duration.minutes(30))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ReadinessCheck at 'Stack/Ready'")
        .hasMessageContaining("timeout 30 minutes")
        .hasMessageContaining("1 to 1740")
        .hasMessageContaining("HostProviderSettings");
  }

  @Test
  void theWaitBoundFollowsTheStacksProviderSettings() {
    HostProviderSettings.Builder.create(stack)
        .queryInterval(Duration.seconds(30))
        .maxQueryInterval(Duration.minutes(2))
        .totalTimeout(Duration.hours(1))
        .build();
    IConnection imported = Connection.fromConnectionArn(stack, "GitHub", CONNECTION);
    ReadinessCheck.Builder.create(stack, "Ready")
        .connection(imported)
        .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
        .timeout(Duration.minutes(58))
        .build();

    assertThat(properties(only(Template.fromStack(stack), ReadinessCheck.RESOURCE_TYPE)))
        .containsEntry("WaitSeconds", "3480");
    assertThatThrownBy(
            () ->
                ReadinessCheck.Builder.create(stack, "TooLong")
                    .connection(imported)
                    .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
                    .timeout(Duration.seconds(3481))
                    .build())
        .hasMessageContaining("1 to 3480");
  }

  @Test
  void aTimeoutWithoutWaitingAndACheckOfNothingOrTwoThingsAreRefused() {
    IConnection imported = Connection.fromConnectionArn(stack, "GitHub", CONNECTION);
    assertThatThrownBy(
            () ->
                ReadinessCheck.Builder.create(stack, "Timed")
                    .connection(imported)
                    .timeout(Duration.minutes(5))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ReadinessCheck at 'Stack/Timed'")
        .hasMessageContaining("mode REPORT");
    assertThatThrownBy(() -> ReadinessCheck.Builder.create(stack, "Nothing").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ReadinessCheck at 'Stack/Nothing'")
        .hasMessageContaining("neither connection nor host");
    IHost host = Host.fromHostArn(stack, "Ghes", CODESTAR_HOST);
    assertThatThrownBy(
            () ->
                ReadinessCheck.Builder.create(stack, "Both")
                    .connection(imported)
                    .host(host)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both connection and host");
  }
}
