package io.github.codestarconnections.bench;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start of the host handler against the local stand-in: wall time from process spawn to the
 * first answered Create, and peak RSS, for the Java handler under several JVM options, a bare
 * {@code java -version}, and the Node.js peer (the AWS SDK for JavaScript v3, as aws-cdk's
 * AwsCustomResource runs it) making the same call to the same stand-in. Variants are interleaved
 * round by round; the table gives medians.
 *
 * <p>Arguments: shaded handler jar, node-peer directory, rounds. System property {@code
 * bench.jdk25} names a second JDK (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) for the AOT-cache
 * variants.
 */
public final class ColdStartBenchmark {
  private static final String HANDLER = "io.github.codestarconnections.lambda.OnEventHandler";
  private static final String C1 = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
  private static final Path TIME = Path.of("/usr/bin/time");

  private ColdStartBenchmark() {}

  /** One way of starting. {@code handler} is false for bare starts, which answer nothing. */
  record Variant(String name, List<String> command, String javaToolOptions, boolean answers) {}

  /** One run: wall ms to the answer (or to exit), peak RSS in KB, API calls the stand-in saw. */
  record Run(double wallMs, long rssKb, int calls, String detail) {}

  public static void main(String[] args) throws Exception {
    // The JDK's HttpServer (the stand-in) otherwise leaves Nagle on: every call on a kept-alive
    // connection then waits ~40 ms for the client's delayed ACK, a cost of the stand-in, not of
    // the client. Set before the first HttpServer is made (it reads this once).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path handlerJar = Path.of(args[0]).toAbsolutePath();
    Path nodePeer = Path.of(args[1]).toAbsolutePath();
    int rounds = Integer.parseInt(args[2]);
    Path work = Files.createDirectories(Path.of("target", "coldstart").toAbsolutePath());
    Path launcher = launcherJar(work.resolve("launcher.jar"));
    String classPath = handlerJar + ":" + launcher;
    String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jdk25 = System.getProperty("bench.jdk25", "");
    String java25 = jdk25.isEmpty() ? null : Path.of(jdk25, "bin", "java").toString();
    String javaVersion = System.getProperty("java.version");

    List<String> handlerArgs = List.of("-cp", classPath, FirstCreate.class.getName(), HANDLER);
    Path cds = work.resolve("handler-" + javaVersion + ".jsa");
    train(java17, List.of("-XX:ArchiveClassesAtExit=" + cds), handlerArgs, C1);

    List<Variant> variants = new ArrayList<>();
    variants.add(
        new Variant(
            "java -version (JDK " + javaVersion + ")", List.of(java17, "-version"), null, false));
    variants.add(
        new Variant(
            "handler, JDK " + javaVersion + ", default flags",
            cat(java17, List.of(), handlerArgs),
            null,
            true));
    variants.add(
        new Variant(
            "handler, JDK " + javaVersion + ", C1 only (lib's JAVA_TOOL_OPTIONS)",
            cat(java17, List.of(), handlerArgs),
            C1,
            true));
    variants.add(
        new Variant(
            "handler, JDK " + javaVersion + ", AppCDS only",
            cat(java17, List.of("-XX:SharedArchiveFile=" + cds), handlerArgs),
            null,
            true));
    variants.add(
        new Variant(
            "handler, JDK " + javaVersion + ", C1 + AppCDS",
            cat(java17, List.of("-XX:SharedArchiveFile=" + cds), handlerArgs),
            C1,
            true));
    variants.add(
        new Variant(
            "handler, JDK " + javaVersion + ", C1 + AppCDS + SerialGC",
            cat(java17, List.of("-XX:SharedArchiveFile=" + cds, "-XX:+UseSerialGC"), handlerArgs),
            C1,
            true));
    String candidate = System.getProperty("bench.candidateJar", "");
    if (!candidate.isEmpty()) {
      // A second handler jar (e.g. a trimmed one) measured in the same rounds as the shipped one.
      List<String> candidateArgs =
          List.of(
              "-cp",
              Path.of(candidate).toAbsolutePath() + ":" + launcher,
              FirstCreate.class.getName(),
              HANDLER);
      Path candidateCds = work.resolve("candidate-" + javaVersion + ".jsa");
      train(java17, List.of("-XX:ArchiveClassesAtExit=" + candidateCds), candidateArgs, C1);
      variants.add(
          new Variant(
              "candidate jar, JDK " + javaVersion + ", C1 only",
              cat(java17, List.of(), candidateArgs),
              C1,
              true));
      variants.add(
          new Variant(
              "candidate jar, JDK " + javaVersion + ", C1 + AppCDS",
              cat(java17, List.of("-XX:SharedArchiveFile=" + candidateCds), candidateArgs),
              C1,
              true));
    }
    if (java25 != null) {
      Path aot = work.resolve("handler-25.aot");
      train(java25, List.of("-XX:AOTCacheOutput=" + aot), handlerArgs, C1);
      variants.add(new Variant("java -version (JDK 25)", List.of(java25, "-version"), null, false));
      variants.add(
          new Variant("handler, JDK 25, C1 only", cat(java25, List.of(), handlerArgs), C1, true));
      variants.add(
          new Variant(
              "handler, JDK 25, C1 + AOT cache (JEP 483/514)",
              cat(java25, List.of("-XX:AOTCache=" + aot), handlerArgs),
              C1,
              true));
    }
    Path script = nodePeer.resolve("first-create.mjs");
    variants.add(
        new Variant("node -e 0 (bare Node start)", List.of("node", "-e", "0"), null, false));
    variants.add(
        new Variant("Node peer: CreateHost", List.of("node", script.toString()), null, true));
    variants.add(
        new Variant(
            "Node peer: ListHosts + CreateHost (same calls as ours)",
            List.of("node", script.toString(), "--list-first"),
            null,
            true));

    Map<String, List<Run>> runs = new LinkedHashMap<>();
    int seq = 0;
    for (int round = 1; round <= rounds; round++) {
      for (Variant v : variants) {
        runs.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(run(v, "bench-" + seq++));
      }
      System.out.println("round " + round + "/" + rounds + " done");
    }
    List<Run> warm = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Variant v =
          new Variant(
              "warm", cat(java17, List.of("-XX:SharedArchiveFile=" + cds), handlerArgs), C1, true);
      warm.add(run(v, "warm-" + i, "warm"));
    }

    double node = medianWall(runs.get("Node peer: CreateHost"));
    StringBuilder md = new StringBuilder();
    md.append("| start | median ms to first answer (to exit for bare starts) | min | max |")
        .append(" x Node peer | median peak RSS MB | API calls |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Variant v : variants) {
      List<Run> rs = runs.get(v.name());
      double m = medianWall(rs);
      md.append(
          String.format(
              "| %s | %.0f | %.0f | %.0f | %.2f | %.0f | %s |%n",
              v.name(),
              m,
              rs.stream().mapToDouble(Run::wallMs).min().orElse(0),
              rs.stream().mapToDouble(Run::wallMs).max().orElse(0),
              m / node,
              median(rs.stream().map(r -> (double) r.rssKb()).toList()) / 1024.0,
              v.answers() ? String.valueOf(rs.get(0).calls()) : "-"));
    }
    md.append("\nInside the JVM (handler, JDK ")
        .append(javaVersion)
        .append(", C1 + AppCDS, 3 runs): ");
    warm.forEach(r -> md.append("`").append(r.detail()).append("` "));
    md.append("\n\nEach variant ran ").append(rounds).append(" times, interleaved.\n");
    System.out.print(md);
    Results.write("cold-start.md", md.toString());
    Results.write("handler-jar.md", jarReport(handlerJar));
    System.out.print(jarReport(handlerJar));
  }

  private static List<String> cat(String java, List<String> options, List<String> rest) {
    List<String> c = new ArrayList<>();
    c.add(java);
    c.addAll(options);
    c.addAll(rest);
    return c;
  }

  /** A training run that writes a CDS archive or AOT cache, against its own stand-in. */
  private static void train(String java, List<String> options, List<String> handlerArgs, String jto)
      throws Exception {
    Run r = run(new Variant("training", cat(java, options, handlerArgs), jto, true), "training");
    System.out.println("training run " + options + ": " + Math.round(r.wallMs()) + " ms");
  }

  private static Run run(Variant v, String hostName, String... extra) throws Exception {
    return run(v, hostName, Map.of(), extra);
  }

  /**
   * Runs a variant in a fresh process against a fresh stand-in.
   *
   * @param v the variant
   * @param hostName the host the Create asks for
   * @param extraEnv environment variables on top of the usual ones; an empty value removes one
   * @param extra arguments after the host name
   * @return what the run took
   */
  static Run run(Variant v, String hostName, Map<String, String> extraEnv, String... extra)
      throws Exception {
    try (CodeStarConnectionsStandIn standIn = CodeStarConnectionsStandIn.start()) {
      Path rss = Files.createTempFile("bench-rss", ".txt");
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(TIME)) {
        command.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
      }
      command.addAll(v.command());
      if (v.answers()) {
        command.add(hostName);
        command.addAll(List.of(extra));
      }
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
      Map<String, String> env = pb.environment();
      env.remove("JAVA_TOOL_OPTIONS");
      env.put("AWS_REGION", CodeStarConnectionsStandIn.REGION);
      env.put("AWS_ACCESS_KEY_ID", "AKIDSTANDIN");
      env.put("AWS_SECRET_ACCESS_KEY", "standin-secret");
      env.put("AWS_ENDPOINT_URL", standIn.endpoint().toString());
      env.put("CODESTAR_CONNECTIONS_NAMESPACE", "codestar-connections");
      env.putAll(extraEnv);
      env.values().removeIf(String::isEmpty);
      if (v.javaToolOptions() != null) {
        env.put("JAVA_TOOL_OPTIONS", v.javaToolOptions());
      }
      Path err = Files.createTempFile("bench-stderr", ".txt");
      pb.redirectError(err.toFile());
      long start = System.nanoTime();
      Process p = pb.start();
      double wall = -1;
      String detail = "";
      long selfRss = -1;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("ANSWERED")) {
            wall = (System.nanoTime() - start) / 1e6;
          } else if (line.startsWith("DETAIL")) {
            detail = line.substring("DETAIL ".length());
          } else if (line.startsWith("RSS-KB")) {
            selfRss = Long.parseLong(line.substring("RSS-KB ".length()).trim());
          }
        }
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(v.name() + " did not finish");
      }
      double exited = (System.nanoTime() - start) / 1e6;
      if (v.answers() && wall < 0) {
        throw new IllegalStateException(
            v.name() + " gave no answer (exit " + p.exitValue() + "):\n" + Files.readString(err));
      }
      Files.deleteIfExists(err);
      long rssKb = selfRss;
      String timed = Files.readString(rss).trim();
      Files.deleteIfExists(rss);
      if (!timed.isEmpty()) {
        String[] lines = timed.split("\n");
        rssKb = Long.parseLong(lines[lines.length - 1].trim());
      }
      if (!standIn.violations().isEmpty()) {
        throw new IllegalStateException(v.name() + ": " + standIn.violations());
      }
      return new Run(v.answers() ? wall : exited, rssKb, standIn.totalCalls(), detail);
    }
  }

  /**
   * A jar holding {@link FirstCreate} and the runtime side of org.crac it runs the SnapStart hooks
   * with ({@code test.crac}): CDS archives only classes from jars.
   *
   * @param jar where to write it
   * @return the jar
   */
  static Path launcherJar(Path jar) throws IOException {
    List<Class<?>> classes =
        List.of(
            FirstCreate.class,
            io.github.codestarconnections.test.crac.Core.class,
            io.github.codestarconnections.test.crac.Context.class,
            io.github.codestarconnections.test.crac.Resource.class,
            io.github.codestarconnections.test.crac.CheckpointException.class,
            io.github.codestarconnections.test.crac.RestoreException.class);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> c : classes) {
        String entry = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
          out.putNextEntry(new JarEntry(entry));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  private static String jarReport(Path jar) throws IOException {
    Map<String, long[]> byPart = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .filter(e -> !e.isDirectory())
          .forEach(
              e -> {
                long[] a = byPart.computeIfAbsent(part(e), k -> new long[2]);
                a[0] += e.getCompressedSize();
                a[1]++;
              });
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            "Shaded handler jar: %d bytes (%.2f MB; budget 6 MB = 6,000,000 bytes)%n%n",
            Files.size(jar), Files.size(jar) / 1e6));
    md.append("| part | compressed KB | entries |\n|---|---:|---:|\n");
    byPart.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(14)
        .forEach(
            e ->
                md.append(
                    String.format(
                        "| %s | %.0f | %d |%n",
                        e.getKey(), e.getValue()[0] / 1024.0, e.getValue()[1])));
    return md.toString();
  }

  private static String part(ZipEntry e) {
    String n = e.getName();
    if (n.startsWith("software/amazon/awssdk/")) {
      String[] s = n.split("/");
      return s.length > 5 && s[3].equals("services") ? "awssdk/services/" + s[4] : "awssdk/" + s[3];
    }
    String[] s = n.split("/");
    return s.length > 2 ? s[0] + "/" + s[1] : s[0];
  }

  private static double medianWall(List<Run> rs) {
    return median(rs.stream().map(Run::wallMs).toList());
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
  }
}
