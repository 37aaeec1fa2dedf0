package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

/**
 * The per-stack checks live in the construct tree, one per stack, and what they work out in Java
 * (construct paths, the console address) is what the construct tree and the kernel would say.
 */
class StackChecksTest {
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
        .providerEndpoint("https://" + id.toLowerCase(Locale.ROOT) + ".example.com")
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

    assertThat(stack.getNode().tryFindChild(StackChecks.ID))
        .isInstanceOf(StackChecks.class)
        .isNotSameAs(other.getNode().tryFindChild(StackChecks.ID));
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining(
            "[Stack/Full] Host at 'Stack/Full': has 48 tags (its own and those from Tags.of); at most 47 are"
                + " allowed on a host (50 a resource, less the handler's markers)")
        .hasMessageContaining(
            "[Stack/OnFull] Connection at 'Stack/OnFull': has 51 tags (its own and those from Tags.of); at most"
                + " 50 are allowed");
  }

  @Test
  void aConnectionInAnotherStackThanItsHostIsCheckedInItsOwnStack() {
    Host shared = host(stack, "Shared");
    Stack consumer = new Stack(app, "Consumer");
    Connection.Builder.create(consumer, "OnShared").host(shared).tags(fiftyTags()).build();
    Tags.of(consumer).add("one-more", "v");

    assertThat(consumer.getNode().tryFindChild(StackChecks.ID)).isInstanceOf(StackChecks.class);
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining("[Consumer/OnShared] Connection at 'Consumer/OnShared': has 51 tags");
  }

  @Test
  void aConstructOfTheUsersAtTheChecksIdIsReported() {
    new Construct(stack, StackChecks.ID);

    assertThatThrownBy(() -> host(stack, "Ghes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Host at 'Stack/Ghes': the stack already has a construct with id '"
                + StackChecks.ID
                + "'");
  }

  /** Every place a construct can be made in a stack, with its id: its path must be the kernel's. */
  @Test
  void aPathWorkedOutInJavaIsTheConstructTreesWhereverTheStackIs() {
    Stage stage = new Stage(app, "Prod");
    Stage nested = new Stage(stage, "Eu");
    List<Stack> stacks =
        List.of(stack, new Stack(stage, "InStage"), new Stack(nested, "InNestedStage"));
    List<String> ids = List.of("Ghes", "With Space-and_dash", "A/B", "Line\nBreak", "--");
    for (Stack s : stacks) {
      StackChecks checks = StackChecks.of(s, new Owner("Test", s));
      Construct group = new Construct(s, "Group");
      for (String id : ids) {
        Construct direct = new Construct(s, id);
        Construct inGroup = new Construct(group, id);
        assertThat(checks.pathOf(s, id, direct)).isEqualTo(direct.getNode().getPath());
        assertThat(checks.pathOf(group, id, inGroup)).isEqualTo(inGroup.getNode().getPath());
      }
    }
    assertThat(new Construct(stacks.get(2), "X").getNode().getPath())
        .isEqualTo("Prod/Eu/InNestedStage/X");
  }

  /**
   * A host's role policies are named from its path: an id constructs sanitizes ("Gh/es" is "Gh--es"
   * in the tree) gives the name of the id as the tree has it, and a stack in a stage the name of
   * its full path, as the kernel tells it.
   */
  @Test
  void aHostsRolePolicyNameFollowsItsPathAsTheTreeHasIt() {
    assertThat(rolePolicyName(new Stack(new App(), "S"), "Gh/es"))
        .isEqualTo(rolePolicyName(new Stack(new App(), "S"), "Gh--es"));
    Object inStage = rolePolicyName(new Stack(new Stage(new App(), "Prod"), "S"), "Ghes");
    assertThat(inStage).isNotEqualTo(rolePolicyName(new Stack(new App(), "S"), "Ghes"));
    // The same path, Prod/S/Ghes, made where the kernel is asked (the scope is not the stack).
    Stack prod = new Stack(new App(), "Prod");
    assertThat(inStage).isEqualTo(rolePolicyName(new Construct(prod, "S"), prod, "Ghes"));
  }

  private static Object rolePolicyName(Stack stack, String id) {
    return rolePolicyName(stack, stack, id);
  }

  private static Object rolePolicyName(Construct scope, Stack stack, String id) {
    Host.Builder.create(scope, id)
        .hostName("ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .build();
    return Template.fromStack(stack).findResources("AWS::IAM::RolePolicy").values().stream()
        .map(r -> String.valueOf(((Map<?, ?>) r.get("Properties")).get("PolicyName")))
        .distinct()
        .reduce((a, b) -> "more than one: " + a + ", " + b)
        .orElseThrow();
  }

  /** The handshake output names the connection by the path the console's stack view shows. */
  @Test
  void theHandshakeOutputNamesTheConnectionByItsFullPathAndRegion() {
    Stack inStage =
        new Stack(
            new Stage(app, "Prod"),
            "S",
            StackProps.builder()
                .env(Environment.builder().account("123456789012").region("cn-north-1").build())
                .build());
    Connection.Builder.create(inStage, "Git/Hub").providerType(ProviderType.GITHUB).build();
    Connection.Builder.create(inStage, "GitLab").providerType(ProviderType.GITLAB).build();

    Map<String, Map<String, Object>> outputs = Template.fromStack(inStage).findOutputs("*");
    assertThat(outputs.values().stream().map(o -> String.valueOf(o.get("Description"))))
        .anyMatch(d -> d.contains("(Prod/S/Git--Hub) is PENDING"))
        .anyMatch(d -> d.contains("(Prod/S/GitLab) is PENDING"));
    assertThat(outputs.values().stream().map(o -> o.get("Value")))
        .containsOnly(
            "https://console.amazonaws.cn/codesuite/settings/connections?region=cn-north-1");
  }
}
