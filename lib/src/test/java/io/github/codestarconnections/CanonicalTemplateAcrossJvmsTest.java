package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's snapshot is written on one machine and checked on another, perhaps after a library
 * release that changes only the handler jar: the canonical template of the same stack, written by a
 * second JVM in another locale, time zone, temporary directory and default charset, with another
 * handler jar on its class path, is byte for byte this JVM's, though its raw template shows the
 * other jar.
 */
class CanonicalTemplateAcrossJvmsTest {
  @TempDir Path dir;

  @Test
  void aSecondJvmElsewhereWritesTheSameBytes() throws Exception {
    Path out = dir.resolve("canonical.json");
    Path jarShows = dir.resolve("jar-shows.txt");
    Path tmp = Files.createDirectories(dir.resolve("other-tmp"));
    Path log = dir.resolve("second-jvm.log");
    // The release's jar, ahead of this build's on the second JVM's class path.
    byte[] otherJar = UserStack.anotherHandlerJar();
    Path release = dir.resolve("release");
    Path otherJarFile = release.resolve(HandlerAsset.RESOURCE.substring(1));
    Files.createDirectories(otherJarFile.getParent());
    Files.write(otherJarFile, otherJar);
    // Surefire runs tests from a manifest-only jar and keeps the real class path here.
    String classPath =
        release
            + File.pathSeparator
            + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder second =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "-Duser.language=tr",
                "-Duser.country=TR",
                "-Duser.timezone=Pacific/Chatham",
                "-Dfile.encoding=COMPAT",
                "-Djava.io.tmpdir=" + tmp,
                UserStack.class.getName(),
                out.toString(),
                jarShows.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    second.environment().put("LC_ALL", "C");
    second.environment().put("TZ", "Pacific/Chatham");

    Process p = second.start();
    byte[] ours = UserStack.BASE.canonical().getBytes(StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("second JVM finished").isTrue();
    assertThat(p.exitValue())
        .as("second JVM's exit; its output:\n%s", Files.readString(log))
        .isZero();

    byte[] theirs = Files.readAllBytes(out);
    assertThat(new String(theirs, StandardCharsets.UTF_8))
        .isEqualTo(new String(ours, StandardCharsets.UTF_8));
    assertThat(theirs).isEqualTo(ours);

    // The second JVM did synthesize the other jar: its S3 key is that jar's SHA-256, and the
    // Lambda versions, into whose ids CDK hashes the code, are others.
    Map<String, Object> raw = UserStack.raw(UserStack.BASE.synthesized());
    List<String> shown = Files.readAllLines(jarShows, StandardCharsets.UTF_8);
    assertThat(shown.get(0)).isEqualTo(UserStack.assetKey(otherJar));
    assertThat(UserStack.handlerS3Key(raw))
        .isEqualTo(UserStack.assetKey(HandlerAsset.embeddedJar()))
        .isNotEqualTo(shown.get(0));
    assertThat(UserStack.versionIds(raw)).hasSize(2).doesNotContainAnyElementsOf(shown);
    assertThat(List.of(classPath.split(File.pathSeparator)))
        .as("the second JVM ran this build's lib")
        .anyMatch(e -> e.endsWith("classes"));
  }
}
