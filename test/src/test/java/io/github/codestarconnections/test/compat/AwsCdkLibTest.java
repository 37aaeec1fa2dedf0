package io.github.codestarconnections.test.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.test.templates.ExampleTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/**
 * The aws-cdk-lib the tests run on, and cdk.json against it. {@code mvn verify} runs on the pinned
 * version and {@code mvn verify -Pcdk-floor} on the oldest supported one; these tests prove each
 * build really ran on the version it names, and that cdk.json configures every feature flag that
 * version knows (else {@code cdk synth} prints "N feature flags are not configured").
 */
class AwsCdkLibTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  @Test
  void cdkJsonSetsEveryFeatureFlagThisAwsCdkLibRecommendsToItsRecommendedValue()
      throws IOException {
    Map<String, Object> recommended =
        JSON.readValue(
            fileInJsiiAssembly("package/recommended-feature-flags.json"),
            new TypeReference<TreeMap<String, Object>>() {});
    Map<String, Object> context = ExampleTemplates.cdkJsonContext();
    assertThat(recommended).as("aws-cdk-lib %s's recommended flags", onClasspath()).isNotEmpty();
    Map<String, Object> differing = new TreeMap<>();
    recommended.forEach(
        (flag, value) -> {
          if (!value.equals(context.get(flag))) {
            differing.put(flag, value);
          }
        });
    assertThat(differing)
        .as("flags cdk.json leaves unset or sets otherwise (flag: recommended value)")
        .isEmpty();
  }

  /** Compares dotted numeric versions. */
  private static int compare(String a, String b) {
    int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
    int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
    return Arrays.compare(x, y);
  }

  /**
   * A file of the jsii assembly ({@code aws-cdk-lib@<version>.jsii.tgz}) inside the aws-cdk-lib
   * jar: the npm package the CLI's flag report comes from.
   */
  private static byte[] fileInJsiiAssembly(String name) throws IOException {
    String tgz = "software/amazon/awscdk/aws-cdk-lib@" + onClasspath() + ".jsii.tgz";
    InputStream raw = App.class.getClassLoader().getResourceAsStream(tgz);
    assertThat(raw).as("%s on the classpath", tgz).isNotNull();
    try (InputStream tar = new GZIPInputStream(raw)) {
      byte[] header = new byte[512];
      while (tar.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String entry = field(header, 0, 100);
        int size = Integer.parseInt(field(header, 124, 12).trim(), 8);
        byte[] body = tar.readNBytes(size);
        tar.skipNBytes((512 - size % 512) % 512);
        if (entry.equals(name)) {
          return body;
        }
      }
    }
    throw new AssertionError(name + " is not in " + tgz);
  }

  /** A NUL-terminated ASCII field of a tar header (ustar). */
  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
