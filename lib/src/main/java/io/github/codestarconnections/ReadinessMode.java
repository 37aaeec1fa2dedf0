package io.github.codestarconnections;

/** What a {@link ReadinessCheck} does when the connection or host is not {@code AVAILABLE}. */
public enum ReadinessMode {
  /**
   * Reports the status (the check's {@code Status} and {@code Summary} attributes and its stack
   * output) and lets the deployment go on, whatever it is.
   */
  REPORT,

  /**
   * Fails the deployment at once unless the status is {@code AVAILABLE}, with the console address
   * and what a person has to do there. For a connection made elsewhere: a connection made in the
   * same deployment is {@code PENDING} then, so this fails that deployment, and in the connection's
   * own stack every retry (whose rollback deleted the new connection) as well; a webhook or a
   * {@link RepositoryLink} on such a connection needs {@link #WAIT_FOR_AVAILABLE}.
   */
  REQUIRE_AVAILABLE,

  /**
   * Asks again on the stack's provider schedule ({@link HostProviderSettings}) until the status is
   * {@code AVAILABLE}, for a person to finish the handshake meanwhile; fails as {@link
   * #REQUIRE_AVAILABLE} once {@link ReadinessCheckProps#getTimeout() timeout} is over.
   */
  WAIT_FOR_AVAILABLE
}
