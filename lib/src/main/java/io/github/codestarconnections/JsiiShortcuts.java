package io.github.codestarconnections;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

/**
 * Answers that would otherwise each cost a round trip from Java into the jsii kernel (a Node.js
 * process): at synth the constructs of this library make thousands of them, and they are most of
 * what an L2 costs over the L1 it wraps (docs/PERFORMANCE.md).
 */
final class JsiiShortcuts {
  /** How every string token starts ({@code ${Token[TOKEN.123]}}); a list token uses {@code #{}. */
  private static final String STRING_TOKEN_MARKER = "${Token[";

  private JsiiShortcuts() {}

  /**
   * Whether a string is, or holds, an unresolved token. A string without the token marker is a
   * literal, which is checked in Java; only a string with the marker is asked of the kernel.
   *
   * @param value the string (may be null)
   * @return the same answer as {@code Token.isUnresolved(value)}
   */
  static boolean isUnresolved(String value) {
    return value != null && value.contains(STRING_TOKEN_MARKER) && Token.isUnresolved(value);
  }

  /**
   * The stack a construct being made in {@code scope} belongs to: {@code scope} itself when it is a
   * stack (the usual case, and no call into the kernel), else {@code Stack.of(construct)}.
   *
   * @param scope the construct's scope
   * @param construct the construct
   * @return its stack
   */
  static Stack stackOf(Construct scope, Construct construct) {
    return scope instanceof Stack stack ? stack : Stack.of(construct);
  }
}
