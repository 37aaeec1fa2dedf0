package io.github.codestarconnections.snapshot;

import static io.github.codestarconnections.snapshot.CanonicalTemplateTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical text: the format snapshot files are committed in. */
class CanonicalJsonTest {
  @Test
  void keysAreSortedAtEveryLevelListsKeepTheirOrderAndTheTextEndsInALineEnd() {
    Map<String, Object> t =
        map("b", map("z", 1, "a", List.of(3, 1, 2)), "a", List.of(map("y", true, "x", false)));

    assertThat(CanonicalTemplate.of(t))
        .isEqualTo(
            """
            {
              "a" : [
                {
                  "x" : false,
                  "y" : true
                }
              ],
              "b" : {
                "a" : [
                  3,
                  1,
                  2
                ],
                "z" : 1
              }
            }
            """);
  }

  @Test
  void theKeyOrderOfTheGivenMapDoesNotMatter() {
    Map<String, Object> forward = new LinkedHashMap<>();
    Map<String, Object> backward = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      forward.put("K" + i, i);
      backward.put("K" + (49 - i), 49 - i);
    }

    assertThat(CanonicalTemplate.of(forward)).isEqualTo(CanonicalTemplate.of(backward));
  }

  @Test
  void emptyObjectsAndListsAndNullsAreWrittenOnOneLine() {
    assertThat(CanonicalTemplate.of(map("a", map(), "b", List.of(), "c", null)))
        .isEqualTo("{\n  \"a\" : { },\n  \"b\" : [ ],\n  \"c\" : null\n}\n");
  }

  @Test
  void stringsEscapeOnlyWhatJsonRequires() {
    String s = "quote \" backslash \\ nl \n cr \r tab \t bs \b ff \f nul \u0000 us \u001f";
    String kept = "ü 中 😀 / ' < > & \u007f \u2028";

    assertThat(CanonicalTemplate.of(map("s", s, "kept", kept)))
        .contains(
            "\"s\" : \"quote \\\" backslash \\\\ nl \\n cr \\r tab \\t bs \\b ff \\f nul \\u0000"
                + " us \\u001F\"")
        .contains("\"kept\" : \"" + kept + "\"");
  }

  @Test
  void numbersAreWrittenAsJavaScriptWroteThem() {
    Map<String, Object> t =
        map(
            "int",
            30,
            "long",
            12345678901L,
            "wholeDouble",
            3.0,
            "negativeZero",
            -0.0,
            "fraction",
            0.5,
            "big",
            new BigInteger("123456789012345678901234567890"),
            "decimal",
            new BigDecimal("2.50"));

    assertThat(CanonicalTemplate.of(t))
        .contains("\"int\" : 30,")
        .contains("\"long\" : 12345678901,")
        .contains("\"wholeDouble\" : 3\n")
        .contains("\"negativeZero\" : 0,")
        .contains("\"fraction\" : 0.5,")
        .contains("\"big\" : 123456789012345678901234567890,")
        .contains("\"decimal\" : 2.5,");
  }
}
