package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

class JsiiShortcutsTest {
  @Test
  void isUnresolvedAgreesWithTheKernelOnLiteralsAndTokens() {
    List<String> values = new ArrayList<>();
    values.add("ghes-1");
    values.add("");
    values.add("https://github.example.com/${x}");
    values.add("${Token[not a token");
    values.add("{Token[TOKEN.1]}");
    values.add(Aws.REGION);
    values.add("prefix-" + Aws.ACCOUNT_ID + "-suffix");
    values.add(Fn.importValue("Shared-Arn"));
    values.add(Lazy.string(() -> "later"));
    values.add(Token.asString(Fn.split("/", "a/b")));
    for (String value : values) {
      assertThat(JsiiShortcuts.isUnresolved(value))
          .as("isUnresolved(%s)", value)
          .isEqualTo(Token.isUnresolved(value));
    }
    assertThat(JsiiShortcuts.isUnresolved(null)).isFalse();
  }

  @Test
  void stackOfIsTheScopeWhenItIsAStackElseTheKernelsAnswer() {
    App app = new App();
    Stack stack = new Stack(app, "Stack");
    Construct group = new Construct(stack, "Group");
    Construct inGroup = new Construct(group, "Child");

    assertThat(JsiiShortcuts.stackOf(stack, group)).isSameAs(stack);
    assertThat(JsiiShortcuts.stackOf(group, inGroup)).isSameAs(stack);
  }
}
