package io.github.codestarconnections.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.Connection;
import io.github.codestarconnections.Host;
import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.bench.Stacks.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.ec2.IVpc;

/**
 * The two {@link HostBackend}s side by side, with this library's L2s only: the same n hosts, each
 * with a connection on it, synthesized on the custom resource and on {@code
 * AWS::CodeConnections::Host}. Wall time per synth (interleaved, after warm-up, in one JVM) and the
 * template's resources by type.
 *
 * <pre>
 * BackendBenchmark [reps]          resources by type, then wall time per synth
 * BackendBenchmark count BACKEND N one synth between markers on stderr, for JSII_DEBUG counting
 * BackendBenchmark resources       resources by type only (1, 10, 100 units; 90 in a VPC)
 * </pre>
 */
public final class BackendBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<HostBackend> BACKENDS =
      List.of(HostBackend.CUSTOM_RESOURCE, HostBackend.NATIVE);

  private BackendBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("count")) {
      count(HostBackend.valueOf(args[1]), Integer.parseInt(args[2]));
      System.exit(0);
    }
    if (args.length == 1 && args[0].equals("resources")) {
      System.out.print(resources());
      System.exit(0);
    }
    int reps = args.length == 0 ? 5 : Integer.parseInt(args[0]);
    StringBuilder md = new StringBuilder();
    md.append(resources());
    md.append('\n').append(time(reps));
    System.out.print(md);
    Results.write("backends.md", md.toString());
    // jsii's Node child keeps the JVM alive otherwise.
    System.exit(0);
  }

  /** One synth: its wall time and the template's resource count per type. */
  record Synth(long nanos, Map<String, Integer> types) {
    int resources() {
      return types.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  static Synth synth(HostBackend backend, int n, boolean inVpc) throws IOException {
    Path outdir = Files.createTempDirectory("bench-backend");
    long start = System.nanoTime();
    App app = Stacks.app(outdir);
    Stack stack = Stacks.stack(app);
    IVpc vpc = inVpc ? Stacks.vpc(stack) : null;
    for (int i = 0; i < n; i++) {
      Host host =
          Host.Builder.create(stack, "Host" + i)
              .hostName("ghes-" + i)
              .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
              .providerEndpoint("https://github" + i + ".example.com")
              .vpc(vpc)
              .tags(Stacks.TAGS)
              .backend(backend)
              .build();
      Connection.Builder.create(stack, "Connection" + i)
          .connectionName("ghes-" + i)
          .host(host)
          .tags(Stacks.TAGS)
          .build();
    }
    app.synth();
    long nanos = System.nanoTime() - start;
    JsonNode template = JSON.readTree(outdir.resolve("Bench.template.json").toFile());
    Map<String, Integer> types = new TreeMap<>();
    template.path("Resources").forEach(r -> types.merge(r.path("Type").asText(), 1, Integer::sum));
    SynthBenchmark.delete(outdir);
    return new Synth(nanos, types);
  }

  /**
   * One synth between two marker requests, for bench/run.sh to count the jsii round trips with
   * JSII_DEBUG=1 (as {@code SynthBenchmark count} does for L2 against L1).
   */
  private static void count(HostBackend backend, int n) throws Exception {
    // Loads every jsii assembly and class the synth needs, so the count is the synth alone.
    synth(backend, 1, false);
    Token.isUnresolved("@@BENCH-BEGIN");
    synth(backend, n, false);
    Token.isUnresolved("@@BENCH-END");
    // Lets the runtime pass the kernel's last log lines on before the JVM exits.
    Thread.sleep(2000);
  }

  private static String resources() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(
            "| units (host + connection) | VPC | custom resource: resources | native: resources |")
        .append(" custom resource: by type | native: by type |\n")
        .append("|---:|---|---:|---:|---|---|\n");
    for (boolean inVpc : List.of(false, true)) {
      for (int n :
          SynthBenchmark.sizes(inVpc ? Shape.VPC_HOST_AND_CONNECTION : Shape.HOST_AND_CONNECTION)) {
        Synth custom = synth(HostBackend.CUSTOM_RESOURCE, n, inVpc);
        Synth nat = synth(HostBackend.NATIVE, n, inVpc);
        md.append(
            String.format(
                "| %d | %s | %d | %d | %s | %s |%n",
                n,
                inVpc ? "yes (one shared)" : "no",
                custom.resources(),
                nat.resources(),
                compact(custom.types()),
                compact(nat.types())));
      }
    }
    return md.toString();
  }

  private static String time(int reps) throws IOException {
    for (HostBackend b : BACKENDS) {
      for (int n : SynthBenchmark.SIZES) {
        synth(b, n, false);
      }
    }
    Map<String, List<Long>> samples = new LinkedHashMap<>();
    for (int rep = 0; rep < reps; rep++) {
      for (int n : SynthBenchmark.SIZES) {
        // Alternate which backend goes first, so neither always runs on a warmer JVM.
        List<HostBackend> order =
            rep % 2 == 0 ? BACKENDS : List.of(BACKENDS.get(1), BACKENDS.get(0));
        for (HostBackend b : order) {
          samples
              .computeIfAbsent(b + "@" + n, k -> new ArrayList<>())
              .add(synth(b, n, false).nanos());
        }
      }
      System.out.println("rep " + (rep + 1) + "/" + reps + " done");
    }
    StringBuilder md = new StringBuilder();
    md.append("| units (host + connection) | custom resource median ms | native median ms |")
        .append(" native/custom | custom runs ms | native runs ms |\n")
        .append("|---:|---:|---:|---:|---|---|\n");
    for (int n : SynthBenchmark.SIZES) {
      List<Long> c = samples.get(HostBackend.CUSTOM_RESOURCE + "@" + n);
      List<Long> nat = samples.get(HostBackend.NATIVE + "@" + n);
      double mc = SynthBenchmark.median(c) / 1e6;
      double mn = SynthBenchmark.median(nat) / 1e6;
      md.append(
          String.format(
              "| %d | %.0f | %.0f | %.2f | %s | %s |%n", n, mc, mn, mn / mc, runs(c), runs(nat)));
    }
    return md.toString();
  }

  private static String compact(Map<String, Integer> types) {
    StringBuilder b = new StringBuilder();
    types.forEach(
        (type, count) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(type.replace("AWS::", ""))
                .append(' ')
                .append(count));
    return b.toString();
  }

  private static String runs(List<Long> nanos) {
    StringBuilder b = new StringBuilder();
    for (long x : nanos) {
      b.append(b.length() == 0 ? "" : " ").append(Math.round(x / 1e6));
    }
    return b.toString();
  }
}
