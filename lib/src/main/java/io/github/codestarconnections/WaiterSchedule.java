package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;

/**
 * When the host provider's waiter asks whether a host is ready: Step Functions retries the
 * isComplete task after {@code intervalSeconds}, then after twice as long each time, never more
 * than {@code maxDelaySeconds} apart, for as many attempts as it takes the waits to add up to the
 * total timeout. A VPC host that takes 10 minutes to set up is then checked 12 times at the
 * defaults, not 21 (nor 121 at a 5-second interval).
 *
 * @param intervalSeconds the first wait ({@code queryInterval})
 * @param maxDelaySeconds the longest wait ({@code maxQueryInterval})
 * @param totalSeconds how long the waits must cover at least ({@code totalTimeout})
 * @param maxAttempts retries before the waiter gives up (its {@code MaxAttempts})
 */
record WaiterSchedule(int intervalSeconds, int maxDelaySeconds, int totalSeconds, int maxAttempts) {
  /** Each wait is this many times the one before, up to the cap. */
  static final int BACKOFF_RATE = 2;

  /**
   * The schedule that waits at least {@code totalSeconds} in all.
   *
   * @param intervalSeconds the first wait, at least 1
   * @param maxDelaySeconds the longest wait, at least {@code intervalSeconds}
   * @param totalSeconds the total timeout
   * @return the schedule
   */
  static WaiterSchedule of(int intervalSeconds, int maxDelaySeconds, int totalSeconds) {
    if (intervalSeconds < 1 || maxDelaySeconds < intervalSeconds) {
      throw new IllegalArgumentException(
          "interval "
              + intervalSeconds
              + " s, cap "
              + maxDelaySeconds
              + " s: need 1 <= interval <= cap");
    }
    int attempts = 0;
    long waited = 0;
    long wait = intervalSeconds;
    while (waited < totalSeconds) {
      waited += Math.min(wait, maxDelaySeconds);
      wait = Math.min(wait * BACKOFF_RATE, maxDelaySeconds);
      attempts++;
    }
    return new WaiterSchedule(
        intervalSeconds, maxDelaySeconds, totalSeconds, Math.max(attempts, 1));
  }

  /**
   * Whether the waits grow at all; without growth the framework's own fixed schedule is the same.
   *
   * @return true when {@code maxDelaySeconds} is above {@code intervalSeconds}
   */
  boolean backsOff() {
    return maxDelaySeconds > intervalSeconds;
  }

  /**
   * The waits before each retry, as Step Functions computes them: {@code min(interval x rate^(k-1),
   * maxDelay)}.
   *
   * @return one wait per attempt, in seconds
   */
  List<Integer> waits() {
    List<Integer> waits = new ArrayList<>();
    long wait = intervalSeconds;
    for (int k = 0; k < maxAttempts; k++) {
      waits.add((int) Math.min(wait, maxDelaySeconds));
      wait = Math.min(wait * BACKOFF_RATE, maxDelaySeconds);
    }
    return waits;
  }
}
