package io.github.codestarconnections.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * A synthesized CloudFormation template as canonical JSON text: the same text on every machine and
 * run, and for every release of a construct library that does not change what the template means.
 * Snapshot it, and a snapshot test fails only when the template's meaning changes.
 *
 * <p>What varies and means nothing deployed is replaced by a placeholder or dropped:
 *
 * <ul>
 *   <li>every run of exactly 64 lowercase hex digits (a SHA-256: asset hashes, hence asset S3 keys
 *       {@code <hash>.zip} and {@code <hash>.json}, image tags, CDK Pipelines' asset publishing
 *       commands and CodeBuild config hashes) becomes {@code <asset-hash>};
 *   <li>the 32 hex digits that end a Lambda {@code currentVersion}'s logical id (an MD5 over the
 *       function's properties and code) become {@code <code-hash>}, in the id and wherever it is
 *       named ({@code Ref}, {@code Fn::GetAtt}, {@code DependsOn}, {@code Fn::Sub});
 *   <li>the legacy synthesizer's asset parameters keep their kind but their path hash becomes
 *       {@code <id-hash>};
 *   <li>the bootstrap version check ({@code Parameters.BootstrapVersion} and {@code
 *       Rules.CheckBootstrapVersion}), which depends on the aws-cdk-lib version, is dropped;
 *   <li>the CDK analytics resource ({@code AWS::CDK::Metadata}, and its {@code
 *       CDKMetadataAvailable} condition when nothing else names it) is dropped;
 *   <li>resource metadata {@code aws:cdk:path} and {@code aws:asset:*} (construct paths and where
 *       assets lie on the synthesizing machine) is dropped, and a {@code Metadata} left empty with
 *       it; so a template synthesized by the CDK CLI, which turns those on, and one from a plain
 *       {@code App} in a test give the same text.
 * </ul>
 *
 * <p>Everything else is kept as it is: every resource, property, value, tag, policy statement,
 * condition, output, other metadata (cdk-nag suppressions among it), and the order of every list.
 * Two keys of one object that only differ in a replaced hash stay apart: the first (by its value's
 * text) keeps the key, the next become {@code key (2)}, {@code key (3)}.
 *
 * <p>The text is JSON: object keys sorted ({@link String#compareTo}) at every level, two spaces per
 * level, {@code "key" : value}, one list element per line, LF line ends and a final LF; strings
 * escape only what JSON requires, so it is the same in any locale and default charset (write it as
 * UTF-8).
 */
public final class CanonicalTemplate {
  private CanonicalTemplate() {}

  /**
   * The canonical template of a stack. Synthesizes the stack's app (or stage) unless it already is:
   * each app is synthesized once however many of its stacks are asked for, and a construct added
   * after that is an error (aws-cdk-lib refuses to synthesize a changed tree again). A nested
   * stack's template is read from its parent's synthesis.
   *
   * @param stack the stack
   * @return the canonical JSON, ending in a line end
   * @throws IllegalArgumentException if the stack is null
   */
  public static String of(Stack stack) {
    if (stack == null) {
      throw new IllegalArgumentException("stack is null; give the Stack to snapshot");
    }
    return of(templateOf(stack));
  }

  /**
   * The canonical form of a template: as {@code Template.fromStack(stack).toJSON()} or {@code
   * Template.fromString(json).toJSON()} give it, or any map of maps, lists, strings, numbers,
   * booleans and nulls. The map is not changed.
   *
   * @param template the template
   * @return the canonical JSON, ending in a line end
   * @throws IllegalArgumentException if the template holds anything JSON cannot (its path in the
   *     template is named)
   */
  public static String of(Map<String, ?> template) {
    if (template == null) {
      throw new IllegalArgumentException("template is null; give a template map");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) copy(template, "");
    VolatileParts.drop(copy);
    return CanonicalJson.write(canonical(copy)) + "\n";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> templateOf(Stack stack) {
    if (stack.getNestedStackParent() != null) {
      return Template.fromStack(stack).toJSON();
    }
    // Every stack is in a stage: aws-cdk-lib gives a stack made without a scope an app of its own.
    CloudAssembly assembly = Stage.of(stack).synth();
    Object template = assembly.getStackArtifact(stack.getArtifactId()).getTemplate();
    if (!(template instanceof Map<?, ?> map)) {
      throw new IllegalStateException(
          "the synthesized template of " + stack.getNode().getPath() + " is not a JSON object");
    }
    return (Map<String, Object>) map;
  }

  /** A mutable copy in insertion order, checking that it is JSON, before anything is dropped. */
  private static Object copy(Object v, String path) {
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "template key "
                  + e.getKey()
                  + " at '"
                  + path
                  + "' is not a string; JSON object keys are strings");
        }
        out.put(key, copy(e.getValue(), path.isEmpty() ? key : path + "/" + key));
      }
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(copy(list.get(i), path + "/" + i));
      }
      return out;
    }
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(
            "template value at '" + path + "' is " + n + "; JSON numbers are finite");
      }
      return v;
    }
    throw new IllegalArgumentException(
        "template value at '"
            + path
            + "' is a "
            + v.getClass().getName()
            + "; a template holds only maps, lists, strings, numbers, booleans and null");
  }

  /** Placeholders in every key and string, and objects as sorted maps. */
  private static Object canonical(Object v) {
    if (v instanceof Map<?, ?> map) {
      Map<String, List<Object>> byKey = new TreeMap<>();
      map.forEach(
          (k, value) ->
              byKey
                  .computeIfAbsent(VolatileParts.placeholders((String) k), x -> new ArrayList<>())
                  .add(canonical(value)));
      Map<String, Object> sorted = new TreeMap<>();
      byKey.forEach((key, values) -> putApart(sorted, key, values));
      return sorted;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(canonical(item)));
      return out;
    }
    if (v instanceof String s) {
      return VolatileParts.placeholders(s);
    }
    return v;
  }

  /** Values whose keys became equal, kept apart in the order of their text. */
  private static void putApart(Map<String, Object> sorted, String key, List<Object> values) {
    if (values.size() == 1) {
      sorted.put(key, values.get(0));
      return;
    }
    List<Object> ordered = new ArrayList<>(values);
    ordered.sort(Comparator.comparing(CanonicalJson::write));
    for (int i = 0; i < ordered.size(); i++) {
      sorted.put(i == 0 ? key : key + " (" + (i + 1) + ")", ordered.get(i));
    }
  }
}
