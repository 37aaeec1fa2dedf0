package io.github.codestarconnections.bench;

import com.sun.net.httpserver.HttpServer;
import io.github.codestarconnections.bench.ColdStartBenchmark.Run;
import io.github.codestarconnections.bench.ColdStartBenchmark.Variant;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SnapStart's priming buys, as far as a machine without AWS can tell: the first answered
 * Create in a JVM whose handler was made as in Lambda's init phase ({@code
 * AWS_LAMBDA_FUNCTION_NAME} set, so the client is built in the constructor), without and with the
 * SnapStart hooks run before it (through org.crac and the {@code test.crac} runtime stand-in, as
 * Lambda runs them around a snapshot), and a second Create for reference. A fresh JVM per run with
 * the C1 flags lib sets, a fresh stand-in per run, variants interleaved round by round, medians.
 * What a restore itself costs, and taking the snapshot, happen on Lambda only.
 *
 * <p>Arguments: shaded handler jar, rounds.
 */
public final class SnapStartBenchmark {
  private static final String HANDLER = "io.github.codestarconnections.lambda.OnEventHandler";
  private static final String C1 = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
  private static final Pattern FIELD = Pattern.compile("([a-z-]+)-ms=([0-9.]+)");

  private SnapStartBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path handlerJar = Path.of(args[0]).toAbsolutePath();
    int rounds = Integer.parseInt(args[1]);
    Path work = Files.createDirectories(Path.of("target", "snapstart").toAbsolutePath());
    Path launcher = ColdStartBenchmark.launcherJar(work.resolve("launcher.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Variant variant =
        new Variant(
            "handler made as in Lambda's init",
            List.of(java, "-cp", handlerJar + ":" + launcher, FirstCreate.class.getName(), HANDLER),
            C1,
            true);
    HttpServer credentials = credentialsEndpoint();
    Map<String, String> onDemand = Map.of("AWS_LAMBDA_FUNCTION_NAME", "bench");
    // A SnapStart function has no access keys, only Lambda's container credentials endpoint.
    Map<String, String> snapStart = new LinkedHashMap<>(onDemand);
    snapStart.put("AWS_ACCESS_KEY_ID", "");
    snapStart.put("AWS_SECRET_ACCESS_KEY", "");
    snapStart.put(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "http://127.0.0.1:" + credentials.getAddress().getPort() + "/credentials");
    snapStart.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "bench");
    Map<String, String> snapStartHooked = new LinkedHashMap<>(snapStart);
    snapStartHooked.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
    List<Case> cases =
        List.of(
            new Case("on-demand", onDemand, "warm"),
            new Case("snapstart-unprimed", snapStart, ""),
            new Case("snapstart-primed", snapStartHooked, "primed"));
    Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Case c : cases) {
        Run r =
            ColdStartBenchmark.run(variant, "snap-" + c.name() + "-" + round, c.env(), c.mode());
        Map<String, Double> fields = fields(r.detail());
        fields.put("wall", r.wallMs());
        runs.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(fields);
      }
      System.out.println("round " + round + "/" + rounds + " done");
    }
    credentials.stop(0);
    StringBuilder md = new StringBuilder();
    md.append("| first Create in the JVM | median ms | min | max | hooks median ms |")
        .append(" process spawn to answer, median ms |\n|---|---:|---:|---:|---:|---:|\n");
    row(md, "on-demand: after init (access keys)", runs.get("on-demand"), "first-create");
    row(
        md,
        "SnapStart without the hook: after init (container credentials)",
        runs.get("snapstart-unprimed"),
        "first-create");
    row(
        md,
        "SnapStart with the hook: after init + hooks (container credentials)",
        runs.get("snapstart-primed"),
        "first-create");
    row(
        md,
        "second Create in the same JVM (warm, on-demand)",
        runs.get("on-demand"),
        "warm-create");
    md.append("\nEach line: ")
        .append(rounds)
        .append(" runs, interleaved; JAVA_TOOL_OPTIONS ")
        .append(C1)
        .append(".\n");
    System.out.print(md);
    Results.write("snapstart.md", md.toString());
    System.exit(0);
  }

  /** A way of starting: its environment and FirstCreate's mode. */
  private record Case(String name, Map<String, String> env, String mode) {}

  /** Serves credentials as Lambda's container credentials endpoint does. */
  private static HttpServer credentialsEndpoint() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/credentials",
        exchange -> {
          byte[] body =
              ("{\"AccessKeyId\":\"AKIDSTANDIN\",\"SecretAccessKey\":\"standin-secret\","
                      + "\"Token\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static Map<String, Double> fields(String detail) {
    Map<String, Double> out = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(detail);
    while (m.find()) {
      out.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return out;
  }

  private static void row(StringBuilder md, String name, List<Map<String, Double>> rs, String key) {
    List<Double> xs = rs.stream().map(r -> r.get(key)).toList();
    md.append(
        String.format(
            "| %s | %.1f | %.1f | %.1f | %.1f | %.0f |%n",
            name,
            median(xs),
            xs.stream().mapToDouble(Double::doubleValue).min().orElse(0),
            xs.stream().mapToDouble(Double::doubleValue).max().orElse(0),
            median(rs.stream().map(r -> r.get("hooks")).toList()),
            median(rs.stream().map(r -> r.get("wall")).toList())));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
  }
}
