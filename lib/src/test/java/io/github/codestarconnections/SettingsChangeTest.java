package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * A change of the stack's {@link HostProviderSettings} between two deploys must be an update that
 * CloudFormation accepts: it refuses a change set that changes a resource's type under one logical
 * id ("Update of resource type is not permitted") or a custom resource's {@code ServiceToken}
 * ("Modifying service token is not allowed";
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-customresource.html
 * : ServiceToken, "Update requires: Updates are not supported"). SnapStart in particular points the
 * framework at a published version of the handler, never the hosts' service token at it.
 */
class SettingsChangeTest {
  @Test
  void turningSnapStartOnOrOffKeepsEveryTypeAndServiceToken() {
    Map<String, Object> off = deployed(settings -> {});
    Map<String, Object> on = deployed(settings -> settings.snapStart(true));

    assertSameTypesAndTokens(off, on);
    // The change is real: the handler is published as a version with SnapStart only when on.
    assertThat(countOfType(on, "AWS::Lambda::Version")).isPositive();
    assertThat(countOfType(off, "AWS::Lambda::Version")).isZero();
  }

  @Test
  void changingTheScheduleKeepsEveryTypeAndServiceToken() {
    Map<String, Object> defaults = deployed(settings -> {});
    Map<String, Object> slower =
        deployed(
            settings ->
                settings
                    .queryInterval(Duration.seconds(60))
                    .maxQueryInterval(Duration.minutes(5))
                    .totalTimeout(Duration.hours(1)));

    assertSameTypesAndTokens(defaults, slower);
    assertThat(ProviderTemplates.waiterDefinitions(Template.fromJSON(slower)))
        .isNotEqualTo(ProviderTemplates.waiterDefinitions(Template.fromJSON(defaults)));
  }

  /** A stack with settings, a host in each namespace and a connection on each. */
  private static Map<String, Object> deployed(Consumer<HostProviderSettings.Builder> settings) {
    Stack stack = new Stack(new App(), "Stack");
    HostProviderSettings.Builder builder = HostProviderSettings.Builder.create(stack);
    settings.accept(builder);
    builder.build();
    for (ServiceNamespace namespace : ServiceNamespace.values()) {
      Host host =
          Host.Builder.create(stack, "Host" + namespace.name())
              .hostName("ghes-" + namespace.name().toLowerCase().replace('_', '-'))
              .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
              .providerEndpoint("https://github-" + namespace.ordinal() + ".example.com")
              .serviceNamespace(namespace)
              .build();
      Connection.Builder.create(stack, "Connection" + namespace.name())
          .connectionName("ghes-" + namespace.ordinal())
          .host(host)
          .build();
    }
    return Template.fromStack(stack).toJSON();
  }

  private static void assertSameTypesAndTokens(Map<String, Object> v1, Map<String, Object> v2) {
    Map<String, Object> types1 = types(v1);
    Map<String, Object> types2 = types(v2);
    Map<String, Object> kept = new TreeMap<>(types1);
    kept.keySet().retainAll(types2.keySet());
    // Custom resources of the hosts are in both versions, under the same ids.
    assertThat(kept.values()).contains("Custom::CodeStarConnectionsHost");
    assertThat(kept.entrySet())
        .allSatisfy(e -> assertThat(types2.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue()));
    Map<String, Object> tokens1 = serviceTokens(v1);
    assertThat(tokens1).isNotEmpty();
    assertThat(serviceTokens(v2)).isEqualTo(tokens1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
    return (Map<String, Map<String, Object>>) template.get("Resources");
  }

  private static Map<String, Object> types(Map<String, Object> template) {
    Map<String, Object> types = new LinkedHashMap<>();
    resources(template).forEach((id, r) -> types.put(id, r.get("Type")));
    return types;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> serviceTokens(Map<String, Object> template) {
    Map<String, Object> tokens = new TreeMap<>();
    resources(template)
        .forEach(
            (id, r) -> {
              Object props = r.get("Properties");
              if (props instanceof Map<?, ?> p && p.containsKey("ServiceToken")) {
                tokens.put(id, ((Map<String, Object>) p).get("ServiceToken"));
              }
            });
    return tokens;
  }

  private static long countOfType(Map<String, Object> template, String type) {
    return resources(template).values().stream().filter(r -> type.equals(r.get("Type"))).count();
  }
}
