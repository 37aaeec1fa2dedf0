package io.github.codestarconnections.bench;

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

/**
 * API calls per lifecycle against the stand-in: the handler driven as the CDK Provider framework
 * drives it (onEvent, then isComplete until complete), and what the framework's fixed polling costs
 * against a capped backoff.
 */
public final class LifecycleCalls {
  private static final String[] OPERATIONS = {
    "ListHosts",
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

      // 10 minutes of VPC set-up at the framework's 30 s interval: 20 polls see INITIALIZING.
      standIn.vpcInitialisationPolls(20);
      standIn.vpcDeletionPolls(4);
      Map<String, Object> vpc =
          host(
              "bench-vpc",
              "https://ghe.example.com",
              Map.of(
                  "VpcId", "vpc-0123456789abcdef0",
                  "SubnetIds", List.of("subnet-0123456789abcdef0"),
                  "SecurityGroupIds", List.of("sg-0123456789abcdef0")));
      String vpcArn = l.step("create in a VPC, 10 min set-up (20 polls at 30 s)", create(vpc));
      l.step("delete in a VPC, 2 min tear-down (4 polls)", delete(vpcArn, vpc));
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

  // ---- Polling: the framework's fixed interval against a capped backoff ---------------------

  /**
   * GetHost calls while waiting for a set-up of the given length. The framework invokes isComplete
   * every {@code interval}; with the proposed backoff, isComplete calls GetHost only when a point
   * of the schedule interval, 2 x interval, 4 x interval... (gaps capped at {@code cap}) has passed
   * since its previous invocation, and otherwise answers "not yet" without a call.
   */
  static int[] calls(int setupSeconds, int interval, int cap) {
    int fixed = 0;
    int backoff = 0;
    long next = interval;
    long gap = interval;
    long detectedFixed = -1;
    long detectedBackoff = -1;
    for (long t = interval; detectedFixed < 0 || detectedBackoff < 0; t += interval) {
      if (detectedFixed < 0) {
        fixed++;
        if (t >= setupSeconds) {
          detectedFixed = t;
        }
      }
      if (detectedBackoff < 0 && t >= next) {
        backoff++;
        if (t >= setupSeconds) {
          detectedBackoff = t;
        }
        gap = Math.min(gap * 2, cap);
        next += gap;
      }
    }
    return new int[] {fixed, backoff, (int) (detectedBackoff - detectedFixed)};
  }

  private static String pollingTable() {
    StringBuilder b = new StringBuilder();
    b.append("Polling while a host is VPC_CONFIG_INITIALIZING (computed from the schedule; the")
        .append(" framework's waiter invokes isComplete every queryInterval either way):\n\n")
        .append(
            "| set-up | queryInterval | GetHost, fixed (today) | GetHost, backoff x2 cap 60 s |")
        .append(" added delay | GetHost, backoff x2 cap 120 s | added delay |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int setup : new int[] {60, 600, 1800}) {
      for (int interval : new int[] {5, 10, 30}) {
        int[] c60 = calls(setup, interval, 60);
        int[] c120 = calls(setup, interval, 120);
        b.append(
            String.format(
                "| %d min | %d s | %d | %d | %d s | %d | %d s |%n",
                setup / 60, interval, c60[0], c60[1], c60[2], c120[1], c120[2]));
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
