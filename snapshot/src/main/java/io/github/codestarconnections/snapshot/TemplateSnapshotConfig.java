package io.github.codestarconnections.snapshot;

import au.com.origin.snapshots.SnapshotProperties;
import au.com.origin.snapshots.comparators.SnapshotComparator;
import au.com.origin.snapshots.comparators.v1.PlainTextEqualsComparator;
import au.com.origin.snapshots.config.SnapshotConfig;
import au.com.origin.snapshots.exceptions.MissingSnapshotPropertiesKeyException;
import au.com.origin.snapshots.reporters.SnapshotReporter;
import au.com.origin.snapshots.serializers.SnapshotSerializer;
import java.util.List;
import java.util.Optional;

/**
 * java-snapshot-testing's configuration for template snapshots, so that no {@code
 * snapshot.properties} is needed: snapshot files beside the tests ({@code
 * src/test/java/<package>/__snapshots__/<TestClass>.snap}), the {@link
 * CanonicalTemplateSerializer}, text comparison, and the {@link TemplateDiffReporter}.
 *
 * <p>Snapshots change only on purpose: run the tests with {@code -Dsnapshots.update=true} to
 * rewrite every snapshot they take, or {@code -Dsnapshots.update=<text>} for those whose name (test
 * class, method, scenario) contains the text; then review the diff. Without the system property,
 * java-snapshot-testing's own {@code update-snapshot} key in a {@code snapshot.properties} is
 * honoured. A missing snapshot is written on a developer's machine and fails on a CI server (the
 * {@code CI} environment variable is set), where updating is refused too.
 */
public class TemplateSnapshotConfig implements SnapshotConfig {
  /** The system property that updates snapshots: {@code true}, or a part of their names. */
  public static final String UPDATE_PROPERTY = "snapshots.update";

  /** Creates the configuration (java-snapshot-testing instantiates it by reflection). */
  public TemplateSnapshotConfig() {}

  /**
   * Where snapshot directories go, relative to the working directory (a module's directory).
   *
   * @return {@code src/test/java}
   */
  @Override
  public String getOutputDir() {
    return "src/test/java";
  }

  /**
   * The directory beside a test class that holds its {@code .snap} file.
   *
   * @return {@code __snapshots__}
   */
  @Override
  public String getSnapshotDir() {
    return "__snapshots__";
  }

  /**
   * Which snapshots to rewrite: from the system property {@value #UPDATE_PROPERTY}, else from
   * {@code update-snapshot} in {@code snapshot.properties}.
   *
   * @return empty for none; an empty string for all; else the text their names contain
   */
  @Override
  public Optional<String> updateSnapshot() {
    String property = System.getProperty(UPDATE_PROPERTY);
    if (property != null) {
      return update(property);
    }
    try {
      return update(SnapshotProperties.getOrThrow("update-snapshot"));
    } catch (MissingSnapshotPropertiesKeyException none) {
      return Optional.empty();
    }
  }

  static Optional<String> update(String value) {
    String v = value.trim();
    if (v.isEmpty() || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("all")) {
      return Optional.of("");
    }
    if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  /**
   * The serializer.
   *
   * @return a {@link CanonicalTemplateSerializer}
   */
  @Override
  public SnapshotSerializer getSerializer() {
    return new CanonicalTemplateSerializer();
  }

  /**
   * The comparator.
   *
   * @return exact text comparison
   */
  @Override
  public SnapshotComparator getComparator() {
    return new PlainTextEqualsComparator();
  }

  /**
   * The reporters.
   *
   * @return a {@link TemplateDiffReporter}
   */
  @Override
  public List<SnapshotReporter> getReporters() {
    return List.of(new TemplateDiffReporter());
  }

  /**
   * Whether this is a CI server, where a missing snapshot fails instead of being written.
   *
   * @return whether the {@code CI} environment variable is set
   */
  @Override
  public boolean isCI() {
    return System.getenv("CI") != null;
  }
}
