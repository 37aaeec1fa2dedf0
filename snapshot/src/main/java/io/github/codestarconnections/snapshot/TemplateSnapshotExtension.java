package io.github.codestarconnections.snapshot;

import au.com.origin.snapshots.annotations.UseSnapshotConfig;
import au.com.origin.snapshots.config.SnapshotConfig;
import au.com.origin.snapshots.exceptions.SnapshotMatchException;
import au.com.origin.snapshots.junit5.SnapshotExtension;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * java-snapshot-testing's JUnit 5 extension with {@link TemplateSnapshotConfig}: snapshot a stack
 * with {@code expect.toMatchSnapshot(stack)}, no {@code snapshot.properties} needed.
 *
 * <pre>{@code
 * @ExtendWith(TemplateSnapshotExtension.class)
 * class PipelineStackTest {
 *   private Expect expect; // set by the extension before each test
 *
 *   @Test
 *   void template() {
 *     App app = App.Builder.create().context(CdkJson.context()).build();
 *     expect.toMatchSnapshot(new PipelineStack(app, "Pipeline"));
 *   }
 * }
 * }</pre>
 *
 * <p>When the class's {@code .snap} file holds snapshots none of its tests took (a test renamed, a
 * scenario gone), the class fails naming them. A class annotated {@code @UseSnapshotConfig} uses
 * that configuration instead of this one.
 */
public class TemplateSnapshotExtension extends SnapshotExtension {
  /** Creates the extension (JUnit instantiates it). */
  public TemplateSnapshotExtension() {}

  /**
   * The configuration.
   *
   * @return a {@link TemplateSnapshotConfig}
   */
  @Override
  public SnapshotConfig getSnapshotConfig() {
    return new TemplateSnapshotConfig();
  }

  /**
   * Starts a test class.
   *
   * @param context the class's context
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    TakenSnapshots.forget(context.getRequiredTestClass());
    super.beforeAll(context);
  }

  /**
   * Ends a test class: fails if its {@code .snap} file holds snapshots none of its tests took.
   *
   * @param context the class's context
   */
  @Override
  public void afterAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    try {
      super.afterAll(context);
    } catch (SnapshotMatchException orphans) {
      List<String> names = TakenSnapshots.orphans(config(testClass), testClass);
      throw new AssertionFailedError(
          TakenSnapshots.file(config(testClass), testClass)
              + " holds snapshots that no test in "
              + testClass.getSimpleName()
              + " took: "
              + (names.isEmpty() ? "(see java-snapshot-testing's log)" : String.join(", ", names))
              + "; delete them if their tests are gone or renamed",
          orphans);
    } finally {
      TakenSnapshots.forget(testClass);
    }
  }

  private SnapshotConfig config(Class<?> testClass) {
    UseSnapshotConfig custom = testClass.getAnnotation(UseSnapshotConfig.class);
    if (custom == null) {
      return getSnapshotConfig();
    }
    try {
      return custom.value().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      return getSnapshotConfig();
    }
  }
}
