package io.github.codestarconnections.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdkJsonTest {
  @TempDir Path dir;

  @Test
  void theContextIsReadInFileOrderWithItsJsonTypes() throws Exception {
    Path file = dir.resolve("cdk.json");
    Files.writeString(
        file,
        """
        {"app": "mvn -e -q compile exec:java",
         "context": {"@aws-cdk/core:target-partitions": ["aws", "aws-cn"],
                     "zone": "eu", "@aws-cdk/aws-lambda:recognizeVersionProps": true, "n": 3}}
        """);

    Map<String, Object> context = CdkJson.context(file);

    assertThat(context)
        .containsExactly(
            Map.entry("@aws-cdk/core:target-partitions", List.of("aws", "aws-cn")),
            Map.entry("zone", "eu"),
            Map.entry("@aws-cdk/aws-lambda:recognizeVersionProps", true),
            Map.entry("n", 3));
  }

  @Test
  void aCdkJsonWithoutContextGivesAnEmptyOne() throws Exception {
    Path file = dir.resolve("cdk.json");
    Files.writeString(file, "{\"app\": \"java -jar app.jar\"}");

    assertThat(CdkJson.context(file)).isEmpty();
  }

  @Test
  void aContextThatIsNotAnObjectOrAFileThatIsNotJsonIsRefusedNamingTheFile() throws Exception {
    Path list = dir.resolve("list.json");
    Files.writeString(list, "{\"context\": []}");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"context\": {");

    assertThatThrownBy(() -> CdkJson.context(list))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(list + ": \"context\" is ARRAY; it must be an object");
    assertThatThrownBy(() -> CdkJson.context(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(broken + " is not JSON: ");
  }

  @Test
  void withoutAPathTheNearestCdkJsonAtOrAboveTheWorkingDirectoryIsRead() {
    // Maven runs this module's tests in snapshot/; the repository's cdk.json is one level up.
    assertThat(Path.of("cdk.json")).doesNotExist();

    assertThat(CdkJson.context())
        .isEqualTo(CdkJson.context(Path.of("..", "cdk.json")))
        .containsKey("@aws-cdk/core:checkSecretUsage");
  }
}
