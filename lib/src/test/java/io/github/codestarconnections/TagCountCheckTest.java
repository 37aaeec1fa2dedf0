package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/** The per-stack tag count check lives in the construct tree, one per stack. */
class TagCountCheckTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private static Map<String, String> tags(int count) {
    Map<String, String> tags = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      tags.put("k" + i, "v");
    }
    return tags;
  }

  /** As many as a connection takes. */
  private static Map<String, String> fiftyTags() {
    return tags(50);
  }

  private Host host(Stack in, String id) {
    return Host.Builder.create(in, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .tags(tags(47))
        .build();
  }

  @Test
  void oneCheckPerStackCoversItsHostsAndConnectionsAndNoOtherStacks() {
    Host full = host(stack, "Full");
    Connection.Builder.create(stack, "OnFull").host(full).tags(fiftyTags()).build();
    Stack other = new Stack(app, "Other");
    host(other, "AlsoFull");
    Tags.of(stack).add("one-more", "v");

    assertThat(stack.getNode().tryFindChild(ServiceRules.TagCountCheck.ID))
        .isInstanceOf(ServiceRules.TagCountCheck.class)
        .isNotSameAs(other.getNode().tryFindChild(ServiceRules.TagCountCheck.ID));
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining(
            "Host at 'Stack/Full': has 48 tags (its own and those from Tags.of); at most 47 are"
                + " allowed on a host (50 a resource, less the handler's markers)")
        .hasMessageContaining(
            "Connection at 'Stack/OnFull': has 51 tags (its own and those from Tags.of); at most"
                + " 50 are allowed");
  }

  @Test
  void aConnectionInAnotherStackThanItsHostIsCheckedInItsOwnStack() {
    Host shared = host(stack, "Shared");
    Stack consumer = new Stack(app, "Consumer");
    Connection.Builder.create(consumer, "OnShared").host(shared).tags(fiftyTags()).build();
    Tags.of(consumer).add("one-more", "v");

    assertThat(consumer.getNode().tryFindChild(ServiceRules.TagCountCheck.ID))
        .isInstanceOf(ServiceRules.TagCountCheck.class);
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining("Connection at 'Consumer/OnShared': has 51 tags");
  }

  @Test
  void aConstructOfTheUsersAtTheChecksIdIsReported() {
    new Construct(stack, ServiceRules.TagCountCheck.ID);

    assertThatThrownBy(() -> host(stack, "Ghes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Host at 'Stack/Ghes': the stack already has a construct with id '"
                + ServiceRules.TagCountCheck.ID
                + "'");
  }
}
