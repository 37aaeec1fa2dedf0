package io.github.codestarconnections.test.crac;

/** A hook failed before the checkpoint. */
public class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param cause the hook's failure
   */
  public CheckpointException(Throwable cause) {
    super(cause);
  }
}
