package io.github.codestarconnections;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.assets.AssetOptions;

/**
 * The host handler's shaded jar, which the build puts inside lib's jar, turned into a Lambda asset
 * directory at synth.
 *
 * <p>The directory is {@code <tmp>/codestarconnections-host-handler-<sha256>/lib/host-handler.jar}
 * (the Java runtime puts {@code lib/*.jar} on the class path), and the asset hash is the jar's
 * SHA-256, so the same jar gives the same hash on every machine and every synth.
 */
final class HandlerAsset {
  static final String RESOURCE = "/io/github/codestarconnections/handler/host-handler.jar";

  /**
   * The extracted jar, once per JVM: an immutable value derived from the class path alone (no
   * construct, stack or app is part of it), in a directory named by the jar's content.
   */
  private static volatile Extracted extracted;

  private HandlerAsset() {}

  /** The asset directory and the jar's SHA-256 (hex). */
  record Extracted(Path directory, String sha256) {}

  /**
   * Lambda code for the host handler.
   *
   * @return code from the extracted asset directory, hashed by the jar's content
   */
  static Code code() {
    Extracted e = extract();
    return Code.fromAsset(
        e.directory().toString(),
        AssetOptions.builder().assetHashType(AssetHashType.CUSTOM).assetHash(e.sha256()).build());
  }

  /**
   * Extracts the jar once per JVM (and once per content on disk).
   *
   * @return where it is
   */
  static Extracted extract() {
    Extracted e = extracted;
    if (e == null) {
      synchronized (HandlerAsset.class) {
        e = extracted;
        if (e == null) {
          e = extractNow();
          extracted = e;
        }
      }
    }
    return e;
  }

  /**
   * The embedded jar's bytes.
   *
   * @return the jar that lib's build copied in from the lambda module
   */
  static byte[] embeddedJar() {
    return readResource();
  }

  private static Extracted extractNow() {
    byte[] jar = readResource();
    String sha = sha256(jar);
    Path dir =
        Path.of(System.getProperty("java.io.tmpdir"), "codestarconnections-host-handler-" + sha);
    Path target = dir.resolve("lib").resolve("host-handler.jar");
    try {
      if (!Files.isRegularFile(target) || !sha.equals(sha256(Files.readAllBytes(target)))) {
        Files.createDirectories(target.getParent());
        // Write beside and move, so a parallel synth never sees half a jar.
        Path partial = Files.createTempFile(target.getParent(), "host-handler", ".partial");
        Files.write(partial, jar);
        try {
          Files.move(
              partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the host handler asset to " + dir, ex);
    }
    return new Extracted(dir, sha);
  }

  private static byte[] readResource() {
    try (InputStream in = HandlerAsset.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the host handler jar "
                + RESOURCE
                + " is not on the class path; build with 'mvn verify' (or package) so that the"
                + " lambda module's shaded jar is copied into lib");
      }
      return in.readAllBytes();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot read " + RESOURCE, ex);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
    }
  }
}
