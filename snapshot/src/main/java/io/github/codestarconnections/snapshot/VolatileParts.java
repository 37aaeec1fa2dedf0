package io.github.codestarconnections.snapshot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parts of a synthesized template that vary by machine, run or library version while the
 * template means the same, and what {@link CanonicalTemplate} puts in their place. Each rule names
 * what in aws-cdk-lib makes the part, so that a reader can check it against the source.
 */
final class VolatileParts {
  /** Replaces an asset's hash. */
  static final String ASSET_HASH = "<asset-hash>";

  /** Replaces the part of a Lambda version's logical id that hashes the function's code. */
  static final String CODE_HASH = "<code-hash>";

  /** Replaces the path hash of a legacy-synthesizer asset parameter, which hashes its asset's. */
  static final String ID_HASH = "<id-hash>";

  /**
   * A SHA-256 in hex, as aws-cdk-lib names file and image assets (in S3 keys {@code <hash>.zip} and
   * {@code <hash>.json}, image tags, {@code asset.<hash>} paths, the legacy synthesizer's parameter
   * names, CDK Pipelines' asset publishing commands) and hashes CodeBuild project configurations
   * ({@code _PROJECT_CONFIG_HASH}): a run of exactly 64 lowercase hex digits, not part of a longer
   * run.
   */
  private static final Pattern SHA256 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

  /**
   * aws-lambda's {@code Function.currentVersion}: its logical id is the version's own logical id
   * ({@code ...CurrentVersion} and 8 hex digits of its path) followed by 32 hex digits of an MD5
   * over the function's properties, its code's asset hash among them (aws-lambda function-hash.ts).
   * The properties stay visible on the function itself.
   */
  private static final Pattern VERSION_CODE_HASH =
      Pattern.compile("(CurrentVersion[0-9A-F]{8})[0-9a-f]{32}(?![0-9a-f])");

  /**
   * {@code LegacyStackSynthesizer}'s file asset parameters: {@code AssetParameters<hash>} then
   * {@code S3Bucket}, {@code S3VersionKey} or {@code ArtifactHash} (core private/asset-parameters),
   * then 8 hex digits hashing the whole path, asset hash included.
   */
  private static final Pattern LEGACY_PARAMETER =
      Pattern.compile(
          "(AssetParameters"
              + Pattern.quote(ASSET_HASH)
              + "(?:S3Bucket|S3VersionKey|ArtifactHash))[0-9A-F]{8}(?![0-9A-Za-z])");

  /**
   * The bootstrap version check of aws-cdk-lib's default synthesizer: a parameter read from SSM and
   * a rule listing the bootstrap versions too old for this aws-cdk-lib. It depends on the
   * aws-cdk-lib version and deploys nothing.
   */
  static final String BOOTSTRAP_PARAMETER = "BootstrapVersion";

  static final String BOOTSTRAP_RULE = "CheckBootstrapVersion";

  /**
   * The CDK's analytics resource ({@code aws:cdk:version-reporting}, on under the CDK CLI): a
   * compressed list of the construct libraries and versions in the stack, and the condition that
   * limits it to regions that take it.
   */
  static final String CDK_METADATA_TYPE = "AWS::CDK::Metadata";

  /** Construct paths ({@code aws:cdk:enable-path-metadata}, on under the CDK CLI). */
  static final String PATH_METADATA = "aws:cdk:path";

  /**
   * Where each asset lies on the synthesizing machine ({@code aws:cdk:enable-asset-metadata}, on
   * under the CDK CLI): {@code aws:asset:path}, {@code aws:asset:property} and friends.
   */
  static final String ASSET_METADATA_PREFIX = "aws:asset:";

  private VolatileParts() {}

  /**
   * A string with every hash that varies replaced by its placeholder.
   *
   * @param s a key or a value of the template
   * @return the string with placeholders
   */
  static String placeholders(String s) {
    String out = SHA256.matcher(s).replaceAll(ASSET_HASH);
    out = VERSION_CODE_HASH.matcher(out).replaceAll("$1" + CODE_HASH);
    return LEGACY_PARAMETER.matcher(out).replaceAll("$1" + ID_HASH);
  }

  /**
   * Drops, from a mutable copy of a template, the sections that vary and mean nothing deployed: the
   * bootstrap version parameter and rule, CDK metadata resources (and their condition, when nothing
   * else names it), path and asset metadata; and a section or {@code Metadata} left empty by that.
   *
   * @param template a mutable copy (maps and lists made by {@link CanonicalTemplate})
   */
  static void drop(Map<String, Object> template) {
    Map<String, Object> parameters = section(template, "Parameters");
    if (parameters != null && isBootstrapVersion(parameters.get(BOOTSTRAP_PARAMETER))) {
      parameters.remove(BOOTSTRAP_PARAMETER);
      Map<String, Object> rules = section(template, "Rules");
      if (rules != null) {
        rules.remove(BOOTSTRAP_RULE);
        removeIfEmpty(template, "Rules");
      }
      removeIfEmpty(template, "Parameters");
    }

    Map<String, Object> resources = section(template, "Resources");
    if (resources == null) {
      return;
    }
    Set<String> conditions = new TreeSet<>();
    for (Iterator<Object> it = resources.values().iterator(); it.hasNext(); ) {
      if (!(it.next() instanceof Map<?, ?> resource)) {
        continue;
      }
      if (CDK_METADATA_TYPE.equals(resource.get("Type"))) {
        if (resource.get("Condition") instanceof String condition) {
          conditions.add(condition);
        }
        it.remove();
        continue;
      }
      if (resource.get("Metadata") instanceof Map<?, ?> metadata && !metadata.isEmpty()) {
        metadata
            .keySet()
            .removeIf(
                k -> PATH_METADATA.equals(k) || ((String) k).startsWith(ASSET_METADATA_PREFIX));
        if (metadata.isEmpty()) {
          resource.remove("Metadata");
        }
      }
    }
    Map<String, Object> templateConditions = section(template, "Conditions");
    if (templateConditions != null && !conditions.isEmpty()) {
      for (String condition : conditions) {
        Object definition = templateConditions.remove(condition);
        // Kept when anything else in the template still names it.
        if (definition != null && mentions(template, condition)) {
          templateConditions.put(condition, definition);
        }
      }
      removeIfEmpty(template, "Conditions");
    }
  }

  private static boolean isBootstrapVersion(Object parameter) {
    return parameter instanceof Map<?, ?> p
        && p.get("Default") instanceof String d
        && d.startsWith("/cdk-bootstrap/")
        && d.endsWith("/version");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> template, String name) {
    return template.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  private static void removeIfEmpty(Map<String, Object> template, String name) {
    Map<String, Object> s = section(template, name);
    if (s != null && s.isEmpty()) {
      template.remove(name);
    }
  }

  private static boolean mentions(Object tree, String name) {
    List<Object> pending = new ArrayList<>(List.of(tree));
    while (!pending.isEmpty()) {
      Object v = pending.remove(pending.size() - 1);
      if (name.equals(v)) {
        return true;
      }
      if (v instanceof Map<?, ?> m) {
        pending.addAll(m.values());
      } else if (v instanceof List<?> l) {
        pending.addAll(l);
      }
    }
    return false;
  }
}
