package io.github.codestarconnections.test.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The official service models and registry schemas in ../shared/reference (the system property
 * {@code reference.dir}), which a user's clone does not have. The tests run on facts the project
 * writes itself; only the tests that compare those facts with the reference need it, and they skip
 * without it, saying what they did not check.
 */
public final class ReferenceData {
  private ReferenceData() {}

  /**
   * A file of the reference data, or the test is skipped (a JUnit assumption) with a message naming
   * what is not checked.
   *
   * @param relative the file under the reference directory, e.g. {@code
   *     cfn-schemas/aws-codeconnections-host.json}
   * @param notChecked what the test would have checked
   * @return the file
   */
  public static Path require(String relative, String notChecked) {
    Optional<Path> file = find(relative);
    Assumptions.assumeTrue(
        file.isPresent(),
        () ->
            "not checked: "
                + notChecked
                + " (the reference data ../shared/reference, reference.dir="
                + System.getProperty("reference.dir")
                + ", has no "
                + relative
                + "; a user's clone has none)");
    return file.get();
  }

  /**
   * A file of the reference data.
   *
   * @param relative the file under the reference directory
   * @return the file, or empty when the reference data (or that file) is absent
   */
  public static Optional<Path> find(String relative) {
    return CfnSchema.referenceDir().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
  }
}
