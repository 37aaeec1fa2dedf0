package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestoreSafeBackoffTest {
  @Test
  void theFirstAttemptWaitsNotAndRetriesWaitBelowTheStandardStrategysCap() {
    assertThat(RestoreSafeBackoff.STANDARD.computeDelay(1)).isZero();
    for (int attempt = 2; attempt <= 40; attempt++) {
      long cap = Math.min(100L << Math.min(attempt - 2, 28), 20_000L);
      for (int draw = 0; draw < 20; draw++) {
        assertThat(RestoreSafeBackoff.STANDARD.computeDelay(attempt).toMillis())
            .as("attempt %d", attempt)
            .isBetween(0L, cap - 1);
        assertThat(RestoreSafeBackoff.THROTTLED.computeDelay(attempt))
            .isLessThan(Duration.ofSeconds(20));
      }
    }
    assertThatThrownBy(() -> RestoreSafeBackoff.STANDARD.computeDelay(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWaitsAreDrawnNotFixed() {
    Set<Duration> seen = new HashSet<>();
    for (int draw = 0; draw < 50; draw++) {
      seen.add(RestoreSafeBackoff.THROTTLED.computeDelay(6));
    }
    // Uniform below 16 s at 1 ms resolution: 50 equal draws would be a broken generator.
    assertThat(seen).hasSizeGreaterThan(10);
  }
}
