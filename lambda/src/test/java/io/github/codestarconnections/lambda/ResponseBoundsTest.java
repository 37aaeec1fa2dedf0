package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reasons and Data values fit CloudFormation's 4096-byte response, in bytes, not characters. */
class ResponseBoundsTest {
  @Test
  void reasonsAreBoundedInBytesNotCharacters() {
    String euros = ResourceFailure.truncate("\u20ac".repeat(1000));
    assertThat(euros).endsWith("...");
    assertThat(euros.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    // Counted as the \\u20ac escape an ASCII-only encoder would write: 6 bytes each.
    assertThat(euros).hasSize(166 + 3);
    String emoji = ResourceFailure.truncate("\uD83D\uDE00".repeat(600));
    assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
    assertThat(emoji.substring(0, emoji.length() - 3).codePoints()).containsOnly(0x1F600);
  }

  @Test
  void controlCharactersCountAsTheirJsonEscapes() {
    String cut = ResourceFailure.truncate("\u0001".repeat(1000));
    // Each is \\u0001 (6 bytes) in the JSON body.
    assertThat(cut).isEqualTo("\u0001".repeat(166) + "...");
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharacters() {
    assertThat(ResourceFailure.truncate("a\uD83Db\uDE00c")).isEqualTo("a\uFFFDb\uFFFDc");
    assertThat(ResourceFailure.truncate("ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
  }

  @Test
  void randomTextNeverExceedsTheBudgetNorSplitsACodePoint() {
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(1500);
      for (int i = 0; i < n; i++) {
        b.append(
            (char)
                switch (random.nextInt(5)) {
                  case 0 -> random.nextInt(0x80);
                  case 1 -> 0x80 + random.nextInt(0x780);
                  case 2 -> 0xD800 + random.nextInt(0x800); // surrogates, paired or not
                  default -> random.nextInt(0x10000);
                });
      }
      int budget = 3 + random.nextInt(1200);
      String cut = ResourceFailure.bound(b.toString(), budget);
      assertThat(jsonBytes(cut)).isLessThanOrEqualTo(budget);
      assertThat(cut.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count()).isZero();
    }
  }

  @Test
  void dataValuesAreBounded() {
    Map<String, Object> r =
        ProviderResponse.isComplete(
            new IsCompleteOutcome(
                true,
                Map.of("HostArn", "arn", "Name", "\u20ac".repeat(10_000), "Status", "PENDING"),
                "ready"));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) r.get("Data");
    assertThat(data).containsEntry("HostArn", "arn").containsEntry("Status", "PENDING");
    assertThat(((String) data.get("Name")).getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ProviderResponse.MAX_DATA_VALUE);
  }

  /** What a JSON encoder writes, in UTF-8 bytes, worst case (\\uXXXX for control characters). */
  private static int jsonBytes(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"' || cp == '\\' || cp == '\n' || cp == '\r' || cp == '\t') {
        bytes += 2;
      } else if (cp < 0x20) {
        bytes += 6;
      } else {
        bytes += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return bytes;
  }
}
