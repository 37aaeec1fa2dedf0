package io.github.codestarconnections.lambda;

/**
 * A CloudFormation custom-resource event for a host, parsed and validated.
 *
 * @param requestType Create, Update or Delete
 * @param requestId CloudFormation's RequestId (what the {@link MarkerTag}s it writes name)
 * @param stackId the stack's ARN, or null (the {@link MarkerTag}s' owner, with the logical id)
 * @param logicalResourceId the resource's logical id
 * @param physicalResourceId the physical id (on isComplete also for Create), or null
 * @param properties the wanted host; null on Delete when the properties are unusable
 * @param oldProperties the previous host on Update, as recorded (read, never held to today's
 *     limits: see {@link HostEventParser}), else null
 * @param connectionsWaitUntil on a Delete's isComplete, until when (epoch milliseconds) it waits
 *     for the host's connections to go (see DeleteWait), else null
 */
public record HostEvent(
    RequestType requestType,
    String requestId,
    String stackId,
    String logicalResourceId,
    String physicalResourceId,
    HostSpec properties,
    HostSpec oldProperties,
    Long connectionsWaitUntil) {

  /**
   * An event without a wait for connections.
   *
   * @param requestType Create, Update or Delete
   * @param requestId CloudFormation's RequestId
   * @param stackId the stack's ARN
   * @param logicalResourceId the resource's logical id
   * @param physicalResourceId the physical id, or null
   * @param properties the wanted host, or null on Delete
   * @param oldProperties the previous host on Update, else null
   */
  public HostEvent(
      RequestType requestType,
      String requestId,
      String stackId,
      String logicalResourceId,
      String physicalResourceId,
      HostSpec properties,
      HostSpec oldProperties) {
    this(
        requestType,
        requestId,
        stackId,
        logicalResourceId,
        physicalResourceId,
        properties,
        oldProperties,
        null);
  }

  /**
   * The host name to quote in messages.
   *
   * @return the wanted name, or "(unknown)"
   */
  public String hostName() {
    return properties != null && properties.name() != null ? properties.name() : "(unknown)";
  }
}
