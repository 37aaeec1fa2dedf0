package io.github.codestarconnections.test.lifecycle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A scenario whose fix is in lib (a later round of issue 10): it fails today and is run with {@code
 * -Dlifecycle.awaitingLib=true}. Its {@link #value} says which item and what lib must do.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(
    named = "lifecycle.awaitingLib",
    matches = "true",
    disabledReason = "waits for a lib change of issue 10; run with -Dlifecycle.awaitingLib=true")
@interface AwaitsLibFix {
  /**
   * The issue item and the lib change it waits for.
   *
   * @return e.g. "item 7: ..."
   */
  String value();
}
