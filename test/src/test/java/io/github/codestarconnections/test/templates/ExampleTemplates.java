package io.github.codestarconnections.test.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.examples.ExamplesApp;
import io.github.codestarconnections.snapshot.CdkJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The examples app, synthesized once per test JVM under the context of the repository's {@code
 * cdk.json} (its feature flags), as the CDK CLI synthesizes it. Tests read its stacks, their raw
 * templates and the cloud assembly's messages from that one synthesis; snapshots take the stacks'
 * canonical form through the public {@code codestarconnections-cdk-snapshot} API.
 */
public final class ExampleTemplates {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Synthesis first;

  /**
   * One synthesis of the examples app.
   *
   * @param stacks the example stacks, in definition order
   * @param templates every example stack's template, by stack name, in definition order
   * @param assembly the cloud assembly (templates and each stack's messages)
   */
  public record Synthesis(
      List<Stack> stacks, Map<String, Map<String, Object>> templates, CloudAssembly assembly) {}

  private ExampleTemplates() {}

  /**
   * The first synthesis of this JVM, made on first use.
   *
   * @return the stacks and their templates
   */
  public static synchronized Synthesis first() {
    if (first == null) {
      first = synthesize();
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
   * Synthesizes a new examples app: one synthesis for all its stacks.
   *
   * @return its stacks, templates and cloud assembly
   */
  @SuppressWarnings("unchecked")
  public static Synthesis synthesize() {
    App app = newApp();
    List<Stack> stacks = ExamplesApp.define(app);
    CloudAssembly assembly = app.synth();
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Stack stack : stacks) {
      byName.put(
          stack.getStackName(),
          (Map<String, Object>) assembly.getStackArtifact(stack.getArtifactId()).getTemplate());
    }
    return new Synthesis(stacks, byName, assembly);
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
    return CdkJson.context(Path.of(dir, "cdk.json"));
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
}
