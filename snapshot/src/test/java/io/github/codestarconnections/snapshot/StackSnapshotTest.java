package io.github.codestarconnections.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.origin.snapshots.Expect;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The extension as a user's test uses it (README, "Testing your own stacks"): a stack with an asset
 * and a Lambda version, under the context of the repository's cdk.json, snapshotted beside this
 * class in {@code __snapshots__/StackSnapshotTest.snap}.
 */
@ExtendWith(TemplateSnapshotExtension.class)
class StackSnapshotTest {
  private Expect expect;

  static Stack stack(App app, String assetDir) {
    Stack stack = new Stack(app, "Service");
    Function fn =
        Function.Builder.create(stack, "Handler")
            .runtime(Runtime.PYTHON_3_13)
            .handler("index.handler")
            .code(Code.fromAsset(assetDir))
            .environment(Map.of("QUEUE", new Queue(stack, "Jobs").getQueueUrl()))
            .build();
    fn.getCurrentVersion();
    return stack;
  }

  @Test
  void serviceStack() {
    App app = App.Builder.create().context(CdkJson.context()).build();
    expect.toMatchSnapshot(stack(app, "src/test/resources/handler-v1"));
  }

  @Test
  void otherHandlerCodeGivesTheSameCanonicalTemplate() {
    Stack v1 = stack(new App(), "src/test/resources/handler-v1");
    Stack v2 = stack(new App(), "src/test/resources/handler-v2");

    assertThat(Template.fromStack(v1).toJSON()).isNotEqualTo(Template.fromStack(v2).toJSON());
    assertThat(CanonicalTemplate.of(v1)).isEqualTo(CanonicalTemplate.of(v2));
  }
}
