package io.github.codestarconnections.test.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.examples.ExamplesApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The examples app's templates, synthesized once per test JVM under the context of the repository's
 * {@code cdk.json} (its feature flags), as the CDK CLI synthesizes them: as raw template maps and
 * as canonical JSON: keys sorted at every level, asset hashes replaced by {@code <asset-hash>} and
 * the code-dependent half of a Lambda version's logical id by {@code <code-hash>} (CDK hashes the
 * function's properties, its code's asset hash included, into {@code currentVersion}'s id), two
 * spaces, LF line ends, so the text is the same on every run and machine, and for every build of
 * the handler jar.
 */
public final class ExampleTemplates {
  private static final Pattern ASSET_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VERSION_HASH =
      Pattern.compile("(CurrentVersion[0-9A-F]{8})[0-9a-f]{32}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Synthesis first;

  /**
   * One synthesis of the examples app.
   *
   * @param stacks the example stacks, in definition order
   * @param templates every example stack's template, by stack name, in definition order
   */
  public record Synthesis(List<Stack> stacks, Map<String, Map<String, Object>> templates) {}

  private ExampleTemplates() {}

  /**
   * The first synthesis of this JVM, made on first use.
   *
   * @return the stacks and their templates
   */
  public static synchronized Synthesis first() {
    if (first == null) {
      first = synthesizeApp();
    }
    return first;
  }

  /**
   * Every example stack's template, by stack name, in definition order.
   *
   * @return the templates
   */
  public static Map<String, Map<String, Object>> all() {
    return first().templates();
  }

  /**
   * Synthesizes a new examples app.
   *
   * @return every example stack's template, by stack name, in definition order
   */
  public static Map<String, Map<String, Object>> synthesize() {
    return synthesizeApp().templates();
  }

  private static Synthesis synthesizeApp() {
    List<Stack> stacks = ExamplesApp.define(newApp());
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Stack stack : stacks) {
      byName.put(stack.getStackName(), Template.fromStack(stack).toJSON());
    }
    return new Synthesis(stacks, byName);
  }

  /**
   * A new app with the {@code context} of the repository's {@code cdk.json}, as {@code cdk synth}
   * gives the examples app.
   *
   * @return the app, with no stacks yet
   */
  public static App newApp() {
    return App.Builder.create().context(cdkJsonContext()).build();
  }

  /**
   * The {@code context} of the repository's {@code cdk.json} (system property {@code
   * repository.dir}, set by test/pom.xml).
   *
   * @return the context, in file order
   */
  public static Map<String, Object> cdkJsonContext() {
    String dir = System.getProperty("repository.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "system property repository.dir is not set; run through Maven (test/pom.xml sets it)");
    }
    Path file = Path.of(dir, "cdk.json");
    try {
      JsonNode context = JSON.readTree(Files.readString(file)).path("context");
      if (!context.isObject()) {
        throw new IllegalStateException(file + " has no \"context\" object");
      }
      return JSON.convertValue(context, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * A template as canonical JSON text.
   *
   * @param template the template
   * @return the JSON, ending in a newline
   */
  public static String canonicalJson(Map<String, Object> template) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(canonical(template)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("template is not JSON", e);
    }
  }

  /**
   * A template as compact JSON, for tools such as cfn-lint.
   *
   * @param template the template
   * @return the JSON
   */
  public static String json(Map<String, Object> template) {
    try {
      return JSON.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("template is not JSON", e);
    }
  }

  private static Object canonical(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(canonicalText(String.valueOf(k)), canonical(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(canonical(v)));
      return out;
    }
    if (value instanceof String s) {
      return canonicalText(s);
    }
    return value;
  }

  private static String canonicalText(String s) {
    String withoutAssets = ASSET_HASH.matcher(s).replaceAll("<asset-hash>");
    return VERSION_HASH.matcher(withoutAssets).replaceAll("$1<code-hash>");
  }
}
