package io.github.codestarconnections.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks write their tables: {@code bench.results} (bench/target/results). */
final class Results {
  private Results() {}

  static Path dir() {
    Path dir = Path.of(System.getProperty("bench.results", "target/results"));
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(String name, String markdown) {
    try {
      Files.writeString(dir().resolve(name), markdown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
