package io.github.codestarconnections.lambda;

import java.time.Duration;

/**
 * Jittered exponential back-off between CreateHost attempts, within a time budget: the n-th pause
 * is drawn from the upper half of min(cap, base * 2^(n-1)) ("equal jitter"), and never runs past
 * the deadline.
 */
final class Backoff {
  /** The first pause, before jitter. */
  static final Duration BASE = Duration.ofSeconds(1);

  /** The longest pause, before jitter. */
  static final Duration CAP = Duration.ofSeconds(10);

  private final Pacing pacing;
  private final long deadline;
  private int pauses;

  Backoff(Pacing pacing, Duration budget) {
    this.pacing = pacing;
    this.deadline = pacing.nanoTime() + Math.max(0, budget.toNanos());
  }

  /** Whether the budget is spent. */
  boolean spent() {
    return pacing.nanoTime() >= deadline;
  }

  /** Pauses before the next attempt; false when the budget is spent. */
  boolean pause() {
    long ceiling = Math.min(CAP.toNanos(), BASE.toNanos() << Math.min(pauses++, 20));
    long pause = (long) (ceiling / 2 + pacing.random() * (ceiling / 2));
    long left = deadline - pacing.nanoTime();
    if (left <= 0) {
      return false;
    }
    pacing.sleep(Duration.ofNanos(Math.min(pause, left)));
    return true;
  }
}
