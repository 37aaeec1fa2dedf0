package io.github.codestarconnections.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Canonical templates of stacks: as the stack's own synthesis gives them. */
class CanonicalTemplateOfStackTest {
  private static void thing(software.constructs.Construct scope, String id, int size) {
    CfnResource.Builder.create(scope, id)
        .type("Test::Thing")
        .properties(Map.of("Size", size))
        .build();
  }

  @Test
  void aStackAndItsTemplateMapGiveTheSameTextAndANestedStackHasItsOwn() {
    App app = new App();
    Stack parent = new Stack(app, "Parent");
    thing(parent, "Outer", 1);
    NestedStack nested = new NestedStack(parent, "Inner");
    thing(nested, "Inner", 2);

    String parentText = CanonicalTemplate.of(parent);
    String nestedText = CanonicalTemplate.of(nested);

    assertThat(parentText)
        .isEqualTo(CanonicalTemplate.of(Template.fromStack(parent).toJSON()))
        .contains("\"Type\" : \"AWS::CloudFormation::Stack\"")
        .contains("<asset-hash>.json");
    assertThat(nestedText)
        .contains("\"Size\" : 2")
        .doesNotContain("\"Size\" : 1")
        .doesNotContain("BootstrapVersion");
  }

  @Test
  void aConstructAddedAfterTheSnapshotIsRefusedByAwsCdkLib() {
    App app = new App();
    Stack stack = new Stack(app, "Stack");
    thing(stack, "First", 1);
    String before = CanonicalTemplate.of(stack);
    thing(stack, "Second", 2);

    assertThat(before).contains("\"First\"");
    assertThatThrownBy(() -> CanonicalTemplate.of(stack))
        .hasMessageContaining("construct tree was modified after the first synthesis");
  }

  @Test
  void aNullStackOrTemplateIsRefused() {
    assertThatThrownBy(() -> CanonicalTemplate.of((Stack) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stack is null; give the Stack to snapshot");
    assertThatThrownBy(() -> CanonicalTemplate.of((Map<String, Object>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("template is null; give a template map");
  }
}
