package io.github.codestarconnections.lambda;

import java.util.Set;

/** What a host status string means for a waiting handler. */
public enum StatusKind {
  /** PENDING or AVAILABLE: the host exists and is usable (PENDING awaits console setup). */
  READY,
  /** VPC work in progress: wait. */
  WORKING,
  /** VPC_CONFIG_FAILED_INITIALIZATION or ERROR: fail, quoting the status message. */
  FAILED,
  /** A status this handler does not know: keep waiting and log it. */
  UNKNOWN;

  private static final Set<String> READY_STATUSES = Set.of("PENDING", "AVAILABLE");
  // The API's names, and the spellings the console guide uses for the same states.
  private static final Set<String> WORKING_STATUSES =
      Set.of(
          "VPC_CONFIG_INITIALIZING",
          "VPC_CONFIG_DELETING",
          "VPC_CONFIG_VPC_INITIALIZING",
          "VPC_CONFIG_VPC_DELETING");
  private static final Set<String> FAILED_STATUSES =
      Set.of("VPC_CONFIG_FAILED_INITIALIZATION", "VPC_CONFIG_VPC_FAILED_INITIALIZATION", "ERROR");

  /**
   * Classifies a status string.
   *
   * @param status the status, may be null
   * @return its kind
   */
  public static StatusKind of(String status) {
    if (status == null) {
      return UNKNOWN;
    }
    if (READY_STATUSES.contains(status)) {
      return READY;
    }
    if (WORKING_STATUSES.contains(status)) {
      return WORKING;
    }
    return FAILED_STATUSES.contains(status) ? FAILED : UNKNOWN;
  }
}
