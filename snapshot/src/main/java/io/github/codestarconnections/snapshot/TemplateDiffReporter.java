package io.github.codestarconnections.snapshot;

import au.com.origin.snapshots.Snapshot;
import au.com.origin.snapshots.reporters.SnapshotReporter;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Reports a template that differs from its snapshot by the changed lines only (a unified diff with
 * three lines of context; templates run to thousands of lines) and says how to accept the change.
 * It throws JUnit's {@link AssertionFailedError} carrying the snapshot's and the new canonical JSON
 * as its expected and actual values.
 */
public class TemplateDiffReporter implements SnapshotReporter {
  private static final int CONTEXT = 3;

  /** Creates the reporter (java-snapshot-testing instantiates it by reflection). */
  public TemplateDiffReporter() {}

  /**
   * Whether this reporter handles a serializer's output format.
   *
   * @param outputFormat the format
   * @return true: the diff is by lines, whatever the text
   */
  @Override
  public boolean supportsFormat(String outputFormat) {
    return true;
  }

  /**
   * Fails with the difference.
   *
   * @param previous the snapshot on file
   * @param current the snapshot taken now
   * @throws AssertionFailedError always
   */
  @Override
  public void report(Snapshot previous, Snapshot current) {
    String before = unwrap(previous.getBody());
    String after = unwrap(current.getBody());
    List<String> diff = LineDiff.unified(lines(before), lines(after), CONTEXT);
    String message =
        "the template of "
            + current.getIdentifier()
            + " differs from its snapshot (- snapshot, + now):\n"
            + String.join("\n", diff)
            + "\nIf the change is intended, rerun with -D"
            + TemplateSnapshotConfig.UPDATE_PROPERTY
            + "=true (or =<part of the snapshot's name>) and review the snapshot file's diff.";
    throw new AssertionFailedError(message, before, after);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  /** The canonical JSON between java-snapshot-testing's {@code [} and {@code ]} lines. */
  private static String unwrap(String body) {
    if (body.startsWith("[\n") && body.endsWith("\n]")) {
      return body.substring(2, body.length() - 1);
    }
    return body;
  }
}
