package io.github.codestarconnections.lambda;

/**
 * A custom-resource event of one of the handler's deploy-time reads, parsed and validated: a
 * connection lookup ({@value #LOOKUP_TYPE}) or a status check ({@value #CHECK_TYPE}). Exactly one
 * of {@code lookup} and {@code check} is set, except on a Delete, which reads nothing.
 *
 * @param requestType Create, Update or Delete
 * @param requestId CloudFormation's RequestId
 * @param logicalResourceId the resource's logical id
 * @param physicalResourceId the physical id (on isComplete also for Create), or null on Create
 * @param lookup the connection to find, or null
 * @param check the status to read, or null
 * @param startedAt when onEvent took the request (epoch milliseconds), on isComplete; else null
 */
public record ReadEvent(
    RequestType requestType,
    String requestId,
    String logicalResourceId,
    String physicalResourceId,
    Lookup lookup,
    Check check,
    Long startedAt) {

  /** The resource type of a connection lookup. */
  public static final String LOOKUP_TYPE = "Custom::CodeStarConnectionsConnectionLookup";

  /** The resource type of a status check of a connection or host. */
  public static final String CHECK_TYPE = "Custom::CodeStarConnectionsStatusCheck";

  /**
   * A connection to find by name with ListConnections.
   *
   * @param name the ConnectionName, matched exactly
   * @param providerTypeFilter the ProviderTypeFilter, or null
   * @param hostArnFilter the HostArnFilter, or null
   * @param namespace the namespace the connection's ARN must name, or null for either
   */
  public record Lookup(
      String name, String providerTypeFilter, String hostArnFilter, Namespace namespace) {}

  /**
   * The status of a connection or host, and what to do with it.
   *
   * @param resourceArn the connection or host ARN
   * @param host whether it is a host ARN
   * @param mode what a status other than AVAILABLE does
   * @param waitSeconds how long {@link CheckMode#WAIT_FOR_AVAILABLE} waits; 0 otherwise
   * @param consoleAddress where a person finishes the handshake or sets up the host
   */
  public record Check(
      String resourceArn, boolean host, CheckMode mode, int waitSeconds, String consoleAddress) {}

  /** What a status check does with a status other than AVAILABLE. */
  public enum CheckMode {
    /** Reports the status in the resource's attributes; never fails on it. */
    REPORT,
    /** Fails the deployment, saying where and how to finish the setup. */
    REQUIRE_AVAILABLE,
    /** Polls until AVAILABLE, then fails as REQUIRE_AVAILABLE once the wait is over. */
    WAIT_FOR_AVAILABLE
  }

  /**
   * Whether an event is one of these reads, by its ResourceType ("A provider may handle any number
   * of custom resource types", aws-cdk-lib custom-resources README, Provider framework).
   *
   * @param event the raw event, may be null
   * @return true for {@link #LOOKUP_TYPE} and {@link #CHECK_TYPE}
   */
  public static boolean isRead(java.util.Map<String, Object> event) {
    Object type = event == null ? null : event.get("ResourceType");
    return LOOKUP_TYPE.equals(type) || CHECK_TYPE.equals(type);
  }

  /**
   * What messages call the resource.
   *
   * @return e.g. "Connection lookup 'acme-github'"
   */
  public String subject() {
    if (lookup != null) {
      return "Connection lookup '" + ResourceFailure.bound(lookup.name(), 128) + "'";
    }
    if (check != null) {
      return (check.host() ? "Host" : "Connection")
          + " status check of "
          + ResourceFailure.bound(check.resourceArn(), ResourceFailure.MAX_QUOTE);
    }
    return "Read " + logicalResourceId;
  }
}
