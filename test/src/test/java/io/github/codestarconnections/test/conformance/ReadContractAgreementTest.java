package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ConnectionLookupProps;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ReadinessCheck;
import io.github.codestarconnections.ReadinessMode;
import io.github.codestarconnections.Rerun;
import io.github.codestarconnections.ServiceNamespace;
import io.github.codestarconnections.lambda.ReadEvent;
import io.github.codestarconnections.lambda.ReadEvent.CheckMode;
import io.github.codestarconnections.lambda.ReadEventParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * lib renders exactly what the handler reads: the resource types it dispatches on, the modes it
 * knows, and properties its parser accepts (every scalar a string, as CloudFormation sends them).
 */
class ReadContractAgreementTest {
  @Test
  void libAndTheHandlerNameTheSameResourceTypesAndModes() {
    assertThat(ConnectionLookupProps.RESOURCE_TYPE).isEqualTo(ReadEvent.LOOKUP_TYPE);
    assertThat(ReadinessCheck.RESOURCE_TYPE).isEqualTo(ReadEvent.CHECK_TYPE);
    assertThat(Arrays.stream(ReadinessMode.values()).map(Enum::name))
        .containsExactlyElementsOf(Arrays.stream(CheckMode.values()).map(Enum::name).toList());
  }

  @Test
  void theHandlerParsesWhatLibRenders() {
    Stack stack =
        new Stack(App.Builder.create().context(Map.of(Rerun.CONTEXT_KEY, "run-7")).build(), "S");
    IConnection found =
        Connection.fromConnectionLookup(
            stack,
            "GitHub",
            ConnectionLookupProps.builder()
                .connectionName("acme-github")
                .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
                .providerType(ProviderType.GITHUB)
                .rerun(Rerun.EVERY_DEPLOY)
                .build());
    ReadinessCheck.Builder.create(stack, "Ready")
        .connection(found)
        .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
        .timeout(Duration.minutes(3))
        .build();
    Template t = Template.fromStack(stack);

    ReadEvent lookup = parse(t, ReadEvent.LOOKUP_TYPE, Map.of());
    assertThat(lookup.lookup().name()).isEqualTo("acme-github");
    assertThat(lookup.lookup().providerTypeFilter()).isEqualTo("GitHub");
    assertThat(lookup.lookup().namespace().arnService()).isEqualTo("codeconnections");

    String arn = "arn:aws:codeconnections:us-east-1:123456789012:connection/0b1c2d3e";
    ReadEvent check =
        parse(
            t,
            ReadEvent.CHECK_TYPE,
            Map.of(
                "ResourceArn",
                arn,
                "ConsoleAddress",
                "https://console.aws.amazon.com/codesuite/settings/connections?region=us-east-1"));
    assertThat(check.check().mode()).isEqualTo(CheckMode.WAIT_FOR_AVAILABLE);
    assertThat(check.check().waitSeconds()).isEqualTo(180);
    assertThat(check.check().host()).isFalse();
  }

  /**
   * The template's resource of a type, as CloudFormation hands it over with intrinsics resolved.
   */
  @SuppressWarnings("unchecked")
  private static ReadEvent parse(Template t, String type, Map<String, Object> resolved) {
    Map<String, Object> resource = t.findResources(type).values().iterator().next();
    Map<String, Object> props =
        new LinkedHashMap<>((Map<String, Object>) resource.get("Properties"));
    props.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:framework");
    props.putAll(resolved);
    props.replaceAll((k, v) -> v instanceof String ? v : fail(k, v));
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("RequestType", "Create");
    event.put("RequestId", "req-1");
    event.put("LogicalResourceId", "Read");
    event.put("ResourceType", type);
    event.put("ResourceProperties", props);
    return ReadEventParser.parse(event);
  }

  private static Object fail(String key, Object value) {
    throw new AssertionError(key + " is left unresolved in this test: " + value);
  }
}
