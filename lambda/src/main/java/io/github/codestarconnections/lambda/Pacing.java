package io.github.codestarconnections.lambda;

import java.time.Duration;

/**
 * Time for the handler's retries: a clock, a sleep and a random number for jitter, so that tests
 * can run the same decisions without waiting.
 */
public interface Pacing {
  /**
   * The current time.
   *
   * @return nanoseconds, as {@link System#nanoTime()}
   */
  long nanoTime();

  /**
   * Waits.
   *
   * @param pause how long
   */
  void sleep(Duration pause);

  /**
   * A random number for jitter.
   *
   * @return a number in [0, 1)
   */
  double random();

  /**
   * The real clock, sleep and randomness; the jitter draws from {@link java.security.SecureRandom},
   * which stays unique across SnapStart restores
   * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html).
   *
   * @return the pacing Lambda runs with
   */
  static Pacing real() {
    return new Pacing() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration pause) {
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public double random() {
        return RestoreSafeBackoff.uniform();
      }
    };
  }

  /**
   * For tests: nothing is slept, and time is only what the pauses add up to (a clock that starts at
   * zero and moves by every pause, never by the machine's own time), and the jitter is fixed at its
   * middle, so a budget allows the same number of attempts on every run, however loaded the machine
   * is.
   *
   * @return a pacing that never waits
   */
  static Pacing virtual() {
    return new Pacing() {
      private long now;

      @Override
      public synchronized long nanoTime() {
        return now;
      }

      @Override
      public synchronized void sleep(Duration pause) {
        now += pause.toNanos();
      }

      @Override
      public double random() {
        return 0.5;
      }
    };
  }
}
