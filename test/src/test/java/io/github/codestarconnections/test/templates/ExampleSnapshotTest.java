package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each example stack's template must equal its snapshot in {@code src/test/resources/snapshots}.
 *
 * <p>Update the snapshots on purpose only, and review the diff: {@code mvn verify
 * -Dsnapshots.update=true}. In update mode every snapshot is rewritten and the tests pass.
 */
class ExampleSnapshotTest {
  static final Path SNAPSHOTS = Path.of("src", "test", "resources", "snapshots");
  private static final boolean UPDATE = Boolean.getBoolean("snapshots.update");

  @TestFactory
  Stream<DynamicTest> everyExampleStackMatchesItsSnapshot() {
    return ExampleTemplates.all().entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
  }

  private static void check(String stackName, Map<String, Object> template) throws IOException {
    String actual = ExampleTemplates.canonicalJson(template);
    Path file = SNAPSHOTS.resolve(stackName + ".json");
    if (UPDATE) {
      Files.createDirectories(SNAPSHOTS);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as(
            "snapshot %s is missing; create it on purpose with mvn verify -Dsnapshots.update=true",
            file)
        .exists();
    assertThat(actual)
        .as(
            "template of %s differs from %s; if the change is intended, run mvn verify"
                + " -Dsnapshots.update=true and review the diff",
            stackName, file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void aSecondSynthesisGivesTheSameCanonicalTemplates() {
    Map<String, Map<String, Object>> again = ExampleTemplates.synthesize();
    assertThat(again.keySet()).isEqualTo(ExampleTemplates.all().keySet());
    again.forEach(
        (name, template) ->
            assertThat(ExampleTemplates.canonicalJson(template))
                .as(name)
                .isEqualTo(ExampleTemplates.canonicalJson(ExampleTemplates.all().get(name)))
                .doesNotContain("\r"));
  }

  @TestFactory
  Stream<DynamicTest> noSnapshotIsLeftWithoutItsStack() throws IOException {
    try (Stream<Path> files = Files.list(SNAPSHOTS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .toList()
          .stream()
          .map(
              n ->
                  DynamicTest.dynamicTest(
                      n,
                      () ->
                          assertThat(ExampleTemplates.all())
                              .as("snapshot %s has no example stack; delete it", n)
                              .containsKey(n.substring(0, n.length() - ".json".length()))));
    }
  }
}
