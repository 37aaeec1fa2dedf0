package io.github.codestarconnections.snapshot;

import static io.github.codestarconnections.snapshot.CanonicalTemplateTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.origin.snapshots.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TemplateDiffReporterTest {
  private static Snapshot snapshot(Map<String, Object> template) {
    return Snapshot.builder()
        .name("com.example.PipelineStackTest.template")
        .scenario("Prod")
        .body(CanonicalTemplateSerializer.body(CanonicalTemplate.of(template)))
        .build();
  }

  private static Map<String, Object> template(int memory) {
    Map<String, Object> resources = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      resources.put("Queue" + i, map("Type", "AWS::SQS::Queue"));
    }
    resources.put(
        "Fn", map("Type", "AWS::Lambda::Function", "Properties", map("MemorySize", memory)));
    return map("Resources", resources);
  }

  @Test
  void aChangedTemplateIsReportedByTheChangedLinesWithContextAndHowToAcceptIt() {
    Snapshot before = snapshot(template(1024));
    Snapshot after = snapshot(template(2048));

    AssertionFailedError e =
        catchThrowableOfType(
            AssertionFailedError.class, () -> new TemplateDiffReporter().report(before, after));

    assertThat(e.getMessage())
        .startsWith(
            "the template of com.example.PipelineStackTest.template[Prod] differs from its"
                + " snapshot (- snapshot, + now):\n@@ -")
        .contains("\n-        \"MemorySize\" : 1024\n+        \"MemorySize\" : 2048\n")
        .contains("-Dsnapshots.update=true")
        .doesNotContain("Queue1\"");
    assertThat(e.getMessage().lines().filter(l -> l.startsWith(" "))).hasSize(6);
    assertThat(e.getExpected().getValue()).isEqualTo(CanonicalTemplate.of(template(1024)));
    assertThat(e.getActual().getValue()).isEqualTo(CanonicalTemplate.of(template(2048)));
  }

  @Test
  void hunksNumberTheLinesOfBothTexts() {
    List<String> before = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    List<String> after = List.of("a", "b", "c", "d", "X", "f", "g", "h", "i", "j", "k");

    assertThat(LineDiff.unified(before, after, 1))
        .containsExactly(
            "@@ -4,3 +4,3 @@", " d", "-e", "+X", " f", "@@ -10,1 +10,2 @@", " j", "+k");
    assertThat(LineDiff.unified(before, before, 3)).isEmpty();
  }

  @Test
  void theHunksRebuildBothTextsWithTheFewestChanges() {
    java.util.Random random = new java.util.Random(15);
    for (int round = 0; round < 200; round++) {
      List<String> before = randomLines(random);
      List<String> after = randomLines(random);

      List<String> all = LineDiff.unified(before, after, 100_000);

      if (before.equals(after)) {
        assertThat(all).isEmpty();
        continue;
      }
      List<String> body = all.subList(1, all.size());
      assertThat(body.stream().filter(l -> !l.startsWith("+")).map(l -> l.substring(1)))
          .containsExactlyElementsOf(before);
      assertThat(body.stream().filter(l -> !l.startsWith("-")).map(l -> l.substring(1)))
          .containsExactlyElementsOf(after);
    }
    // Myers' own example: ABCABBA to CBABAC takes 5 edits at the least.
    List<String> edits =
        LineDiff.unified(
            List.of("A", "B", "C", "A", "B", "B", "A"), List.of("C", "B", "A", "B", "A", "C"), 10);
    assertThat(edits.stream().filter(l -> l.startsWith("-") || l.startsWith("+"))).hasSize(5);
  }

  private static List<String> randomLines(java.util.Random random) {
    int n = random.nextInt(12);
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
    }
    return lines;
  }
}
