package io.github.codestarconnections.lambda;

/**
 * A failed {@link HostApi} call, classified so the decisions do not depend on either SDK's
 * exception classes.
 */
public final class HostApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure it was. */
  public enum Kind {
    /** ResourceNotFoundException. */
    NOT_FOUND,
    /** ResourceUnavailableException: the host is busy (VPC work in progress). */
    UNAVAILABLE,
    /** ConflictException: another operation on the same host is running. */
    CONFLICT,
    /** UnsupportedOperationException: not allowed in the host's current status. */
    UNSUPPORTED,
    /** LimitExceededException: the account's host quota is used up. */
    LIMIT_EXCEEDED,
    /** Throttled, still after the SDK's retries. */
    THROTTLED,
    /** AccessDeniedException and friends. */
    ACCESS_DENIED,
    /** The service rejected the request's content. */
    INVALID_REQUEST,
    /** A 5xx answer, still after the SDK's retries. */
    SERVER_ERROR,
    /** No answer at all: connection failure, timeout, lost response. */
    NO_RESPONSE,
    /** Anything else. */
    OTHER
  }

  private final String operation;
  private final Kind kind;
  private final String serviceMessage;

  /**
   * Creates one.
   *
   * @param operation the API operation, e.g. CreateHost
   * @param kind the classification
   * @param serviceMessage the service's (or SDK's) message, never null
   * @param cause the SDK exception
   */
  public HostApiException(String operation, Kind kind, String serviceMessage, Throwable cause) {
    super(operation + " failed (" + kind + "): " + serviceMessage, cause);
    this.operation = operation;
    this.kind = kind;
    this.serviceMessage = serviceMessage;
  }

  /**
   * The operation that failed.
   *
   * @return e.g. UpdateHost
   */
  public String operation() {
    return operation;
  }

  /**
   * The classification.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The service's message.
   *
   * @return the message
   */
  public String serviceMessage() {
    return serviceMessage;
  }

  /**
   * Whether trying again later may succeed (the SDK has already retried briefly).
   *
   * @return true for throttling, server errors, missing responses and busy hosts
   */
  public boolean isTransient() {
    return kind == Kind.THROTTLED
        || kind == Kind.SERVER_ERROR
        || kind == Kind.NO_RESPONSE
        || kind == Kind.UNAVAILABLE
        || kind == Kind.CONFLICT;
  }
}
