package io.github.codestarconnections.snapshot;

import static io.github.codestarconnections.snapshot.CanonicalTemplateTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.origin.snapshots.Snapshot;
import au.com.origin.snapshots.SnapshotHeader;
import au.com.origin.snapshots.SnapshotSerializerContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class CanonicalTemplateSerializerTest {
  private static SnapshotSerializerContext context(String scenario) throws NoSuchMethodException {
    return new SnapshotSerializerContext(
        "com.example.PipelineStackTest.template",
        scenario,
        new SnapshotHeader(),
        CanonicalTemplateSerializerTest.class,
        CanonicalTemplateSerializerTest.class.getDeclaredMethod("context", String.class));
  }

  @Test
  void theBodyIsTheCanonicalJsonBetweenBracketLines() throws Exception {
    Map<String, Object> t = map("Resources", map("B", map("Type", "X"), "A", map("Type", "Y")));

    Snapshot s = new CanonicalTemplateSerializer().apply(t, context(null));

    assertThat(s.getBody()).isEqualTo("[\n" + CanonicalTemplate.of(t) + "]");
    assertThat(new CanonicalTemplateSerializer().getOutputFormat()).isEqualTo("JSON");
  }

  @Test
  void aSnapshotWhoseTemplateHoldsBracketEqualsReadsBackUnderItsOwnScenario() throws Exception {
    // A bash line in a buildspec: "]=" would end java-snapshot-testing's scenario name.
    Map<String, Object> t = map("Outputs", map("Cmd", map("Value", "a[0]=x; b[1]=y")));

    Snapshot written = new CanonicalTemplateSerializer().apply(t, context("Prod"));
    Snapshot read = Snapshot.parse(written.raw());

    assertThat(written.getBody()).contains("\"a[0]\\u003dx; b[1]\\u003dy\"");
    assertThat(read.getIdentifier())
        .isEqualTo("com.example.PipelineStackTest.template[Prod]")
        .isEqualTo(written.getIdentifier());
    assertThat(read.getBody()).isEqualTo(written.getBody());
  }

  @Test
  void aStackATemplateAndItsMapGiveTheSameSnapshot() throws Exception {
    App app = new App();
    Stack stack = new Stack(app, "Stack");
    CfnResource.Builder.create(stack, "Thing")
        .type("Test::Thing")
        .properties(Map.of("Size", 3))
        .build();
    Template template = Template.fromStack(stack);
    CanonicalTemplateSerializer serializer = new CanonicalTemplateSerializer();

    String fromStack = serializer.apply(stack, context(null)).getBody();

    assertThat(fromStack).contains("\"Type\" : \"Test::Thing\"").contains("\"Size\" : 3");
    assertThat(serializer.apply(template, context(null)).getBody()).isEqualTo(fromStack);
    assertThat(serializer.apply(template.toJSON(), context(null)).getBody()).isEqualTo(fromStack);
  }

  @Test
  void anythingElseIsRefusedSayingWhatItTakes() {
    assertThatThrownBy(() -> new CanonicalTemplateSerializer().apply("{}", context(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "CanonicalTemplateSerializer snapshots a Stack, an assertions Template or a template"
                + " Map; got a java.lang.String");
  }
}
