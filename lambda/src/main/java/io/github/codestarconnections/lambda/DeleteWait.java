package io.github.codestarconnections.lambda;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How long a Delete waits for the connections on its host to go before it fails naming them.
 *
 * <p>CloudFormation's cleanup deletes a replaced host and the connections that leave the stack with
 * it in an order it does not document, in parallel where nothing orders them: a host may be asked
 * to go while a connection that is being deleted still uses it, and the service refuses DeleteHost
 * until no connection does (DeleteHost, both models). So onEvent notes a deadline in its Data (the
 * Provider framework hands onEvent's answer, Data included, to every isComplete poll of the event,
 * and each poll is otherwise the same event), and isComplete waits while the deadline lasts. A
 * connection that stays (retained, or made outside the stack) then fails the Delete with what to
 * do, a few polls after the first by the provider's schedule (30 s, then 60 s between polls by
 * default) and long before the framework's total timeout.
 */
final class DeleteWait {
  /** The Data key onEvent answers with: epoch milliseconds, as a string. */
  static final String KEY = "ConnectionsWaitUntil";

  /** How long from onEvent's answer. */
  static final Duration WINDOW = Duration.ofSeconds(150);

  private DeleteWait() {}

  /**
   * The deadline to answer from onEvent.
   *
   * @param clock the wall clock
   * @return the Data value
   */
  static String from(Clock clock) {
    return String.valueOf(clock.millis() + WINDOW.toMillis());
  }

  /**
   * The deadline onEvent answered, as isComplete gets it.
   *
   * @param event the raw event
   * @return epoch milliseconds, or null when there is none (or it is not a number)
   */
  static Long until(Map<String, Object> event) {
    if (!(event.get("Data") instanceof Map<?, ?> data)) {
      return null;
    }
    Object value = data.get(KEY);
    if (!(value instanceof String s) || s.isEmpty() || s.length() > 19) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
