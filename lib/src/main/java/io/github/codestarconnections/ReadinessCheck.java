package io.github.codestarconnections;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Policy;
import software.constructs.Construct;

/**
 * Reads a connection's or host's status at deploy time ({@code GetConnection}, {@code GetHost})
 * and, as {@link ReadinessCheckProps#getMode() mode} says, reports it, fails the deployment unless
 * it is {@code AVAILABLE}, or waits a bounded time for a person to finish the handshake. Made for
 * stacks that use a connection made elsewhere: a connection nobody finished in the console is
 * {@code PENDING}, and every pipeline on it deploys fine, then fails at its first run.
 *
 * <p>The check is a {@value #RESOURCE_TYPE} custom resource on the stack's host provider. Its
 * attributes: {@link #getStatus()}, {@link #getSummary()} (the status, the console address and what
 * to do), also a stack output unless {@link ReadinessCheckProps#getOutput() output} is false. The
 * provider's isComplete role gets the one read action on the one resource, in a policy of its own.
 * Like every custom resource, the check runs when it is new and when its properties change; {@link
 * Rerun#EVERY_DEPLOY} makes it run at every deployment.
 *
 * <pre>{@code
 * IConnection github = Connection.fromConnectionName(this, "GitHub", "acme-github");
 * ReadinessCheck.Builder.create(this, "GitHubReady")
 *     .connection(github)
 *     .mode(ReadinessMode.REQUIRE_AVAILABLE)
 *     .build();
 * }</pre>
 */
public class ReadinessCheck extends Construct {
  /** The custom resource type of a check, served by the stack's host provider. */
  public static final String RESOURCE_TYPE = "Custom::CodeStarConnectionsStatusCheck";

  /** How long WAIT_FOR_AVAILABLE waits unless told. */
  static final Duration DEFAULT_TIMEOUT = Duration.minutes(10);

  /** Where hosts are regional, in AWS's words. */
  static final String REGIONAL_HOSTS =
      "hosts are regional (\"You use host resources only in the Region where they were created\","
          + " https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-how-it-works-global.html)";

  private final CfnResource resource;
  private final ReadinessMode mode;
  private final IConnection connection;

  /**
   * Defines a check.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the connection or host, and the mode
   * @throws IllegalArgumentException on props that do not go together
   */
  public ReadinessCheck(Construct scope, String id, ReadinessCheckProps props) {
    super(scope, id);
    Owner owner = new Owner("ReadinessCheck", this);
    IConnection connection = props.getConnection();
    IHost host = props.getHost();
    if ((connection == null) == (host == null)) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + (connection == null
                  ? "neither connection nor host is"
                  : "both connection and host are")
              + " set; a check reads exactly one of them");
    }
    this.mode = props.getMode() == null ? ReadinessMode.REPORT : props.getMode();
    this.connection = connection;
    Stack stack = Stack.of(this);
    if (host != null) {
      requireSameRegion(owner, host, stack);
    }
    HostProviderSettings.Values settings = HostProviderSettings.of(stack, owner);
    int waitSeconds = waitSeconds(owner, props.getTimeout(), settings);

    Optional<ServiceNamespace> known =
        connection != null ? connection.getServiceNamespace() : host.getServiceNamespace();
    String arn = connection != null ? connection.getConnectionArn() : host.getHostArn();
    String console = ConsoleAddress.connectionsPage(this, owner);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ResourceArn", arn);
    properties.put("Mode", mode.name());
    properties.put("WaitSeconds", waitSeconds == 0 ? null : Integer.toString(waitSeconds));
    properties.put("ConsoleAddress", console);
    // Unknown namespace: the codeconnections API takes both namespaces' host ARNs.
    DeployTimeRead read =
        DeployTimeRead.render(
            this,
            owner,
            RESOURCE_TYPE,
            known.orElse(ServiceNamespace.CODECONNECTIONS),
            properties,
            props.getRerun());
    this.resource = read.resource();
    // IAM matches the action's prefix with the ARN's: both prefixes when the namespace is unknown.
    Policy policy =
        read.provider()
            .grantCheck(
                this,
                known.map(List::of).orElseGet(() -> Arrays.asList(ServiceNamespace.values())),
                connection != null
                    ? HandlerPermissions.CHECK_CONNECTION
                    : HandlerPermissions.CHECK_HOST,
                arn);
    resource.getNode().addDependency(policy);
    boolean output = !Boolean.FALSE.equals(props.getOutput());
    String what =
        !output && mode != ReadinessMode.WAIT_FOR_AVAILABLE
            ? null
            : connection != null
                ? "connection " + connectionName(connection)
                : "host " + hostName(host);
    if (mode == ReadinessMode.WAIT_FOR_AVAILABLE) {
      // Printed by cdk synth and cdk deploy before the deploy starts: where the person goes while
      // the deploy waits (CloudFormation shows a custom resource only as CREATE_IN_PROGRESS).
      Annotations.of(this)
          .addInfo(
              "While the stack deploys, this check waits up to "
                  + waitSeconds
                  + " s for "
                  + what
                  + " to be AVAILABLE. Meanwhile, open "
                  + (JsiiShortcuts.isUnresolved(console)
                      ? "the Developer Tools console's Settings, Connections page in the stack's"
                          + " Region"
                      : console)
                  + (connection != null
                      ? ", choose the connection by name, then 'Update pending connection', and"
                          + " finish the provider's sign-in."
                      : ", choose the Hosts tab and the host by name, then 'Set up host'."));
    }
    if (output) {
      CfnOutput.Builder.create(this, "Summary")
          .description(
              "Status of "
                  + what
                  + " when the stack was deployed, and where to finish its setup ("
                  + getNode().getPath()
                  + ")")
          .value(getSummary())
          .build();
    }
  }

  /**
   * The status the check read: {@code AVAILABLE}, {@code PENDING}, {@code ERROR} (a host also
   * {@code VPC_CONFIG_*}), or {@code NOT_FOUND} when REPORT finds no such resource.
   *
   * @return a token for {@code Fn::GetAtt Status}
   */
  public String getStatus() {
    return Token.asString(resource.getAtt("Status"));
  }

  /**
   * One line for a person: the resource's name and status, the console address and, unless it is
   * {@code AVAILABLE}, what to do there.
   *
   * @return a token for {@code Fn::GetAtt Summary}
   */
  public String getSummary() {
    return Token.asString(resource.getAtt("Summary"));
  }

  /**
   * What the check does when the status is not {@code AVAILABLE}.
   *
   * @return the mode
   */
  public ReadinessMode getMode() {
    return mode;
  }

  /**
   * The connection the check reads, for the rules that need a check of a connection.
   *
   * @return the connection, or null for a check of a host
   */
  IConnection connection() {
    return connection;
  }

  /**
   * Refuses a host of another Region than the check's stack, when both are known: the check calls
   * GetHost in its stack's Region, where such a host does not exist.
   */
  private static void requireSameRegion(Owner owner, IHost host, Stack stack) {
    String hostRegion = host.getEnv().getRegion();
    String checkRegion = stack.getRegion();
    if (!JsiiShortcuts.isUnresolved(hostRegion)
        && !JsiiShortcuts.isUnresolved(checkRegion)
        && !hostRegion.equals(checkRegion)) {
      throw new IllegalArgumentException(
          owner
              + ": host at '"
              + host.getNode().getPath()
              + "' is in Region "
              + hostRegion
              + ", the check's stack in "
              + checkRegion
              + "; "
              + REGIONAL_HOSTS
              + ", and the check reads the host in its own stack's Region: make the check in a"
              + " stack of "
              + hostRegion);
    }
  }

  private int waitSeconds(Owner owner, Duration timeout, HostProviderSettings.Values settings) {
    if (mode != ReadinessMode.WAIT_FOR_AVAILABLE) {
      if (timeout != null) {
        throw new IllegalArgumentException(
            owner
                + ": timeout "
                + timeout.toHumanString()
                + " is set with mode "
                + mode
                + "; only WAIT_FOR_AVAILABLE waits: drop timeout or set that mode");
      }
      return 0;
    }
    long bound = seconds(settings.totalTimeout()) - seconds(settings.maxQueryInterval());
    if (timeout == null) {
      return (int) Math.max(1, Math.min(seconds(DEFAULT_TIMEOUT), bound));
    }
    double millis = timeout.toMilliseconds().doubleValue();
    if (millis < 1000 || millis % 1000 != 0 || millis / 1000 > bound) {
      throw new IllegalArgumentException(
          owner
              + ": timeout "
              + timeout.toHumanString()
              + " is not a whole number of seconds from 1 to "
              + bound
              + ": the stack's provider gives up after totalTimeout "
              + settings.totalTimeout().toHumanString()
              + ", and its last check may come maxQueryInterval "
              + settings.maxQueryInterval().toHumanString()
              + " before that (raise them with HostProviderSettings)");
    }
    return (int) (millis / 1000);
  }

  private static long seconds(Duration d) {
    return d.toMilliseconds().longValue() / 1000;
  }

  private static String named(String name, software.constructs.IConstruct construct) {
    return JsiiShortcuts.isUnresolved(name)
        ? construct.getNode().getPath()
        : "'" + name + "' (" + construct.getNode().getPath() + ")";
  }

  private static String connectionName(IConnection connection) {
    try {
      return named(connection.getConnectionName(), connection);
    } catch (IllegalStateException byArnAlone) {
      // An import by ARN has no name; its path names it.
      return connection.getNode().getPath();
    }
  }

  private static String hostName(IHost host) {
    return host instanceof Host owned
        ? named(owned.getHostName(), owned)
        : host.getNode().getPath();
  }

  /** A fluent builder for {@link ReadinessCheck}. */
  public static final class Builder extends ReadinessCheckProps.Setters<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a check.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * Builds the check.
     *
     * @return the check
     */
    public ReadinessCheck build() {
      return new ReadinessCheck(scope, id, new ReadinessCheckProps(this));
    }
  }
}
