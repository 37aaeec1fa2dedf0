package io.github.codestarconnections.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.codestarconnections.test.crac.Core;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold-start child: what a Lambda Java runtime does on a cold start, minus the runtime
 * interface client. Loads the handler class by name, makes it with its no-argument constructor (so
 * the SDK client is built the production way: region, credentials and endpoint from the
 * environment), answers one Create and prints {@code ANSWERED}. Runs with only the shaded handler
 * jar and a launcher jar (this class and the {@code test.crac} runtime stand-in) on the class path.
 *
 * <p>Arguments: handler class, host name, and optionally a mode: {@code warm} also times a second
 * Create in the same JVM (what is left once start-up is paid); {@code primed} first runs the
 * SnapStart hooks the handler registered, through org.crac and the runtime stand-in as Lambda runs
 * them before a snapshot and after a restore, then times the Create (what a restored copy pays,
 * restore itself excluded). Set {@code AWS_LAMBDA_FUNCTION_NAME} to build the client in the
 * constructor, as on Lambda, so that the Create alone is timed.
 */
public final class FirstCreate {
  private FirstCreate() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    String mode = args.length > 2 ? args[2] : "";
    if (mode.equals("primed")) {
      // Read once, when org.crac's Core is first used (by the handler's constructor).
      System.setProperty("org.crac.Core.Compat", Core.class.getPackageName());
    }
    long start = System.nanoTime();
    RequestHandler<Map<String, Object>, Map<String, Object>> handler =
        (RequestHandler<Map<String, Object>, Map<String, Object>>)
            Class.forName(args[0]).getConstructor().newInstance();
    long constructed = System.nanoTime();
    long hooked = constructed;
    if (mode.equals("primed")) {
      if (Core.getGlobalContext().registered() != 1) {
        throw new IllegalStateException("the handler registered no SnapStart hook");
      }
      Core.checkpointRestore();
      hooked = System.nanoTime();
    }
    Map<String, Object> answer = handler.handleRequest(createEvent(args[1], "1"), null);
    long answered = System.nanoTime();
    if (!answer.containsKey("PhysicalResourceId")) {
      throw new IllegalStateException("no PhysicalResourceId in " + answer);
    }
    System.out.println("ANSWERED " + answer.get("PhysicalResourceId"));
    StringBuilder detail = new StringBuilder();
    detail.append(
        String.format(
            "DETAIL main-to-constructed-ms=%.1f hooks-ms=%.1f first-create-ms=%.1f",
            (constructed - start) / 1e6, (hooked - constructed) / 1e6, (answered - hooked) / 1e6));
    if (mode.equals("warm")) {
      long again = System.nanoTime();
      handler.handleRequest(createEvent(args[1] + "-again", "2"), null);
      detail.append(String.format(" warm-create-ms=%.1f", (System.nanoTime() - again) / 1e6));
    }
    System.out.println(detail);
    System.out.println("RSS-KB " + peakRssKb());
    System.out.flush();
    System.exit(0);
  }

  static Map<String, Object> createEvent(String name, String requestSuffix) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:bench");
    properties.put("Name", name);
    properties.put("ProviderType", "GitHubEnterpriseServer");
    properties.put("ProviderEndpoint", "https://" + name + ".example.com");
    properties.put("Tags", List.of(Map.of("Key", "team", "Value", "platform")));
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", "Create");
    e.put("RequestId", "bench-" + name + "-" + requestSuffix);
    e.put(
        "StackId",
        "arn:aws:cloudformation:us-east-1:123456789012:stack/Bench/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f");
    e.put("LogicalResourceId", "Host0");
    e.put("ResourceType", "Custom::CodeStarConnectionsHost");
    e.put("ServiceToken", properties.get("ServiceToken"));
    e.put("ResponseURL", "https://cloudformation-custom-resource-response.example/x");
    e.put("ResourceProperties", properties);
    return e;
  }

  /** VmHWM of this process, or -1 off Linux. */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // Not Linux: no figure.
    }
    return -1;
  }
}
