package io.github.codestarconnections.test.nag;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.codestarconnections.examples.ExamplesApp;
import io.github.codestarconnections.test.templates.ExampleTemplates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * cdk-nag's AwsSolutions pack over every example stack: no unsuppressed error may come from this
 * library's constructs. Findings on the examples' own resources (the pipeline's bucket, the VPC)
 * are the example user's business: not failed, and shown only with a failure.
 */
class CdkNagTest {
  /** A finding: where, and what cdk-nag said. */
  record Finding(String stack, String path, String message, boolean fromLibrary) {}

  // Annotations return cxapi.SynthesisMessage, deprecated since its definition moved to the
  // package @aws-cdk/cloud-assembly-api, which has no Java artifact: there is no other type.
  @SuppressWarnings("deprecation")
  static List<Finding> findings(String level) {
    App app = App.Builder.create().context(nagContext()).build();
    Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    List<Stack> stacks = ExamplesApp.define(app);
    List<Finding> out = new ArrayList<>();
    for (Stack stack : stacks) {
      Annotations annotations = Annotations.fromStack(stack);
      List<SynthesisMessage> messages =
          level.equals("error")
              ? annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
              : annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
      for (SynthesisMessage m : messages) {
        String path = m.getId();
        out.add(
            new Finding(
                stack.getStackName(),
                path,
                String.valueOf(m.getEntry().getData()).lines().findFirst().orElse(""),
                fromLibrary(app, path)));
      }
    }
    return out;
  }

  /**
   * cdk.json's context (the templates cdk-nag checks are those {@code cdk synth} makes), except
   * {@code @aws-cdk/core:annotationsInValidationReport}: with it, the error annotations cdk-nag
   * adds for the examples' own resources would fail the synthesis instead of being read here.
   */
  static Map<String, Object> nagContext() {
    Map<String, Object> context = new LinkedHashMap<>(ExampleTemplates.cdkJsonContext());
    context.put("@aws-cdk/core:annotationsInValidationReport", false);
    return context;
  }

  /** Whether a construct on the path (below the app) is one of this library's. */
  static boolean fromLibrary(App app, String path) {
    IConstruct node = app;
    for (String part : path.replaceFirst("^/", "").split("/")) {
      IConstruct child = node.getNode().tryFindChild(part);
      if (child == null) {
        return false;
      }
      if (child.getClass().getName().startsWith("io.github.codestarconnections.")
          && !child.getClass().getName().startsWith("io.github.codestarconnections.examples.")) {
        return true;
      }
      node = child;
    }
    return false;
  }

  @Test
  void noUnsuppressedErrorComesFromTheLibrary() {
    List<Finding> errors = findings("error");
    assertThat(errors.stream().filter(Finding::fromLibrary).map(f -> f.path() + " " + f.message()))
        .as(
            "cdk-nag errors on the library's constructs (the examples' own, not failed: %s)",
            errors.stream()
                .filter(f -> !f.fromLibrary())
                .map(f -> f.path() + " " + f.message())
                .toList())
        .isEmpty();
  }

  @Test
  void theCheckSeesTheLibrarysResources() {
    // The provider's functions are visited by the pack: a finding path under them exists for
    // warnings or errors, else this test would pass vacuously.
    List<Finding> all = new ArrayList<>(findings("warning"));
    all.addAll(findings("error"));
    assertThat(all).anyMatch(Finding::fromLibrary);
    assertThat(fromLibrary(new App(), "/Nothing")).isFalse();
  }
}
