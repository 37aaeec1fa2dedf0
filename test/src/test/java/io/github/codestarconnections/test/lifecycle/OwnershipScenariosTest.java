package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.lambda.MarkerTag;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.StandInHost;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handler adopts, takes back or deletes only a host it can prove this resource of this stack
 * made: a marker counts only on its whole value ({@link MarkerTag#writtenBy}), so hosts other
 * stacks, earlier versions or people left in the account are never touched, whatever tags they
 * carry.
 */
class OwnershipScenariosTest extends LifecycleScenario {
  private static final String OTHER_STACK =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/EarlierStack/0f0f0f0f-0000-11f0-9000-0a1b2c3d4e5f";

  /** The create marker a host made elsewhere may carry. */
  private static String foreignCreateMarker(String kind, String logicalId) {
    return switch (kind) {
      // 8d94425 kept the bare RequestId on every host it made, for good.
      case "earlier-version" -> "0e5a4c1d-6b2f-4f3e-9a51-3c7d2e8b1f04";
      // Today's marker of the same logical id in another stack (an unsettled create there).
      case "another-stack" ->
          MarkerTag.value(
              MarkerTag.KEY, new MarkerTag.Writer(OTHER_STACK, logicalId, "request-1"), null);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /**
   * Issue 20, case 1: a rename to the name and URL of a host an earlier stack retained is refused
   * (the URL is taken), and its rollback leaves that host alone, whichever create marker it
   * carries: before, the rollback's clean-up of a failed replacement matched the marker by key and
   * deleted it (DeleteHost is allowed on host/*).
   */
  @ParameterizedTest
  @ValueSource(strings = {"earlier-version", "another-stack"})
  void aRollbackNeverDeletesAHostTheStackDidNotMake(String marker) {
    LifecycleApp v1 = app(ghes());
    deploy(v1, "CREATE_COMPLETE");
    String original = cfn.physicalId("Ghes");
    String logicalId =
        cfn.resources.keySet().stream().filter(k -> k.startsWith("Ghes")).findFirst().orElseThrow();
    Map<String, String> retainedTags =
        Map.of("team", "other", MarkerTag.KEY, foreignCreateMarker(marker, logicalId));
    String retained =
        standIn.seedHost(
            Namespace.CODESTAR_CONNECTIONS,
            "lifecycle-ghes-2",
            "GitHubEnterpriseServer",
            GHES2,
            retainedTags);
    DeployResult r =
        deploy(app(ghes().named("lifecycle-ghes-2").at(GHES2)), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains(retained).contains(GHES2);
    assertThat(cfn.physicalId("Ghes")).isEqualTo(original);
    assertThat(standIn.hosts())
        .extracting(StandInHost::arn)
        .containsExactlyInAnyOrder(original, retained);
    assertThat(standIn.host(retained).tags()).isEqualTo(retainedTags);
    assertThat(standIn.host(original).tags()).isEmpty();
  }
}
