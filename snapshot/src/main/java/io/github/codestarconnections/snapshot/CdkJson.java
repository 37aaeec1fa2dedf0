package io.github.codestarconnections.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code context} of a project's {@code cdk.json}: the feature flags and values the CDK CLI
 * gives the app at {@code cdk synth}. A test that builds its {@code App} with them synthesizes the
 * template that {@code cdk synth} writes; with a bare {@code new App()} the feature flags take
 * their old defaults and the template can differ.
 *
 * <pre>{@code
 * App app = App.Builder.create().context(CdkJson.context()).build();
 * }</pre>
 */
public final class CdkJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CdkJson() {}

  /**
   * The context of the {@code cdk.json} in the working directory or the nearest directory above it
   * (a Maven or Gradle test runs in its module's directory; in a multi-module build {@code
   * cdk.json} is often at the root).
   *
   * @return the context, in file order; empty if {@code cdk.json} has no {@code context}
   * @throws IllegalStateException if no {@code cdk.json} is found, or it is not JSON
   */
  public static Map<String, Object> context() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("cdk.json");
      if (Files.isRegularFile(file)) {
        return context(file);
      }
    }
    throw new IllegalStateException(
        "no cdk.json in " + start + " or above it; give its path: CdkJson.context(Path)");
  }

  /**
   * The context of a given {@code cdk.json}.
   *
   * @param cdkJson the file
   * @return the context, in file order; empty if the file has no {@code context}
   * @throws IllegalStateException if the file is not JSON, or its {@code context} is not an object
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Map<String, Object> context(Path cdkJson) {
    String text;
    try {
      text = Files.readString(cdkJson);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + cdkJson, e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(cdkJson + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalStateException(cdkJson + " is not a JSON object");
    }
    JsonNode context = root.path("context");
    if (context.isMissingNode()) {
      return new LinkedHashMap<>();
    }
    if (!context.isObject()) {
      throw new IllegalStateException(
          cdkJson + ": \"context\" is " + context.getNodeType() + "; it must be an object");
    }
    return JSON.convertValue(context, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}
