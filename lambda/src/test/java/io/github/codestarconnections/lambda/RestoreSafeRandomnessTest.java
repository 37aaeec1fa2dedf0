package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With SnapStart, every environment restored from one snapshot starts with the generator states the
 * snapshot holds: {@code java.util.Random} and {@code ThreadLocalRandom} would draw the same jitter
 * in every environment, so retries of parallel hosts would wait in step; {@code SecureRandom} is
 * reseeded on restore (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html). The
 * handler's classes must therefore name neither generator.
 */
class RestoreSafeRandomnessTest {
  /** A class constant or descriptor naming either generator (not RandomAccess and the like). */
  private static final Pattern UNSAFE =
      Pattern.compile(
          "java/util/(concurrent/ThreadLocalRandom|Random|SplittableRandom)(?![A-Za-z])");

  @Test
  void noHandlerClassDrawsFromAGeneratorASnapshotWouldCopy() throws IOException {
    Path classes =
        Paths.get(Pacing.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<String> offenders;
    try (Stream<Path> files = Files.walk(classes)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .filter(RestoreSafeRandomnessTest::namesAnUnsafeGenerator)
              .map(classes::relativize)
              .map(Path::toString)
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(classes.resolve("io/github/codestarconnections/lambda/Pacing.class")).exists();
    assertThat(offenders).isEmpty();
  }

  @Test
  void theHandlersJitterIsDrawnInTheUnitInterval() {
    Pacing pacing = Pacing.real();
    double low = 1;
    double high = 0;
    for (int i = 0; i < 200; i++) {
      double r = pacing.random();
      assertThat(r).isGreaterThanOrEqualTo(0).isLessThan(1);
      low = Math.min(low, r);
      high = Math.max(high, r);
    }
    // 200 uniform draws all within one half would be a broken (or fixed) generator.
    assertThat(low).isLessThan(0.5);
    assertThat(high).isGreaterThan(0.5);
  }

  private static boolean namesAnUnsafeGenerator(Path file) {
    try {
      // Class-file constants are modified UTF-8; ISO-8859-1 keeps every byte as one char.
      String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return UNSAFE.matcher(constants).find();
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
