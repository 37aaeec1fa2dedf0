package io.github.codestarconnections.test.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * The aws-cdk-lib the tests run on. {@code mvn verify} runs on the pinned version and {@code mvn
 * verify -Pcdk-floor} on the oldest supported one; these tests prove each build really ran on the
 * version it names.
 */
class AwsCdkLibTest {
  /** The aws-cdk-lib on the classpath, from its jar's manifest. */
  private static String onClasspath() {
    return App.class.getPackage().getImplementationVersion();
  }

  @Test
  void theTestsRunOnTheAwsCdkLibTheBuildAsksFor() {
    assertThat(onClasspath())
        .as("aws-cdk-lib on the test classpath (-Pcdk-floor asks for the floor)")
        .isNotBlank()
        .isEqualTo(System.getProperty("aws-cdk-lib.version"));
  }

  @Test
  void thePinnedAwsCdkLibIsNotOlderThanTheSupportedFloor() {
    String floor = System.getProperty("aws-cdk-lib.floor");
    assertThat(compare(onClasspath(), floor))
        .as("aws-cdk-lib %s against the floor %s", onClasspath(), floor)
        .isGreaterThanOrEqualTo(0);
  }

  /** Compares dotted numeric versions. */
  private static int compare(String a, String b) {
    int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
    int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
    return Arrays.compare(x, y);
  }
}
