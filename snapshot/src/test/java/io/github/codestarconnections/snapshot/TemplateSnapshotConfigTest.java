package io.github.codestarconnections.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateSnapshotConfigTest {
  @Test
  void trueAllOrNothingUpdatesEverySnapshotFalseOrNoneNothingOtherTextTheMatchingOnes() {
    assertThat(TemplateSnapshotConfig.update("true")).contains("");
    assertThat(TemplateSnapshotConfig.update("all")).contains("");
    assertThat(TemplateSnapshotConfig.update("")).contains("");
    assertThat(TemplateSnapshotConfig.update("false")).isEmpty();
    assertThat(TemplateSnapshotConfig.update("none")).isEmpty();
    assertThat(TemplateSnapshotConfig.update("PipelineStackTest"))
        .isEqualTo(Optional.of("PipelineStackTest"));
  }

  @Test
  void snapshotsLiveBesideTheTestsAndAreTemplates() {
    TemplateSnapshotConfig config = new TemplateSnapshotConfig();

    assertThat(config.getOutputDir()).isEqualTo("src/test/java");
    assertThat(config.getSnapshotDir()).isEqualTo("__snapshots__");
    assertThat(config.getSerializer()).isInstanceOf(CanonicalTemplateSerializer.class);
    assertThat(config.getReporters()).singleElement().isInstanceOf(TemplateDiffReporter.class);
  }
}
