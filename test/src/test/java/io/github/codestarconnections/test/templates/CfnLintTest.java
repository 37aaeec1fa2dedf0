package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.test.conformance.ReferenceData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint over every example template: no errors, and no warnings but the ones aws-cdk itself
 * causes, listed in {@link #isFromAwsCdkInternals}. Skips, saying so, when cfn-lint is not on PATH
 * (it is a Python tool the Maven build cannot install). Passing, it prints nothing: findings show
 * only in a failure.
 *
 * <p>cfn-lint 1.51 has no schema of its own for {@code AWS::CodeConnections::Host} (E3006 "does not
 * exist"); {@code --registry-schemas} with the type's registry schema, as README.md tells users,
 * makes it known. cfn-lint 1.51 then checks that the type exists and none of its properties
 * (registry schemas are not used for property checks: cfnlint/schema/manager.py's
 * get_resource_schemas_by_regions looks types up in its own region tables only), which
 * SchemaConformanceTest does against the same schema. The schema comes from the reference data
 * (../shared/reference), so without it the example templates with that type are not linted, and say
 * so.
 */
class CfnLintTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The resource type cfn-lint 1.51 knows only through its registry schema. */
  static final String NATIVE_HOST_TYPE = "AWS::CodeConnections::Host";

  private static final String NATIVE_HOST_SCHEMA = "cfn-schemas/aws-codeconnections-host.json";

  @TempDir Path dir;

  /** What cfn-lint said about one template. */
  record Lint(List<JsonNode> findings, String stderr) {}

  /**
   * Runs cfn-lint on a template.
   *
   * @param dir where to write it
   * @param name the stack name
   * @param template the template
   * @param registrySchemas a directory of registry schemas for {@code --registry-schemas}, or null
   * @return the findings, each with Level, Rule.Id, Message and Location, and what cfn-lint wrote
   *     to stderr
   */
  static Lint lint(Path dir, String name, Map<String, Object> template, Path registrySchemas)
      throws IOException, InterruptedException {
    Path file = dir.resolve(name + ".template.json");
    Files.writeString(file, ExampleTemplates.json(template), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "json"));
    if (registrySchemas != null) {
      command.addAll(List.of("--registry-schemas", registrySchemas.toString()));
    }
    command.addAll(List.of("--", file.toString()));
    Path stderr = dir.resolve(name + ".stderr.txt");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();
    String errors = Files.readString(stderr, StandardCharsets.UTF_8);
    List<JsonNode> findings = new ArrayList<>();
    JSON.readTree(out).forEach(findings::add);
    return new Lint(findings, errors);
  }

  /**
   * A directory holding only the native host's registry schema, copied from the reference data.
   *
   * @param dir where to make it
   * @return the directory, or empty when the reference data is absent
   */
  static Optional<Path> registrySchemas(Path dir) throws IOException {
    Optional<Path> schema = ReferenceData.find(NATIVE_HOST_SCHEMA);
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    Path registry = Files.createDirectories(dir.resolve("registry-schemas"));
    Files.copy(schema.get(), registry.resolve(schema.get().getFileName()));
    return Optional.of(registry);
  }

  static boolean cfnLintOnPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "cfn-lint"))) {
        return true;
      }
    }
    return false;
  }

  static String describe(JsonNode f) {
    return f.path("Level").asText()
        + " "
        + f.path("Rule").path("Id").asText()
        + " at "
        + f.path("Location").path("Path").toString()
        + ": "
        + f.path("Message").asText();
  }

  /**
   * Warnings aws-cdk's own constructs cause, which no user (nor this library) can change:
   *
   * <ul>
   *   <li>W3005 "dependency already enforced by a 'GetAtt'": aws-cdk's {@code lambda.Function} and
   *       {@code stepfunctions.StateMachine} always add {@code DependsOn} on their role and its
   *       default policy, so that the policy exists before the first invocation; the role half of
   *       it is redundant with the {@code Fn::GetAtt Role.Arn}, which cfn-lint notes.
   * </ul>
   */
  static boolean isFromAwsCdkInternals(JsonNode finding) {
    return "W3005".equals(finding.path("Rule").path("Id").asText())
        && finding.path("Message").asText().contains("dependency already enforced by a 'GetAtt'");
  }

  @SuppressWarnings("unchecked")
  static boolean hasNativeHost(Map<String, Object> template) {
    Map<String, Object> resources =
        (Map<String, Object>) template.getOrDefault("Resources", Map.of());
    return resources.values().stream()
        .anyMatch(r -> NATIVE_HOST_TYPE.equals(((Map<String, Object>) r).get("Type")));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleTemplateHasNoCfnLintErrorsOrWarningsOfOurs() throws IOException {
    Assumptions.assumeTrue(
        cfnLintOnPath(), "cfn-lint is not on PATH; install it (pip install cfn-lint) to lint");
    Path registry = registrySchemas(dir).orElse(null);
    return ExampleTemplates.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      if (registry == null && hasNativeHost(e.getValue())) {
                        ReferenceData.require(
                            NATIVE_HOST_SCHEMA,
                            "cfn-lint of "
                                + e.getKey()
                                + ": cfn-lint knows "
                                + NATIVE_HOST_TYPE
                                + " only through its registry schema (--registry-schemas)");
                      }
                      Lint lint = lint(dir, e.getKey(), e.getValue(), registry);
                      assertThat(
                              lint.findings().stream()
                                  .filter(f -> !isFromAwsCdkInternals(f))
                                  .filter(f -> !"Informational".equals(f.path("Level").asText()))
                                  .map(CfnLintTest::describe))
                          .as(
                              "cfn-lint errors and warnings in %s (all findings: %s; stderr: %s)",
                              e.getKey(),
                              lint.findings().stream().map(CfnLintTest::describe).toList(),
                              lint.stderr())
                          .isEmpty();
                    }));
  }

  /**
   * What README.md says of cfn-lint and a {@code NATIVE} host: without the registry schema,
   * cfn-lint refuses the type (E3006); with it, the type is known. Fails once a cfn-lint release
   * knows the type itself: then README.md's "Linting a template with a native host" changes.
   */
  @Test
  void cfnLintKnowsTheNativeHostOnlyThroughItsRegistrySchema() throws Exception {
    Assumptions.assumeTrue(
        cfnLintOnPath(), "cfn-lint is not on PATH; install it (pip install cfn-lint) to lint");
    ReferenceData.require(NATIVE_HOST_SCHEMA, "cfn-lint with and without the host's schema");
    Optional<Path> registry = registrySchemas(dir);
    Map<String, Object> template = ExampleTemplates.all().get("GhesNativeHost");
    assertThat(hasNativeHost(template)).isTrue();
    assertThat(lint(dir, "without", template, null).findings())
        .extracting(f -> f.path("Rule").path("Id").asText() + " " + f.path("Message").asText())
        .anyMatch(
            f -> f.startsWith("E3006 Resource type '" + NATIVE_HOST_TYPE + "' does not exist"));
    assertThat(lint(dir, "with", template, registry.get()).findings())
        .extracting(f -> f.path("Rule").path("Id").asText())
        .doesNotContain("E3006");
  }
}
