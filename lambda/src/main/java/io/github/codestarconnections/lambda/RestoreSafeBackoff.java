package io.github.codestarconnections.lambda;

import java.security.SecureRandom;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The SDK standard retry strategy's backoff, exponential with full jitter (no wait before the first
 * attempt, then a uniform draw below {@code min(base x 2^(attempt-2), max)}), drawing from a {@link
 * SecureRandom} instead of the SDK's {@code ThreadLocalRandom}. A SnapStart snapshot copies the
 * JVM's {@code ThreadLocalRandom} seeds into every environment restored from it, so their retries
 * would wait in step; {@code java.security.SecureRandom} is one of the generators AWS lists as
 * staying unique across restores
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html).
 *
 * @param base the wait the exponent starts from
 * @param max the longest wait
 */
record RestoreSafeBackoff(Duration base, Duration max) implements BackoffStrategy {
  /** The standard strategy's backoff: base 100 ms, at most 20 s (SDK DefaultRetryStrategy). */
  static final RestoreSafeBackoff STANDARD =
      new RestoreSafeBackoff(Duration.ofMillis(100), Duration.ofSeconds(20));

  /** The standard strategy's backoff after throttling: base 1 s, at most 20 s. */
  static final RestoreSafeBackoff THROTTLED =
      new RestoreSafeBackoff(Duration.ofSeconds(1), Duration.ofSeconds(20));

  /** Beyond this many attempts the exponent stops growing (as the SDK's, 2^30 > any cap). */
  private static final int MAX_EXPONENT_ATTEMPT = 30;

  /** Made on the first draw, not at start-up: most invocations never retry. */
  private static final class Draws {
    static final SecureRandom RANDOM = new SecureRandom();
  }

  /**
   * A uniform draw in [0, 1) from the same restore-safe generator, for the handler's own jitter
   * ({@link Pacing#real()}), so that no random number of the handler's comes from a generator a
   * SnapStart snapshot would copy.
   *
   * @return a number in [0, 1)
   */
  static double uniform() {
    return Draws.RANDOM.nextDouble();
  }

  @Override
  public Duration computeDelay(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt " + attempt + " is not positive");
    }
    if (attempt == 1) {
      return Duration.ZERO;
    }
    int exponent = Math.min(attempt, MAX_EXPONENT_ATTEMPT) - 2;
    long ceiling = Math.min(base.toMillis() << exponent, max.toMillis());
    return Duration.ofMillis(Draws.RANDOM.nextInt((int) Math.max(ceiling, 1)));
  }
}
