package io.github.codestarconnections.snapshot;

import au.com.origin.snapshots.Snapshot;
import au.com.origin.snapshots.SnapshotFile;
import au.com.origin.snapshots.SnapshotSerializerContext;
import au.com.origin.snapshots.config.SnapshotConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The snapshots each test class took through {@link CanonicalTemplateSerializer}, so that {@link
 * TemplateSnapshotExtension} can name the ones a {@code .snap} file holds and no test took:
 * java-snapshot-testing names them only in its SLF4J log, which most test classpaths drop.
 */
final class TakenSnapshots {
  private static final Map<Class<?>, Set<String>> TAKEN = new ConcurrentHashMap<>();

  private TakenSnapshots() {}

  static void record(SnapshotSerializerContext context) {
    if (context.getTestClass() == null) {
      return;
    }
    String id =
        context.getScenario() == null
            ? context.getName()
            : context.getName() + "[" + context.getScenario() + "]";
    TAKEN.computeIfAbsent(context.getTestClass(), c -> ConcurrentHashMap.newKeySet()).add(id);
  }

  static void forget(Class<?> testClass) {
    TAKEN.remove(testClass);
  }

  /**
   * The names of the snapshots in a test class's {@code .snap} file that it did not take.
   *
   * @param config where snapshot files are
   * @param testClass the test class
   * @return the names, in file order
   */
  static List<String> orphans(SnapshotConfig config, Class<?> testClass) {
    Path file = file(config, testClass);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    Set<String> taken = TAKEN.getOrDefault(testClass, Set.of());
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Stream.of(text.split(SnapshotFile.SPLIT_STRING))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(s -> Snapshot.parse(s).getIdentifier())
          .filter(id -> !taken.contains(id))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Where java-snapshot-testing keeps a test class's snapshots (its SnapshotVerifier). */
  static Path file(SnapshotConfig config, Class<?> testClass) {
    Path source = Path.of(config.getOutputDir(), testClass.getName().replace('.', '/') + ".snap");
    return source.resolveSibling(config.getSnapshotDir()).resolve(source.getFileName());
  }
}
