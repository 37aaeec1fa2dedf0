package io.github.codestarconnections.test.standin;

/** A scripted misbehaviour of the stand-in, queued per operation. */
public enum Fault {
  /** 400 ThrottlingException, nothing done. */
  THROTTLE,
  /** 500 InternalServerException, nothing done. */
  SERVER_ERROR,
  /** The action is performed, then the connection is closed without an answer. */
  LOST_RESPONSE,
  /** 400 LimitExceededException, nothing done. */
  LIMIT_EXCEEDED,
  /** 400 ResourceUnavailableException, nothing done. */
  RESOURCE_UNAVAILABLE,
  /**
   * 400 ResourceNotFoundException, nothing done: a read that does not see a resource yet, as an
   * eventually consistent service may answer just after it was made.
   */
  NOT_FOUND,
  /**
   * Nothing is done and the connection is dropped before any answer, as when a load balancer resets
   * it (the JDK's HTTP server cannot send a TCP RST; the client sees the connection end early,
   * which the SDK treats the same way: an I/O error, retried).
   */
  CONNECTION_RESET,
  /**
   * The action is performed, but the answer is held back for {@link
   * CodeStarConnectionsStandIn#slowAnswerDelay} before it is sent: past the client's attempt
   * timeout, the client has given up by then.
   */
  SLOW_ANSWER
}
