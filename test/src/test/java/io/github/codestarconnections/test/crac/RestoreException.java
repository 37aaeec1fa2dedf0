package io.github.codestarconnections.test.crac;

/** A hook failed after the restore. */
public class RestoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param cause the hook's failure
   */
  public RestoreException(Throwable cause) {
    super(cause);
  }
}
