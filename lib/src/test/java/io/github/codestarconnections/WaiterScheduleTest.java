package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaiterScheduleTest {
  @Test
  void theDefaultsWaitThirtySecondsThenAMinuteForHalfAnHour() {
    WaiterSchedule s = WaiterSchedule.of(30, 60, 1800);

    assertThat(s.backsOff()).isTrue();
    assertThat(s.maxAttempts()).isEqualTo(31);
    assertThat(s.waits()).startsWith(30, 60, 60).endsWith(60);
    assertThat(total(s.waits())).isEqualTo(1830);
  }

  @Test
  void theWaitsCoverTheTimeoutAndOvershootItByLessThanOneWait() {
    for (int interval : new int[] {1, 5, 10, 30, 60}) {
      for (int cap : new int[] {interval, 60, 120, 300}) {
        if (cap < interval) {
          continue;
        }
        for (int total : new int[] {60, 600, 1800, 7200}) {
          List<Integer> waits = WaiterSchedule.of(interval, cap, total).waits();
          assertThat(total(waits))
              .as("%d/%d/%d", interval, cap, total)
              .isGreaterThanOrEqualTo(total);
          assertThat(total(waits) - waits.get(waits.size() - 1))
              .as("%d/%d/%d", interval, cap, total)
              .isLessThan(total);
          assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(interval, cap));
        }
      }
    }
  }

  @Test
  void withoutRoomToGrowItIsTheFrameworksFixedSchedule() {
    WaiterSchedule s = WaiterSchedule.of(20, 20, 1800);

    assertThat(s.backsOff()).isFalse();
    assertThat(s.maxAttempts()).isEqualTo(90);
  }

  @Test
  void aTenMinuteVpcSetUpIsAskedAboutAFewTimesNotHundreds() {
    // Status checks until ready: the first at once, then one after each wait.
    assertThat(checksUntil(600, WaiterSchedule.of(30, 60, 1800))).isEqualTo(12);
    assertThat(checksUntil(600, WaiterSchedule.of(5, 60, 1800))).isEqualTo(14);
    assertThat(checksUntil(600, WaiterSchedule.of(5, 5, 1800))).isEqualTo(121);
  }

  private static int checksUntil(int readyAfterSeconds, WaiterSchedule s) {
    int checks = 1;
    long t = 0;
    for (int wait : s.waits()) {
      if (t >= readyAfterSeconds) {
        break;
      }
      t += wait;
      checks++;
    }
    return checks;
  }

  private static long total(List<Integer> waits) {
    return waits.stream().mapToLong(Integer::longValue).sum();
  }
}
