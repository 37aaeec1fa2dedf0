package io.github.codestarconnections.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.origin.snapshots.SnapshotHeader;
import au.com.origin.snapshots.SnapshotSerializerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakenSnapshotsTest {
  @TempDir Path dir;

  @Test
  void theSnapshotsOnFileThatNoTestTookAreNamed() throws Exception {
    TemplateSnapshotConfig config =
        new TemplateSnapshotConfig() {
          @Override
          public String getOutputDir() {
            return dir.toString();
          }
        };
    Class<?> testClass = TakenSnapshotsTest.class;
    CanonicalTemplateSerializer serializer = new CanonicalTemplateSerializer();
    Map<String, Object> t = CanonicalTemplateTest.map("Resources", CanonicalTemplateTest.map());
    StringBuilder file = new StringBuilder();
    for (String scenario : new String[] {"Dev", "Gone", "Prod"}) {
      SnapshotSerializerContext context =
          new SnapshotSerializerContext(
              testClass.getName() + ".template",
              scenario,
              new SnapshotHeader(),
              testClass,
              testClass.getDeclaredMethod("theSnapshotsOnFileThatNoTestTookAreNamed"));
      file.append(file.length() == 0 ? "" : "\n\n\n").append(serializer.apply(t, context).raw());
    }
    Path snap = TakenSnapshots.file(config, testClass);
    Files.createDirectories(snap.getParent());
    Files.writeString(snap, file);
    TakenSnapshots.forget(testClass);
    for (String scenario : new String[] {"Dev", "Prod"}) {
      serializer.apply(
          t,
          new SnapshotSerializerContext(
              testClass.getName() + ".template",
              scenario,
              new SnapshotHeader(),
              testClass,
              testClass.getDeclaredMethod("theSnapshotsOnFileThatNoTestTookAreNamed")));
    }

    assertThat(snap)
        .isEqualTo(
            dir.resolve(
                "io/github/codestarconnections/snapshot/__snapshots__/TakenSnapshotsTest.snap"));
    assertThat(TakenSnapshots.orphans(config, testClass))
        .containsExactly(testClass.getName() + ".template[Gone]");
    TakenSnapshots.forget(testClass);
  }
}
