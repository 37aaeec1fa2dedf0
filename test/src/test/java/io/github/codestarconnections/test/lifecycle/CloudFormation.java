package io.github.codestarconnections.test.lifecycle;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.codestarconnections.lambda.IsCompleteHandler;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.OnEventHandler;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Delivery;
import io.github.codestarconnections.test.lifecycle.ProviderFramework.Redelivered;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.PolicyStatement;
import io.github.codestarconnections.test.standin.StandInClients;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CloudFormation stack played by the documented rules against the stand-in: create, update (with
 * cleanup, or rollback and rollback cleanup) and delete, driving the real Java handlers through the
 * CDK Provider framework's contract. Each rule is cited where it is played (here, in {@link
 * StackUpdate}, {@link ProviderFramework} and {@link CloudFormationRules}).
 *
 * <p>Where the documentation is silent, a switch picks the answer: {@link #keepFailedPhysicalId}
 * and {@link #cleanupOrder}; scenarios that care run both ways.
 */
public final class CloudFormation implements AutoCloseable {
  /** In which order the cleanup phase deletes (undocumented). */
  public enum CleanupOrder {
    /** The old physical resources of replacements first, then the removed resources. */
    REPLACED_FIRST,
    /** The removed resources first, then the old physical resources of replacements. */
    REMOVED_FIRST
  }

  /** The deployer's principal: CloudFormation's own handlers act with its rights. */
  static final String DEPLOYER = "arn:aws:iam::" + Intrinsics.ACCOUNT + ":role/deployer";

  private static final String ON_EVENT =
      "io.github.codestarconnections.lambda.OnEventHandler::handleRequest";
  private static final String IS_COMPLETE =
      "io.github.codestarconnections.lambda.IsCompleteHandler::handleRequest";

  private final CodeStarConnectionsStandIn standIn;
  private final Map<String, StandInClients> clients = new LinkedHashMap<>();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
  final Map<String, Deployed> resources = new LinkedHashMap<>();
  final Set<String> failing = new HashSet<>();
  final List<String> events = new ArrayList<>();
  final ResourceDispatch dispatch;
  private final CustomResources customs;
  private final List<String> redeliveryDifferences = new ArrayList<>();
  final GitSyncResources gitSync;
  final HarnessClock clock = new HarnessClock();
  Map<String, Object> template = Map.of("Resources", Map.of());
  String status = "NONE";
  boolean keepFailedPhysicalId;
  CleanupOrder cleanupOrder = CleanupOrder.REPLACED_FIRST;

  /**
   * A new, empty stack against a stand-in, with the provider framework's waiter allowed 40 polls.
   *
   * @param standIn the service
   */
  public CloudFormation(CodeStarConnectionsStandIn standIn) {
    this(standIn, 40);
  }

  /**
   * A new, empty stack.
   *
   * @param standIn the service
   * @param maxPolls isComplete polls before the framework answers "Operation timed out"
   */
  public CloudFormation(CodeStarConnectionsStandIn standIn, int maxPolls) {
    this.standIn = standIn;
    standIn.allow(DEPLOYER, List.of(PolicyStatement.allowAll()));
    IamAccount iam = new IamAccount(standIn);
    this.gitSync = new GitSyncResources(standIn);
    NativeResources natives =
        new NativeResources(standIn, clients(DEPLOYER), iam, gitSync, failing);
    this.customs = new CustomResources(this::function, this::handler, maxPolls, clock);
    this.dispatch = new ResourceDispatch(natives, customs, events);
  }

  /**
   * Whether CloudFormation keeps the physical id a FAILED Update answer carries (undocumented).
   *
   * @param keep true to make it the resource's current id
   * @return this
   */
  public CloudFormation keepFailedPhysicalId(boolean keep) {
    this.keepFailedPhysicalId = keep;
    return this;
  }

  /**
   * The cleanup phase's order (undocumented).
   *
   * @param order which deletions first
   * @return this
   */
  public CloudFormation cleanupOrder(CleanupOrder order) {
    this.cleanupOrder = order;
    return this;
  }

  /**
   * Delivers the requests of some operations to this library's functions twice from now on, the way
   * Lambda and the Provider framework may ({@link Delivery}); what a second delivery does
   * differently from the first is kept in {@link #redeliveryDifferences()}.
   *
   * @param delivery how
   * @param operations CREATE, UPDATE, UPDATE_ROLLBACK, DELETE
   * @return this
   */
  public CloudFormation deliverTwice(Delivery delivery, String... operations) {
    Redelivered report =
        new Redelivered() {
          @Override
          public Object account() {
            // What a handler may change: hosts, their configuration and tags (not the statuses,
            // which the service moves on by itself), and connections.
            List<String> hosts = new ArrayList<>();
            standIn
                .hosts()
                .forEach(
                    h ->
                        hosts.add(
                            h.arn()
                                + " "
                                + h.providerEndpoint()
                                + " vpc="
                                + h.vpcId()
                                + h.subnetIds()
                                + h.securityGroupIds()
                                + " tags="
                                + new java.util.TreeMap<>(h.tags())));
            return hosts + " " + standIn.connections();
          }

          @Override
          public void differs(String what) {
            redeliveryDifferences.add(what);
          }
        };
    for (String operation : operations) {
      customs.deliver(operation, delivery, report);
    }
    return this;
  }

  /**
   * What a second delivery of a request did differently from the first: another answer, or another
   * account.
   *
   * @return one line each, empty when every request was safe to deliver twice
   */
  public List<String> redeliveryDifferences() {
    return List.copyOf(redeliveryDifferences);
  }

  /**
   * Makes the create or update of a logical id fail.
   *
   * @param logicalId the resource's logical id
   * @return this
   */
  public CloudFormation failOn(String logicalId) {
    failing.add(logicalId);
    return this;
  }

  /**
   * Deploys an app's template: creates the stack, or updates it.
   *
   * @param app the app
   * @return the outcome
   */
  public DeployResult deploy(LifecycleApp app) {
    return deploy(app.template());
  }

  /**
   * Deploys a template: creates the stack, or updates it.
   *
   * @param next the template
   * @return the outcome
   */
  public DeployResult deploy(Map<String, Object> next) {
    events.clear();
    if (resources.isEmpty() && !status.startsWith("UPDATE")) {
      return create(next);
    }
    return new StackUpdate(this, next).run();
  }

  /**
   * Deletes the stack: every resource in reverse dependency order, except those whose
   * DeletionPolicy retains them
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html).
   * A resource whose dependents failed to delete is left; any failure leaves DELETE_FAILED.
   *
   * @return the outcome
   */
  public DeployResult delete() {
    events.clear();
    Set<String> failed = new HashSet<>();
    String reason = null;
    for (String id : Templates.deletionOrder(template)) {
      Deployed d = resources.get(id);
      if (d == null) {
        continue;
      }
      if (!Collections.disjoint(Templates.dependents(template, id), failed)) {
        failed.add(id);
        continue;
      }
      if (retains(d)) {
        events.add("DELETE_SKIPPED " + id + " " + d.physicalId);
        resources.remove(id);
        continue;
      }
      try {
        dispatch.delete(d, "STACK");
        resources.remove(id);
      } catch (ResourceFailed f) {
        failed.add(id);
        reason = reason == null ? id + ": " + f.getMessage() : reason;
      }
    }
    status = failed.isEmpty() ? "DELETE_COMPLETE" : "DELETE_FAILED";
    return result(reason, List.of());
  }

  /**
   * The stack's status.
   *
   * @return e.g. UPDATE_COMPLETE
   */
  public String status() {
    return status;
  }

  /**
   * The current physical id of a resource whose logical id starts with a prefix (the construct id;
   * CDK appends a hash).
   *
   * @param logicalIdPrefix e.g. Ghes
   * @return the physical id
   */
  public String physicalId(String logicalIdPrefix) {
    List<String> matches = new ArrayList<>();
    resources.forEach(
        (id, d) -> {
          if (id.startsWith(logicalIdPrefix) && id.length() == logicalIdPrefix.length() + 8) {
            matches.add(d.physicalId);
          }
        });
    if (matches.size() != 1) {
      throw new AssertionError("resources named " + logicalIdPrefix + ": " + matches);
    }
    return matches.get(0);
  }

  /**
   * The role of the stack's Lambda function whose handler is a class of the lambda module.
   *
   * @param handlerClass e.g. OnEventHandler
   * @return the role's ARN, the principal its calls are made as
   */
  public String roleOf(String handlerClass) {
    for (Deployed d : resources.values()) {
      if (d.type().equals("AWS::Lambda::Function")
          && String.valueOf(d.properties.get("Handler")).contains("." + handlerClass + "::")) {
        return (String) d.properties.get("Role");
      }
    }
    throw new AssertionError("no function runs " + handlerClass);
  }

  /**
   * The handlers' JSON log lines so far.
   *
   * @return the log
   */
  public String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    clients.values().forEach(StandInClients::close);
  }

  // ---- Creating the stack -----------------------------------------------------------------------

  /**
   * Creates every resource in dependency order; a failure rolls the stack back by deleting what was
   * made, the failed resource included when it reported a physical id (stack status codes,
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html#cfn-console-view-stack-data-resources-status-codes).
   */
  private DeployResult create(Map<String, Object> next) {
    template = next;
    List<String> created = new ArrayList<>();
    for (String id : Templates.creationOrder(next)) {
      Map<String, Object> definition = Templates.map(Templates.resources(next).get(id));
      Map<String, Object> props = resolve(definition);
      try {
        resources.put(id, dispatch.create(id, definition, props));
        created.add(id);
      } catch (ResourceFailed f) {
        if (f.physicalId != null) {
          resources.put(id, new Deployed(id, definition, f.physicalId, props, Map.of()));
          created.add(id);
        }
        Collections.reverse(created);
        List<String> failures = new ArrayList<>();
        for (String made : created) {
          Deployed d = resources.get(made);
          if (CloudFormationRules.keptByRollbackOfItsCreate(d)) {
            events.add("ROLLBACK DELETE_SKIPPED " + made + " " + d.physicalId);
            resources.remove(made);
            continue;
          }
          try {
            dispatch.delete(d, "ROLLBACK");
            resources.remove(made);
          } catch (ResourceFailed g) {
            failures.add(made + ": " + g.getMessage());
          }
        }
        status = failures.isEmpty() ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED";
        return result(id + ": " + f.getMessage(), failures);
      }
    }
    status = "CREATE_COMPLETE";
    return result(null, List.of());
  }

  // ---- Shared with StackUpdate ------------------------------------------------------------------

  Map<String, Object> resolve(Map<String, Object> definition) {
    Object props =
        new Intrinsics(
                template,
                new Intrinsics.Lookup() {
                  @Override
                  public String ref(String logicalId) {
                    return require(logicalId).physicalId;
                  }

                  @Override
                  public Object getAtt(String logicalId, String attribute) {
                    return dispatch.attribute(require(logicalId), attribute);
                  }
                })
            .resolve(definition.get("Properties"));
    return props == null ? Map.of() : Templates.map(props);
  }

  private Deployed require(String logicalId) {
    Deployed d = resources.get(logicalId);
    if (d == null) {
      throw new ResourceFailed(null, "unresolved reference to " + logicalId);
    }
    return d;
  }

  static boolean retains(Deployed d) {
    String p = d.policy("DeletionPolicy");
    return p.equals("Retain") || p.equals("RetainExceptOnCreate");
  }

  DeployResult result(String reason, List<String> cleanupFailures) {
    return new DeployResult(status, reason, cleanupFailures, events);
  }

  private StandInClients clients(String principal) {
    return clients.computeIfAbsent(principal, p -> new StandInClients(standIn, p));
  }

  private Deployed function(String arn) {
    for (Deployed d : resources.values()) {
      if (d.type().equals("AWS::Lambda::Function") && arn.equals(d.attributes.get("Arn"))) {
        return d;
      }
    }
    return null;
  }

  /** The real Java handler a user function of the library runs, with its role's rights. */
  private RequestHandler<Map<String, Object>, Map<String, Object>> handler(Deployed function) {
    Object handler = function.properties.get("Handler");
    if (!ON_EVENT.equals(handler) && !IS_COMPLETE.equals(handler)) {
      return null;
    }
    Namespace namespace =
        Namespace.parse(
            (String) CustomResources.environment(function).get(Namespace.ENVIRONMENT_VARIABLE));
    var api = clients((String) function.properties.get("Role")).hostApi(namespace);
    return ON_EVENT.equals(handler)
        ? new OnEventHandler(api, log, Duration.ZERO, clock)
        : new IsCompleteHandler(api, log, clock);
  }
}
