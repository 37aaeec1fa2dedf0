package io.github.codestarconnections.test.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall clock of a played stack: it stands still while handlers run and moves on only when the
 * Provider framework's waiter waits between isComplete polls ({@link ProviderFramework}), so that
 * deadlines the handlers keep across polls are met as they would be in AWS, without waiting.
 */
final class HarnessClock extends Clock {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the harness clock is UTC");
  }
}
