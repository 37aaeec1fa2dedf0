package io.github.codestarconnections.test.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * cfn-lint over every example template: no errors, and no warnings but the ones aws-cdk itself
 * causes, listed in {@link #isFromAwsCdkInternals}. Skips, saying so, when cfn-lint is not on PATH
 * (it is a Python tool the Maven build cannot install).
 */
class CfnLintTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * Runs cfn-lint on a template.
   *
   * @param dir where to write it
   * @param name the stack name
   * @param template the template
   * @return the findings, each with Level, Rule.Id, Message and Location
   */
  static List<JsonNode> lint(Path dir, String name, Map<String, Object> template)
      throws IOException, InterruptedException {
    Path file = dir.resolve(name + ".template.json");
    Files.writeString(file, ExampleTemplates.json(template), StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("cfn-lint", "--format", "json", "--", file.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();
    List<JsonNode> findings = new ArrayList<>();
    JSON.readTree(out).forEach(findings::add);
    return findings;
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

  /**
   * Resource types newer than the installed cfn-lint's own spec, which it reports as E3006 "does
   * not exist": {@code AWS::CodeConnections::Host} (cfn-lint 1.51 has no schema for it). Each is
   * checked instead against its registry schema by SchemaConformanceTest; a cfn-lint that knows the
   * type stops reporting E3006 and lints it like any other. ({@code --registry-schemas} with the
   * reference schema silences E3006 too, but validates nothing of the resource in cfn-lint 1.51, so
   * it would only hide the gap.)
   */
  static final List<String> NEWER_THAN_CFN_LINT = List.of("AWS::CodeConnections::Host");

  static boolean isUnknownToThisCfnLint(JsonNode finding) {
    String message = finding.path("Message").asText();
    return "E3006".equals(finding.path("Rule").path("Id").asText())
        && NEWER_THAN_CFN_LINT.stream()
            .anyMatch(type -> message.startsWith("Resource type '" + type + "' does not exist"));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleTemplateHasNoCfnLintErrorsOrWarningsOfOurs() {
    Assumptions.assumeTrue(
        cfnLintOnPath(), "cfn-lint is not on PATH; install it (pip install cfn-lint) to lint");
    return ExampleTemplates.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      List<JsonNode> findings = lint(dir, e.getKey(), e.getValue());
                      findings.stream()
                          .filter(CfnLintTest::isFromAwsCdkInternals)
                          .forEach(
                              f -> System.out.println(e.getKey() + " (aws-cdk): " + describe(f)));
                      findings.stream()
                          .filter(CfnLintTest::isUnknownToThisCfnLint)
                          .forEach(
                              f ->
                                  System.out.println(
                                      e.getKey() + " (newer than cfn-lint): " + describe(f)));
                      assertThat(
                              findings.stream()
                                  .filter(f -> !isFromAwsCdkInternals(f))
                                  .filter(f -> !isUnknownToThisCfnLint(f))
                                  .filter(f -> !"Informational".equals(f.path("Level").asText()))
                                  .map(CfnLintTest::describe))
                          .as("cfn-lint errors and warnings in %s", e.getKey())
                          .isEmpty();
                    }));
  }
}
