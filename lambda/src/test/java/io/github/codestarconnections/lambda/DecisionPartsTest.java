package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small parts the host decisions are made of. */
class DecisionPartsTest {
  private static final VpcSpec VPC =
      new VpcSpec("vpc-0123abcd", List.of("subnet-0123abcd"), List.of("sg-0123abcd"), "CERT");

  /** A clock that only moves when slept, with fixed jitter. */
  private static final class StepClock implements Pacing {
    long now;
    final List<Duration> pauses = new ArrayList<>();
    final double random;

    StepClock(double random) {
      this.random = random;
    }

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration pause) {
      pauses.add(pause);
      now += pause.toNanos();
    }

    @Override
    public double random() {
      return random;
    }
  }

  @Test
  void backoffGrowsWithJitterUpToTheCapAndStopsAtTheDeadline() {
    StepClock clock = new StepClock(0.0);
    Backoff b = new Backoff(clock, Duration.ofSeconds(30));
    while (b.pause()) {
      // pause until spent
    }
    assertThat(clock.pauses.subList(0, 5))
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
    assertThat(b.spent()).isTrue();
    assertThat(Duration.ofNanos(clock.now)).isEqualTo(Duration.ofSeconds(30));
    StepClock high = new StepClock(0.999);
    new Backoff(high, Duration.ofSeconds(60)).pause();
    assertThat(high.pauses.get(0)).isLessThan(Backoff.BASE).isGreaterThan(Duration.ofMillis(990));
  }

  @Test
  void theBudgetIsTheContextsRemainingTimeLessTheReserve() {
    assertThat(HostLifecycle.budget(null)).isEqualTo(HostLifecycle.DEFAULT_BUDGET);
    assertThat(HostLifecycle.budget(120_000))
        .isEqualTo(Duration.ofSeconds(120).minus(HostLifecycle.BUDGET_RESERVE));
    assertThat(HostLifecycle.budget(1_000)).isZero();
  }

  @Test
  void aPlaceholderNamesItsRequestAndIsNoArn() {
    String p = Placeholder.of("4f0c");
    assertThat(Placeholder.requestId(p)).contains("4f0c");
    assertThat(HostArn.parse(p)).isEmpty();
    assertThat(Placeholder.requestId("arn:aws:codestar-connections:us-east-1:123456789012:host/x"))
        .isEmpty();
    assertThat(Placeholder.requestId(Placeholder.PREFIX)).isEmpty();
    assertThat(Placeholder.requestId(null)).isEmpty();
  }

  @Test
  void tagsAreReconciledAgainstTheLiveTagsLeavingOthersAndTheMarkersAlone() {
    Map<String, String> live =
        Map.of(
            "keep",
            "1",
            "change",
            "old",
            "drop",
            "1",
            "outside",
            "x",
            MarkerTag.REPLACED_BY,
            "Host",
            MarkerTag.KEY,
            "r1");
    TagChange c =
        TagChange.between(
            live,
            Map.of("keep", "1", "change", "old", "drop", "1", MarkerTag.KEY, "r1"),
            Map.of("keep", "1", "change", "new", "add", "2"));
    assertThat(c.toSet()).isEqualTo(Map.of("change", "new", "add", "2"));
    // Markers go only when their request is settled (MarkerSettlement), never with user tags.
    assertThat(c.toRemove()).containsExactly("drop");
    assertThat(TagChange.between(Map.of("a", "1"), Map.of(), Map.of("a", "1")).isEmpty()).isTrue();
  }

  @Test
  void aHostShowsTheWantedConfigurationAsTheServiceCanShowIt() {
    HostSpec wanted = new HostSpec("h", "GitHubEnterpriseServer", "https://x", VPC, Map.of());
    VpcSpec withoutCert = new VpcSpec(VPC.vpcId(), VPC.subnetIds(), VPC.securityGroupIds(), null);
    HostState live =
        new HostState(
            "arn", "h", "GitHubEnterpriseServer", "https://x", withoutCert, "PENDING", null);
    assertThat(LiveConfig.shows(wanted, live)).isTrue();
    HostSpec noVpc = new HostSpec("h", "GitHubEnterpriseServer", "https://x", null, Map.of());
    // A VPC cannot be removed, so a host with one shows "none wanted" as well as it ever will.
    assertThat(LiveConfig.shows(noVpc, live)).isTrue();
    // The certificate GetHost does not show is judged by the old properties.
    assertThat(LiveConfig.needsUpdate(wanted, live, wanted)).isFalse();
    VpcSpec otherCert = new VpcSpec(VPC.vpcId(), VPC.subnetIds(), VPC.securityGroupIds(), "OLD");
    HostSpec old = new HostSpec("h", "GitHubEnterpriseServer", "https://x", otherCert, Map.of());
    assertThat(LiveConfig.needsUpdate(wanted, live, old)).isTrue();
    HostState elsewhere =
        new HostState(
            "arn", "h", "GitHubEnterpriseServer", "https://y", withoutCert, "PENDING", null);
    assertThat(LiveConfig.shows(wanted, elsewhere)).isFalse();
  }
}
