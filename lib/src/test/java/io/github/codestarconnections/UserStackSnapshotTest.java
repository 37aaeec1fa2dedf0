package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.snapshot.CanonicalTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * What a user's snapshot of a stack with a host does: nothing when the CDK CLI synthesizes instead
 * of a test; a change wherever the template's meaning changes. (A release that changes only the
 * handler jar: CanonicalTemplateAcrossJvmsTest.)
 */
class UserStackSnapshotTest {
  private static final UserStack BASE = UserStack.BASE;

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
}
