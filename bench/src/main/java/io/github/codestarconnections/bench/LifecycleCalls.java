package io.github.codestarconnections.bench;

import io.github.codestarconnections.Host;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.lambda.HostApi;
import io.github.codestarconnections.lambda.IsCompleteHandler;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.OnEventHandler;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInClients;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * API calls per lifecycle against the stand-in: the handler driven as the CDK Provider framework
 * drives it (onEvent, then isComplete until complete, as often as the shipped waiter's schedule
 * checks), and what the framework's fixed polling costs against the capped backoff lib ships.
 */
public final class LifecycleCalls {
  private static final String[] OPERATIONS = {
    "ListHosts",
    "ListConnections",
    "ListTagsForResource",
    "CreateHost",
    "GetHost",
    "UpdateHost",
    "TagResource",
    "UntagResource",
    "DeleteHost"
  };

  private final CodeStarConnectionsStandIn standIn;
  private final OnEventHandler onEvent;
  private final IsCompleteHandler isComplete;
  private final StringBuilder md = new StringBuilder();

  private LifecycleCalls(CodeStarConnectionsStandIn standIn, HostApi api) {
    this.standIn = standIn;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    this.onEvent = new OnEventHandler(api, quiet, Duration.ZERO);
    this.isComplete = new IsCompleteHandler(api, quiet);
  }

  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    try (CodeStarConnectionsStandIn standIn = CodeStarConnectionsStandIn.start();
        StandInClients clients = new StandInClients(standIn)) {
      LifecycleCalls l =
          new LifecycleCalls(standIn, clients.hostApi(Namespace.CODESTAR_CONNECTIONS));
      l.md
          .append("| step | isComplete invocations | API calls | by operation |\n")
          .append("|---|---:|---:|---|\n");
      Map<String, Object> plain = host("bench-plain", "https://ghe.example.com", null);
      String arn = l.step("create (no VPC)", create(plain));
      Map<String, Object> moved = host("bench-plain", "https://ghe2.example.com", null);
      l.step("update in place (ProviderEndpoint)", update(arn, plain, moved));
      Map<String, Object> tagged = new LinkedHashMap<>(moved);
      tagged.put("Tags", List.of(Map.of("Key", "team", "Value", "platform")));
      l.step("update tags only", update(arn, moved, tagged));
      l.step("delete (no VPC)", delete(arn, tagged));

      // The waiter as lib ships it: the first isComplete at once, then after each of its waits.
      // Every check before the set-up's end sees VPC_CONFIG_INITIALIZING (or DELETING).
      Retry shipped = Retry.shipped();
      int setUpChecks = shipped.checksBefore(600);
      int tearDownChecks = shipped.checksBefore(120);
      standIn.vpcInitialisationPolls(setUpChecks);
      standIn.vpcDeletionPolls(tearDownChecks);
      Map<String, Object> vpc =
          host(
              "bench-vpc",
              "https://ghe.example.com",
              Map.of(
                  "VpcId", "vpc-0123456789abcdef0",
                  "SubnetIds", List.of("subnet-0123456789abcdef0"),
                  "SecurityGroupIds", List.of("sg-0123456789abcdef0")));
      String vpcArn =
          l.step(
              "create in a VPC, 10 min set-up (" + setUpChecks + " checks see it initialising)",
              create(vpc));
      l.step(
          "delete in a VPC, 2 min tear-down (" + tearDownChecks + " checks see it deleting)",
          delete(vpcArn, vpc));
      l.md
          .append("\nWaiter as shipped (read from a synthesized stack with default timings): ")
          .append(shipped)
          .append(".\n");
      if (!standIn.violations().isEmpty()) {
        throw new IllegalStateException("stand-in saw invalid requests: " + standIn.violations());
      }
      out.append(l.md);
    }
    out.append("\n").append(pollingTable());
    System.out.print(out);
    Results.write("lifecycle-calls.md", out.toString());
    System.exit(0);
  }

  @SuppressWarnings("unchecked")
  private String step(String name, Map<String, Object> event) {
    standIn.resetCounts();
    Map<String, Object> first = onEvent.handleRequest(event, null);
    String physicalId = (String) first.get("PhysicalResourceId");
    Map<String, Object> poll = new HashMap<>(event);
    poll.put("PhysicalResourceId", physicalId);
    poll.put("Data", first.get("Data"));
    int polls = 0;
    while (true) {
      polls++;
      Map<String, Object> r = isComplete.handleRequest(poll, null);
      if (Boolean.TRUE.equals(r.get("IsComplete"))) {
        break;
      }
      if (polls > 200) {
        throw new IllegalStateException(name + ": not complete after 200 polls");
      }
    }
    Map<String, Integer> byOp = new TreeMap<>();
    for (String op : OPERATIONS) {
      int c = standIn.callCount(op);
      if (c > 0) {
        byOp.put(op, c);
      }
    }
    md.append(
        String.format(
            "| %s | %d | %d | %s |%n",
            name, polls, standIn.totalCalls(), byOp.toString().replaceAll("[{}]", "")));
    return physicalId;
  }

  // ---- Polling: the framework's fixed interval against the shipped backoff -----------------

  /** The waiter state machine's Retry: waits of min(interval x rate^(k-1), maxDelay). */
  record Retry(int interval, int maxAttempts, int rate, int maxDelay) {
    private static final Pattern RETRY =
        Pattern.compile(
            "\"IntervalSeconds\":(\\d+),\"MaxAttempts\":(\\d+),\"BackoffRate\":(\\d+)"
                + "(?:,\"MaxDelaySeconds\":(\\d+))?");

    /** The Retry lib writes for a stack with default timings, read from its template. */
    static Retry shipped() {
      App app = new App();
      Stack stack = Stacks.stack(app);
      Host.Builder.create(stack, "Host")
          .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
          .providerEndpoint("https://ghe.example.com")
          .build();
      String definition =
          Template.fromStack(stack)
              .findResources("AWS::StepFunctions::StateMachine")
              .values()
              .toString();
      Matcher m = RETRY.matcher(definition.replace("\\\"", "\""));
      if (!m.find()) {
        throw new IllegalStateException("no waiter Retry in " + definition);
      }
      int interval = Integer.parseInt(m.group(1));
      return new Retry(
          interval,
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          m.group(4) == null ? interval : Integer.parseInt(m.group(4)));
    }

    /** The framework's own schedule at this interval: fixed waits. */
    static Retry fixed(int interval) {
      return new Retry(interval, 1800 / interval, 1, interval);
    }

    /** Checks (isComplete invocations, one GetHost each) made before {@code seconds} pass. */
    int checksBefore(int seconds) {
      int checks = 0;
      long t = 0;
      long wait = interval;
      while (t < seconds) {
        checks++;
        t += Math.min(wait, maxDelay);
        wait = Math.min(wait * rate, maxDelay);
      }
      return checks;
    }

    /** When the first check at or after {@code seconds} happens. */
    long detectedAt(int seconds) {
      long t = 0;
      long wait = interval;
      while (t < seconds) {
        t += Math.min(wait, maxDelay);
        wait = Math.min(wait * rate, maxDelay);
      }
      return t;
    }

    @Override
    public String toString() {
      return String.format(
          "IntervalSeconds %d, BackoffRate %d, MaxDelaySeconds %d, MaxAttempts %d",
          interval, rate, maxDelay, maxAttempts);
    }
  }

  private static String pollingTable() {
    StringBuilder b = new StringBuilder();
    b.append("Checks while a host is VPC_CONFIG_INITIALIZING, set-up of the given length, one")
        .append(" isComplete invocation and one GetHost each (the last one sees it ready):\n\n")
        .append("| set-up | queryInterval | fixed (the framework's own) | backoff x2, cap 60 s")
        .append(" (shipped default) | added delay | backoff x2, cap 120 s | added delay |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int setup : new int[] {60, 600, 1800}) {
      for (int interval : new int[] {5, 10, 30}) {
        Retry fixed = Retry.fixed(interval);
        Retry cap60 = new Retry(interval, 0, 2, Math.max(60, interval));
        Retry cap120 = new Retry(interval, 0, 2, Math.max(120, interval));
        long base = fixed.detectedAt(setup);
        b.append(
            String.format(
                "| %d min | %d s | %d | %d | %d s | %d | %d s |%n",
                setup / 60,
                interval,
                fixed.checksBefore(setup) + 1,
                cap60.checksBefore(setup) + 1,
                cap60.detectedAt(setup) - base,
                cap120.checksBefore(setup) + 1,
                cap120.detectedAt(setup) - base));
      }
    }
    return b.toString();
  }

  // ---- Events -------------------------------------------------------------------------------

  private static Map<String, Object> host(String name, String endpoint, Map<String, Object> vpc) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:bench");
    p.put("Name", name);
    p.put("ProviderType", "GitHubEnterpriseServer");
    p.put("ProviderEndpoint", endpoint);
    if (vpc != null) {
      p.put("VpcConfiguration", vpc);
    }
    return p;
  }

  private static int sequence;

  private static Map<String, Object> base(String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", type);
    e.put("RequestId", "bench-request-" + ++sequence);
    e.put(
        "StackId",
        "arn:aws:cloudformation:us-east-1:123456789012:stack/Bench/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f");
    e.put("LogicalResourceId", "Host0");
    e.put("ResourceType", "Custom::CodeStarConnectionsHost");
    e.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:bench");
    e.put("ResponseURL", "https://cloudformation-custom-resource-response.example/x");
    return e;
  }

  private static Map<String, Object> create(Map<String, Object> properties) {
    Map<String, Object> e = base("Create");
    e.put("ResourceProperties", properties);
    return e;
  }

  private static Map<String, Object> update(
      String arn, Map<String, Object> old, Map<String, Object> properties) {
    Map<String, Object> e = base("Update");
    e.put("PhysicalResourceId", arn);
    e.put("ResourceProperties", properties);
    e.put("OldResourceProperties", old);
    return e;
  }

  private static Map<String, Object> delete(String arn, Map<String, Object> properties) {
    Map<String, Object> e = base("Delete");
    e.put("PhysicalResourceId", arn);
    e.put("ResourceProperties", properties);
    return e;
  }
}
