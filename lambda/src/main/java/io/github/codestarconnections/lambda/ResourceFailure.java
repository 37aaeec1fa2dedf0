package io.github.codestarconnections.lambda;

/**
 * A failure CloudFormation shows the user as the resource's status reason. Its message says which
 * host, what failed and what to do, and takes at most {@value #MAX_LENGTH} bytes of JSON however it
 * is encoded (so also at most that many characters).
 *
 * <p>Why bytes: CloudFormation rejects a custom-resource response body over 4096 bytes, and the
 * Provider framework puts this message in that body next to the ids (and appends a line pointing at
 * the logs). A 1000-character cut alone could still be 3000 bytes of UTF-8, or 6000 once control
 * characters are escaped.
 */
public final class ResourceFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest reason we hand to CloudFormation, in bytes of JSON (see {@link #bound}). */
  public static final int MAX_LENGTH = 1000;

  /** The most of a service's (or user's) text quoted inside a reason, in the same bytes. */
  public static final int MAX_QUOTE = 300;

  /**
   * Creates one.
   *
   * @param reason the reason; cut to {@link #MAX_LENGTH}
   * @param cause the underlying exception, may be null
   */
  public ResourceFailure(String reason, Throwable cause) {
    super(truncate(reason), cause);
  }

  /**
   * Creates one without a cause.
   *
   * @param reason the reason; cut to {@link #MAX_LENGTH}
   */
  public ResourceFailure(String reason) {
    this(reason, null);
  }

  /**
   * Cuts a text to {@link #MAX_LENGTH} bytes, see {@link #bound(String, int)}.
   *
   * @param text the text, may be null
   * @return the text, at most {@link #MAX_LENGTH} bytes and characters
   */
  public static String truncate(String text) {
    return bound(text, MAX_LENGTH);
  }

  /**
   * Makes a text safe for CloudFormation's JSON response: unpaired surrogates (which UTF-8 cannot
   * carry) become U+FFFD, and the text is cut on a code-point boundary so that its JSON form takes
   * at most {@code maxBytes} however it is encoded (raw UTF-8 or ASCII with escapes), marking the
   * cut with "...". Plain ASCII text keeps its full budget.
   *
   * @param text the text, may be null
   * @param maxBytes the budget, at least 3
   * @return the text, at most {@code maxBytes} bytes and characters
   */
  public static String bound(String text, int maxBytes) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxBytes));
    int bytes = 0;
    int keep = 0; // where to cut so that "..." still fits
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        cp = 0xFFFD;
      }
      int cost = jsonUtf8Bytes(cp);
      if (bytes + cost > maxBytes) {
        out.setLength(keep);
        return out.append("...").toString();
      }
      out.appendCodePoint(cp);
      bytes += cost;
      if (bytes <= maxBytes - 3) {
        keep = out.length();
      }
    }
    return out.toString();
  }

  /**
   * Bytes one code point can take in a JSON string, whatever the encoder: escapes for quotes,
   * backslashes and control characters, and for anything outside ASCII the {@code \\uXXXX} escape
   * (6 bytes; 12 for a surrogate pair), which some encoders write instead of raw UTF-8.
   */
  private static int jsonUtf8Bytes(int cp) {
    if (cp == '"' || cp == '\\' || cp == '\n' || cp == '\r' || cp == '\t') {
      return 2;
    }
    if (cp < 0x20 || cp == 0x7F) {
      return 6;
    }
    if (cp < 0x80) {
      return 1;
    }
    return cp < 0x10000 ? 6 : 12;
  }
}
