package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.snapshot.CanonicalTemplate;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * What a user's snapshot of a stack with a host does across library releases: nothing when only the
 * handler jar changes, or when the CDK CLI synthesizes instead of a test; a change wherever the
 * template's meaning changes.
 */
class UserStackSnapshotTest {
  private static final UserStack BASE = UserStack.BASE;

  @Test
  void aReleaseThatChangesOnlyTheHandlerJarLeavesTheCanonicalTemplateAlone() throws Exception {
    byte[] embedded = HandlerAsset.embeddedJar();
    byte[] other = UserStack.anotherHandlerJar();
    String embeddedSha = sha256(embedded);
    String otherSha = sha256(other);
    assertThat(otherSha).isNotEqualTo(embeddedSha);

    Stack before = BASE.synthesized();
    Stack after = HandlerAsset.withJar(other, () -> BASE.synthesize(Map.of()));

    // The raw templates differ where the jar shows: its asset's S3 key, and the logical ids of the
    // provider's Lambda versions (CDK hashes the code into them) wherever they are named.
    Map<String, Object> rawBefore = UserStack.raw(before);
    Map<String, Object> rawAfter = UserStack.raw(after);
    String keyBefore = handlerS3Key(rawBefore);
    String keyAfter = handlerS3Key(rawAfter);
    assertThat(keyBefore).matches("[0-9a-f]{64}\\.zip").isNotEqualTo(keyAfter);
    assertThat(strings(rawAfter)).doesNotContain(keyBefore);
    Set<String> versionsBefore = versionIds(rawBefore);
    assertThat(versionsBefore).hasSize(2).doesNotContainAnyElementsOf(versionIds(rawAfter));

    assertThat(CanonicalTemplate.of(after)).isEqualTo(BASE.canonical());
    assertThat(BASE.canonical())
        .contains("\"S3Key\" : \"<asset-hash>.zip\"")
        .contains("CurrentVersion6953C794<code-hash>")
        .doesNotContain(keyBefore.substring(0, 64));
  }

  /** The S3 key of the host handler's code (the onEvent function's; isComplete has the same). */
  private static String handlerS3Key(Map<String, Object> template) {
    for (Object r : ((Map<?, ?>) template.get("Resources")).values()) {
      Map<?, ?> props = (Map<?, ?>) ((Map<?, ?>) r).get("Properties");
      if (props != null && HandlerFunctions.ON_EVENT_HANDLER.equals(props.get("Handler"))) {
        return (String) ((Map<?, ?>) props.get("Code")).get("S3Key");
      }
    }
    throw new AssertionError("no function runs " + HandlerFunctions.ON_EVENT_HANDLER);
  }

  @Test
  void theCdkClisSynthesisGivesTheSameCanonicalTemplateAsATests() {
    // What `cdk synth` turns on: construct paths, asset metadata, the analytics resource.
    Stack cli =
        BASE.synthesize(
            Map.of(
                "aws:cdk:enable-path-metadata", true,
                "aws:cdk:enable-asset-metadata", true,
                "aws:cdk:version-reporting", true));

    assertThat(strings(UserStack.raw(cli)))
        .contains("AWS::CDK::Metadata", "UserStack/Ghes/Resource", "Code");
    assertThat(UserStack.raw(cli).toString()).contains("aws:asset:path");
    assertThat(CanonicalTemplate.of(cli)).isEqualTo(BASE.canonical());
  }

  @Test
  void aChangedEndpointTagAndIamActionEachShowInTheCanonicalTemplate() {
    UserStack changed =
        new UserStack(
            "https://ghes2.example.com", "payments", List.of("codeconnections:GetConnection"));

    List<String> lines = changedLines(BASE.canonical(), changed.canonical());

    assertThat(lines)
        .anyMatch(l -> l.contains("\"ProviderEndpoint\" : \"https://ghes2.example.com\""))
        .anyMatch(l -> l.contains("\"Value\" : \"payments\""))
        .anyMatch(l -> l.contains("\"codeconnections:GetConnection\""));
    assertThat(BASE.canonical())
        .contains("\"ProviderEndpoint\" : \"https://ghes.example.com\"")
        .contains("\"Value\" : \"platform Zürich 東京\"")
        .contains("\"codeconnections:UseConnection\"");
  }

  /** The lines of {@code after} that {@code before} does not have. */
  private static List<String> changedLines(String before, String after) {
    assertThat(after).isNotEqualTo(before);
    Set<String> old = new TreeSet<>(before.lines().toList());
    return after.lines().filter(l -> !old.contains(l)).toList();
  }

  private static Set<String> versionIds(Map<String, Object> template) {
    Set<String> ids = new TreeSet<>();
    ((Map<?, ?>) template.get("Resources"))
        .forEach(
            (id, r) -> {
              if ("AWS::Lambda::Version".equals(((Map<?, ?>) r).get("Type"))) {
                ids.add((String) id);
              }
            });
    return ids;
  }

  /** Every string in a template, keys included. */
  private static List<String> strings(Object tree) {
    List<String> out = new ArrayList<>();
    List<Object> pending = new ArrayList<>(List.of(tree));
    while (!pending.isEmpty()) {
      Object v = pending.remove(pending.size() - 1);
      if (v instanceof Map<?, ?> m) {
        m.forEach(
            (k, x) -> {
              out.add(String.valueOf(k));
              pending.add(x);
            });
      } else if (v instanceof List<?> l) {
        pending.addAll(l);
      } else if (v instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
