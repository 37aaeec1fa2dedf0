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
  RESOURCE_UNAVAILABLE
}
