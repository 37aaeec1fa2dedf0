package io.github.codestarconnections.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.bench.Stacks.Shape;
import io.github.codestarconnections.bench.Stacks.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;

/**
 * Synth cost of the L2s against the same resources written by hand, and template growth.
 *
 * <pre>
 * SynthBenchmark time [reps]        wall time per synth, L2 and L1 interleaved, 1/10/100 units
 * SynthBenchmark count STYLE N      one synth between markers on stderr, for JSII_DEBUG counting
 * SynthBenchmark growth             template resources and bytes per unit, provider constancy
 * SynthBenchmark phases [reps]      the 100-unit synth split: constructing, then app.synth()
 * </pre>
 *
 * A unit is a host and a connection on it. Wall time is from the first construct to a finished
 * {@code app.synth()} (template and asset written), in one JVM after warm-up.
 */
public final class SynthBenchmark {
  static final int[] SIZES = {1, 10, 100};
  private static final ObjectMapper JSON = new ObjectMapper();

  private SynthBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "time" : args[0];
    switch (mode) {
      case "time" -> time(args.length > 1 ? Integer.parseInt(args[1]) : 5);
      case "count" -> count(Style.valueOf(args[1]), Integer.parseInt(args[2]));
      case "growth" -> growth();
      case "check" -> checkSameTemplates();
      case "phases" -> phases(args.length > 1 ? Integer.parseInt(args[1]) : 5);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    // jsii's Node child keeps the JVM alive otherwise.
    System.exit(0);
  }

  /** The result of one synth; {@code constructNanos} is the part before {@code app.synth()}. */
  record Synth(
      long nanos, Path template, Path outdir, int providerResources, long constructNanos) {}

  static Synth synth(Style style, Shape shape, int n, boolean countProvider) {
    Path outdir = tempDir();
    long start = System.nanoTime();
    App app = Stacks.app(outdir);
    Stack stack = Stacks.stack(app);
    Stacks.populate(stack, style, shape, n);
    long built = System.nanoTime();
    app.synth();
    long nanos = System.nanoTime() - start;
    int provider = countProvider ? providerResources(stack) : -1;
    return new Synth(
        nanos, outdir.resolve("Bench.template.json"), outdir, provider, built - start);
  }

  private static int providerResources(Stack stack) {
    IConstruct provider = stack.getNode().tryFindChild("CodeStarConnectionsHostProvider");
    if (provider == null) {
      return 0;
    }
    int count = 0;
    for (IConstruct c : provider.getNode().findAll()) {
      if (c instanceof CfnResource) {
        count++;
      }
    }
    return count;
  }

  // ---- time ---------------------------------------------------------------------------------

  private static void time(int reps) throws IOException {
    System.out.println("warming up (one synth of each style and size)");
    for (int n : SIZES) {
      for (Style s : Style.values()) {
        Synth w = synth(s, Shape.HOST_AND_CONNECTION, n, false);
        delete(w.outdir());
      }
    }
    checkSameTemplates();
    Map<String, List<Long>> samples = new LinkedHashMap<>();
    for (int rep = 0; rep < reps; rep++) {
      for (int n : SIZES) {
        // Alternate which style goes first, so neither always runs on a warmer JVM.
        List<Style> order =
            rep % 2 == 0 ? List.of(Style.L2, Style.L1) : List.of(Style.L1, Style.L2);
        for (Style s : order) {
          Synth r = synth(s, Shape.HOST_AND_CONNECTION, n, false);
          samples.computeIfAbsent(s + "@" + n, k -> new ArrayList<>()).add(r.nanos());
          delete(r.outdir());
        }
      }
      System.out.println("rep " + (rep + 1) + "/" + reps + " done");
    }
    StringBuilder md = new StringBuilder();
    md.append("| units (host + connection) | L2 median ms | L1 median ms | L2/L1 | L2 runs ms |")
        .append(" L1 runs ms |\n|---:|---:|---:|---:|---|---|\n");
    for (int n : SIZES) {
      List<Long> l2 = samples.get("L2@" + n);
      List<Long> l1 = samples.get("L1@" + n);
      double m2 = median(l2) / 1e6;
      double m1 = median(l1) / 1e6;
      md.append(
          String.format(
              "| %d | %.0f | %.0f | %.3f | %s | %s |%n",
              n, m2, m1, m2 / m1, millis(l2), millis(l1)));
    }
    System.out.print(md);
    Results.write("synth-time.md", md.toString());
  }

  /**
   * Where the 100-unit synth's time goes, L2 and L1 interleaved after warm-up: constructing the
   * stack (Java and the kernel requests it makes), then {@code app.synth()} (the kernel's prepare,
   * validation with the L2s' one callback, and writing the assembly). Medians in ms.
   */
  private static void phases(int reps) throws IOException {
    Map<String, List<Long>> samples = new LinkedHashMap<>();
    for (int rep = -1; rep < reps; rep++) {
      for (Style s : rep % 2 == 0 ? List.of(Style.L2, Style.L1) : List.of(Style.L1, Style.L2)) {
        Synth r = synth(s, Shape.HOST_AND_CONNECTION, 100, false);
        delete(r.outdir());
        if (rep >= 0) {
          samples.computeIfAbsent(s + " construct", k -> new ArrayList<>()).add(r.constructNanos());
          samples
              .computeIfAbsent(s + " app.synth()", k -> new ArrayList<>())
              .add(r.nanos() - r.constructNanos());
        }
      }
    }
    StringBuilder md = new StringBuilder("| 100 units | median ms | runs ms |\n|---|---:|---|\n");
    samples.forEach(
        (k, v) ->
            md.append(String.format("| %s | %.0f | %s |%n", k, median(v) / 1e6, millis(v))));
    System.out.print(md);
    Results.write("synth-phases.md", md.toString());
  }

  /**
   * The per-unit differences the check allows, each named: what the L2 writes that has no effect at
   * deploy time and that a user writing the L1s would leave out.
   */
  private static final Map<String, String> ALLOWED_PER_UNIT =
      Map.of(
          "^/Resources/Host\\d+(OnEvent|IsComplete)Access[0-9A-F]{8}/Metadata: .*",
          "`Metadata` of each host's two role policies: the cdk-nag suppression of their"
              + " `host/<name>-*` wildcard");

  /**
   * Fails when the per-unit parts of the L2 and L1 templates differ other than in {@link
   * #ALLOWED_PER_UNIT} (the comparison would be void); reports the allowed differences and those in
   * the shared provider, a fixed cost per stack.
   */
  private static void checkSameTemplates() throws IOException {
    Synth l2 = synth(Style.L2, Shape.HOST_AND_CONNECTION, 2, false);
    Synth l1 = synth(Style.L1, Shape.HOST_AND_CONNECTION, 2, false);
    JsonNode a = JSON.readTree(l2.template().toFile());
    JsonNode b = JSON.readTree(l1.template().toFile());
    delete(l2.outdir());
    delete(l1.outdir());
    List<String> diff = new ArrayList<>();
    diff(a, b, "", diff);
    Map<String, Integer> allowed = new LinkedHashMap<>();
    List<String> perUnit = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (String d : diff) {
      String reason =
          ALLOWED_PER_UNIT.entrySet().stream()
              .filter(e -> d.matches(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      if (reason != null) {
        allowed.merge(reason, 1, Integer::sum);
      } else if (d.matches("^/(Resources|Outputs)/(Host|Connection)\\d.*")) {
        perUnit.add(d);
      } else {
        shared.add(d);
      }
    }
    if (!perUnit.isEmpty()) {
      throw new IllegalStateException(
          "the L2 and L1 stacks give different per-unit resources, so the timing comparison"
              + " would be unfair:\n  "
              + String.join("\n  ", perUnit));
    }
    StringBuilder md = new StringBuilder();
    md.append("Per-unit resources and outputs of the L2 and L1 stacks (2 units compared): ");
    if (allowed.isEmpty()) {
      md.append("identical.\n");
    } else {
      md.append("identical but for\n");
      allowed.forEach((r, n) -> md.append("- ").append(r).append(" (").append(n).append(")\n"));
    }
    if (shared.isEmpty()) {
      md.append("Shared provider: identical.\n");
    } else {
      md.append("Shared provider: ")
          .append(shared.size())
          .append(" differences (a fixed cost per stack):\n");
      shared.forEach(d -> md.append("- `").append(abbreviate(d, 160)).append("`\n"));
    }
    System.out.print(md);
    Results.write("template-equivalence.md", md.toString());
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        diff(a.get(k), b.get(k), path + "/" + k, out);
      }
    } else if (a == null || !a.equals(b)) {
      out.add(path + ": L2 " + a + " vs L1 " + b);
    }
  }

  // ---- count --------------------------------------------------------------------------------

  /**
   * One synth between two markers. With JSII_DEBUG=1 the jsii kernel logs every request ({@code >
   * {...}}) and callback on stderr; the markers are themselves jsii requests carrying a marker
   * string, so they sit in the same ordered stream and bench/run.sh counts the lines between them.
   */
  private static void count(Style style, int n) throws Exception {
    // Loads every jsii assembly and class the synth needs, so the count is the synth alone.
    delete(synth(style, Shape.HOST_AND_CONNECTION, 1, false).outdir());
    Token.isUnresolved("@@BENCH-BEGIN");
    Synth r = synth(style, Shape.HOST_AND_CONNECTION, n, false);
    Token.isUnresolved("@@BENCH-END");
    // Lets the runtime pass the kernel's last log lines on before the JVM exits.
    Thread.sleep(2000);
    delete(r.outdir());
  }

  // ---- growth -------------------------------------------------------------------------------

  private static void growth() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append(
        "| shape | units | resources | provider resources | outputs | template bytes |"
            + " template bytes (minified) |\n|---|---:|---:|---:|---:|---:|---:|\n");
    Map<String, long[]> byShape = new LinkedHashMap<>();
    for (Shape shape : Shape.values()) {
      for (int n : sizes(shape)) {
        Synth r = synth(Style.L2, shape, n, true);
        JsonNode t = JSON.readTree(r.template().toFile());
        int resources = t.path("Resources").size();
        int outputs = t.path("Outputs").size();
        long bytes = Files.size(r.template());
        long minified = JSON.writeValueAsBytes(t).length;
        md.append(
            String.format(
                "| %s | %d | %d | %d | %d | %d | %d |%n",
                shape, n, resources, r.providerResources(), outputs, bytes, minified));
        byShape.merge(
            shape.name() + "@" + n,
            new long[] {resources, bytes, minified, r.providerResources()},
            (x, y) -> y);
        delete(r.outdir());
      }
    }
    md.append("\nPer added unit (slope from the first to the last size):\n\n")
        .append("| shape | resources per unit | bytes per unit | minified bytes per unit |")
        .append(" fixed resources (1 unit minus 1 slope) |\n|---|---:|---:|---:|---:|\n");
    for (Shape shape : Shape.values()) {
      long[] one = byShape.get(shape.name() + "@1");
      int[] sizes = sizes(shape);
      int last = sizes[sizes.length - 1];
      long[] most = byShape.get(shape.name() + "@" + last);
      double steps = last - 1.0;
      double rs = (most[0] - one[0]) / steps;
      md.append(
          String.format(
              "| %s | %.2f | %.0f | %.0f | %.0f |%n",
              shape, rs, (most[1] - one[1]) / steps, (most[2] - one[2]) / steps, one[0] - rs));
    }
    System.out.print(md);
    Results.write("template-growth.md", md.toString());
  }

  /**
   * The sizes a shape is measured at: 1, 10, 100, but 90 in a VPC, where 100 hosts (each with its
   * security group and two role policies) pass CloudFormation's 500 resources and synth fails.
   */
  static int[] sizes(Shape shape) {
    return shape == Shape.VPC_HOST_AND_CONNECTION ? new int[] {1, 10, 90} : SIZES;
  }

  // ---- helpers ------------------------------------------------------------------------------

  static double median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    s.sort(Comparator.naturalOrder());
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2.0;
  }

  private static String millis(List<Long> nanos) {
    StringBuilder b = new StringBuilder();
    for (Iterator<Long> it = nanos.iterator(); it.hasNext(); ) {
      b.append(Math.round(it.next() / 1e6));
      if (it.hasNext()) {
        b.append(' ');
      }
    }
    return b.toString();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bench-synth");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
