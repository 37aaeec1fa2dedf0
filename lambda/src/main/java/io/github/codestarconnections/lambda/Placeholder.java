package io.github.codestarconnections.lambda;

import java.util.Optional;

/**
 * The physical id of a host whose CreateHost outcome is not known yet (the last attempt got no
 * answer or a server error, and no host of this request has shown up): {@value #PREFIX} followed by
 * the RequestId its create marker carries. It is not an ARN. isComplete resolves it to the host by
 * the marker (answering the ARN as the new physical id), and a Delete of it deletes the host the
 * marker finds, so that a create that fails never leaks a host.
 */
public final class Placeholder {
  /** What every placeholder starts with. */
  public static final String PREFIX = "codestarconnections-cdk:unsettled:";

  private Placeholder() {}

  /**
   * The placeholder of a request.
   *
   * @param requestId the RequestId of the create
   * @return the physical id
   */
  public static String of(String requestId) {
    return PREFIX + requestId;
  }

  /**
   * The RequestId a physical id names, if it is a placeholder.
   *
   * @param physicalId any physical id, may be null
   * @return the RequestId, or empty
   */
  public static Optional<String> requestId(String physicalId) {
    return physicalId != null
            && physicalId.startsWith(PREFIX)
            && physicalId.length() > PREFIX.length()
        ? Optional.of(physicalId.substring(PREFIX.length()))
        : Optional.empty();
  }
}
