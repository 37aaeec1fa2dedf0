package io.github.codestarconnections.lambda;

/**
 * A failure CloudFormation shows the user as the resource's status reason. Its message says which
 * host, what failed and what to do, and is at most {@value #MAX_LENGTH} characters.
 */
public final class ResourceFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest reason we hand to CloudFormation. */
  public static final int MAX_LENGTH = 1000;

  /**
   * Creates one.
   *
   * @param reason the reason; truncated to {@link #MAX_LENGTH}
   * @param cause the underlying exception, may be null
   */
  public ResourceFailure(String reason, Throwable cause) {
    super(truncate(reason), cause);
  }

  /**
   * Creates one without a cause.
   *
   * @param reason the reason; truncated to {@link #MAX_LENGTH}
   */
  public ResourceFailure(String reason) {
    this(reason, null);
  }

  /**
   * Cuts a text to {@link #MAX_LENGTH} characters without splitting a surrogate pair, marking the
   * cut with "...".
   *
   * @param text the text, may be null
   * @return the text, at most {@link #MAX_LENGTH} characters
   */
  public static String truncate(String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH - 3;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "...";
  }
}
