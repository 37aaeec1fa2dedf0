package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.lambda.MarkerTag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stacks and hosts as an earlier version of the library left them ({@link EarlierVersion}), changed
 * by today's handler: whatever that version recorded or wrote is read, never held to today's
 * limits, and migrated, and each operation ends with exactly the user's tags.
 */
class EarlierStateScenariosTest extends LifecycleScenario {
  private EarlierVersion earlier() {
    return new EarlierVersion(cfn, standIn);
  }

  private static Map<String, String> tags(int count, String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      tags.put("k" + i, value);
    }
    return tags;
  }

  /**
   * Issue 20, case 2: a host deployed with 50 tags (lib took 50 of a host's own until 3c3e069, the
   * handler 199) is updated to today's 47: OldResourceProperties are read, not held to the limit.
   */
  @Test
  void aHostAnEarlierVersionTaggedFiftyTimesIsUpdated() {
    deploy(app(ghes().tagged(tags(47, "a"))), "CREATE_COMPLETE");
    earlier().recordedTags("Ghes", tags(50, "a"));
    HostDef v2 = ghes().tagged(tags(47, "b"));
    deploy(app(v2), "UPDATE_COMPLETE");
    account().host(v2).verify();
  }

  /**
   * Issue 20, case 2: the rollback of that update goes back to the 50 tags (its ResourceProperties
   * are what the earlier version recorded), and completes.
   */
  @Test
  void theRollbackToFiftyTagsAnEarlierVersionTookCompletes() {
    deploy(app(ghes().tagged(tags(47, "a"))), "CREATE_COMPLETE");
    earlier().recordedTags("Ghes", tags(50, "a"));
    deploy(app(ghes().tagged(tags(47, "b"))).breaking(), "UPDATE_ROLLBACK_COMPLETE");
    account().host(ghes().tagged(tags(50, "a"))).verify();
  }

  /**
   * Issue 20, case 3: the create marker 8d94425 left on every host for good (its bare RequestId) is
   * removed by the next change the host gets, which ends with exactly the user's tags.
   */
  @Test
  void theCreateMarkerAnEarlierVersionLeftGoesWithTheNextChange() {
    deploy(app(ghes().tagged(Map.of("team", "ci"))), "CREATE_COMPLETE");
    String arn = cfn.physicalId("Ghes");
    earlier().tagged(arn, Map.of(MarkerTag.KEY, "0e5a4c1d-6b2f-4f3e-9a51-3c7d2e8b1f04"));
    HostDef v2 = ghes().tagged(Map.of("team", "platform"));
    deploy(app(v2), "UPDATE_COMPLETE");
    account().host(v2).verify();
  }

  /**
   * A {@code vpc-added} digest 99cd170 left after an addition it completed: today's handler never
   * takes it for the marker of a rollback (a stack's host operations and their rollback run the
   * handler that update deployed, so that rollback cannot come any more), so a removal of the VPC
   * is refused, and its rollback removes the old marker.
   */
  @Test
  void aVpcRemovalIsRefusedWhateverAnEarlierVersionsMarkerSays() {
    HostDef withVpc = ghes().inVpc("A").groups("A1");
    LifecycleApp v1 = app(withVpc).withNetwork();
    deploy(v1, "CREATE_COMPLETE");
    earlier()
        .tagged(
            cfn.physicalId("Ghes"),
            Map.of(MarkerTag.VPC_ADDED, EarlierVersion.vpcAddedDigest(ghes())));
    DeployResult r = deploy(app(ghes()).withNetwork(), "UPDATE_ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("VpcConfiguration would be removed");
    account().app(v1).verify();
  }

  /**
   * The same digest on a host whose next change keeps its VPC: migrated away, exactly the user's
   * tags.
   */
  @Test
  void anEarlierVersionsVpcAddedDigestGoesWithTheNextChange() {
    HostDef withVpc = ghes().inVpc("A").groups("A1");
    deploy(app(withVpc).withNetwork(), "CREATE_COMPLETE");
    earlier()
        .tagged(
            cfn.physicalId("Ghes"),
            Map.of(MarkerTag.VPC_ADDED, EarlierVersion.vpcAddedDigest(ghes())));
    LifecycleApp v2 = app(withVpc.tagged(Map.of("team", "ci"))).withNetwork();
    deploy(v2, "UPDATE_COMPLETE");
    account().app(v2).verify();
  }
}
