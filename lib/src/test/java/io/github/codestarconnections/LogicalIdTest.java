package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * CloudFormation refuses to change a logical id's resource type, and a custom resource's service
 * token: each such change must come with a new logical id (a replacement), while the defaults keep
 * the ids deployed stacks already have.
 */
class LogicalIdTest {
  /**
   * The logical ids of Stack/Ghes (a custom-resource host) and Stack/GitHub (a connection) in every
   * earlier version, as in the GhesHost and GitHubPipeline snapshots.
   */
  private static final String DEFAULT_HOST_ID = "Ghes31FFD526";

  private static final String DEFAULT_CONNECTION_ID = "GitHub38B7EEC4";

  /** One variant of a host, each in a stack of its own at the same construct path. */
  private record Made(String logicalId, String type, Object serviceToken) {}

  private static Made host(HostBackend backend, ServiceNamespace namespace) {
    Stack stack = new Stack(new App(), "Stack");
    Host host =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .backend(backend)
            .serviceNamespace(namespace)
            .build();
    return made(stack, host.getNode().getDefaultChild());
  }

  private static Made connection(ServiceNamespace namespace) {
    Stack stack = new Stack(new App(), "Stack");
    Connection c =
        Connection.Builder.create(stack, "GitHub")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(namespace)
            .build();
    return made(stack, c.getNode().getDefaultChild());
  }

  @SuppressWarnings("unchecked")
  private static Made made(Stack stack, Object defaultChild) {
    String id = stack.getLogicalId((CfnElement) defaultChild);
    Map<String, Object> resource =
        (Map<String, Object>)
            ((Map<String, Object>) Template.fromStack(stack).toJSON().get("Resources")).get(id);
    Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
    return new Made(id, (String) resource.get("Type"), properties.get("ServiceToken"));
  }

  @Test
  void everyHostVariantWithAnotherTypeOrServiceTokenHasAnotherLogicalId() {
    Map<String, Made> variants = new LinkedHashMap<>();
    variants.put("custom codestar", host(null, null));
    variants.put(
        "custom codeconnections",
        host(HostBackend.CUSTOM_RESOURCE, ServiceNamespace.CODECONNECTIONS));
    variants.put("native", host(HostBackend.NATIVE, null));

    // The premise: each pair differs in type or in service token.
    assertThat(variants.values().stream().map(m -> m.type() + m.serviceToken()).distinct())
        .hasSize(3);
    assertThat(variants.values().stream().map(Made::logicalId).distinct()).hasSize(3);
    assertThat(variants.get("custom codestar").logicalId()).isEqualTo(DEFAULT_HOST_ID);
    assertThat(variants.get("native").type()).isEqualTo("AWS::CodeConnections::Host");
  }

  @Test
  void connectionsOfTheTwoTypesHaveTwoLogicalIdsAndTheDefaultKeepsItsOwn() {
    Made codestar = connection(null);
    Made codeconnections = connection(ServiceNamespace.CODECONNECTIONS);

    assertThat(codestar.type()).isNotEqualTo(codeconnections.type());
    assertThat(codestar.logicalId()).isEqualTo(DEFAULT_CONNECTION_ID);
    assertThat(codeconnections.logicalId()).isNotEqualTo(DEFAULT_CONNECTION_ID);
  }

  @Test
  void theDefaultsIdsAreThoseOfAChildCalledResource() {
    // What every earlier version rendered: the CfnResource was the child "Resource".
    Function<String, String> plainChild =
        path -> {
          Stack stack = new Stack(new App(), "Stack");
          CfnResource r =
              CfnResource.Builder.create(new software.constructs.Construct(stack, path), "Resource")
                  .type("Custom::Any")
                  .build();
          return stack.getLogicalId(r);
        };
    assertThat(plainChild.apply("Ghes")).isEqualTo(DEFAULT_HOST_ID);
    assertThat(plainChild.apply("GitHub")).isEqualTo(DEFAULT_CONNECTION_ID);
  }

  @Test
  void theMovedResourcesAreStillTheDefaultChildForRemovalPolicyTagsAndEscapeHatches() {
    Stack stack = new Stack(new App(), "Stack");
    Host custom =
        Host.Builder.create(stack, "Custom")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://a.example.com")
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    Connection c =
        Connection.Builder.create(stack, "C")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    custom.applyRemovalPolicy(RemovalPolicy.DESTROY);
    c.applyRemovalPolicy(RemovalPolicy.DESTROY);
    ((CfnResource) c.getNode().getDefaultChild())
        .addPropertyOverride("ConnectionName", "overridden");

    Template t = Template.fromStack(stack);
    assertThat(t.findResources(Host.RESOURCE_TYPE).values())
        .singleElement()
        .satisfies(r -> assertThat(r.get("DeletionPolicy")).isEqualTo("Delete"));
    assertThat(t.findResources("AWS::CodeConnections::Connection").values())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("DeletionPolicy")).isEqualTo("Delete");
              assertThat(((Map<?, ?>) r.get("Properties")).get("ConnectionName"))
                  .isEqualTo("overridden");
            });
  }
}
