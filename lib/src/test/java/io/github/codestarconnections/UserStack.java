package io.github.codestarconnections;

import io.github.codestarconnections.snapshot.CanonicalTemplate;
import io.github.codestarconnections.snapshot.CdkJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * A stack as a user writes one: a GitHub Enterprise Server host (SnapStart on, so the provider
 * publishes Lambda versions), a connection on it, a role granted actions on the connection, and a
 * tag; synthesized under the repository's cdk.json context, as a user's test does. {@link #main}
 * writes its canonical template and where the handler jar shows to files, for the second-JVM test.
 *
 * @param endpoint the host's providerEndpoint
 * @param team the value of the stack's {@code team} tag
 * @param actions what the role is granted on the connection
 */
record UserStack(String endpoint, String team, List<String> actions) {
  static final UserStack BASE =
      new UserStack(
          "https://ghes.example.com",
          "platform Zürich 東京",
          List.of("codeconnections:UseConnection"));

  private static final Map<UserStack, Stack> SYNTHESIZED = new ConcurrentHashMap<>();

  /** The stack under cdk.json's context alone, synthesized once per JVM. */
  Stack synthesized() {
    return SYNTHESIZED.computeIfAbsent(this, s -> s.synthesize(Map.of()));
  }

  /** The canonical template of {@link #synthesized()}. */
  String canonical() {
    return CanonicalTemplate.of(synthesized());
  }

  /** A synthesized stack's template as aws-cdk-lib wrote it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> raw(Stack stack) {
    return (Map<String, Object>)
        Stage.of(stack).synth().getStackArtifact(stack.getArtifactId()).getTemplate();
  }

  /** The stack in a new app with cdk.json's context and {@code extra} context on top. */
  Stack synthesize(Map<String, Object> extra) {
    Map<String, Object> context = new LinkedHashMap<>(CdkJson.context());
    context.putAll(extra);
    App app = App.Builder.create().context(context).build();
    Stack stack =
        new Stack(
            app,
            "UserStack",
            StackProps.builder()
                .description("a user's stack – GHES host, connection, role ☁")
                .build());
    HostProviderSettings.Builder.create(stack).snapStart(true).build();
    Host host =
        Host.Builder.create(stack, "Ghes")
            .hostName("ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint(endpoint)
            .build();
    Connection connection =
        Connection.Builder.create(stack, "Connection").connectionName("ghes").host(host).build();
    Role role =
        Role.Builder.create(stack, "Deployer")
            .assumedBy(new ServicePrincipal("codebuild.amazonaws.com"))
            .build();
    connection.grant(role, actions.toArray(String[]::new));
    Tags.of(stack).add("team", team);
    app.synth();
    return stack;
  }

  /**
   * The embedded handler jar with one more entry: other bytes, another SHA-256, the same handler,
   * as a release that changes only the handler would ship.
   */
  static byte[] anotherHandlerJar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in =
            new ZipInputStream(new ByteArrayInputStream(HandlerAsset.embeddedJar()));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("META-INF/codestarconnections-release.txt"));
      zip.write("a release that changes only the handler\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The S3 key of the host handler's code (the onEvent function's; isComplete has the same). */
  static String handlerS3Key(Map<String, Object> template) {
    for (Object r : ((Map<?, ?>) template.get("Resources")).values()) {
      Map<?, ?> props = (Map<?, ?>) ((Map<?, ?>) r).get("Properties");
      if (props != null && HandlerFunctions.ON_EVENT_HANDLER.equals(props.get("Handler"))) {
        return (String) ((Map<?, ?>) props.get("Code")).get("S3Key");
      }
    }
    throw new AssertionError("no function runs " + HandlerFunctions.ON_EVENT_HANDLER);
  }

  /**
   * The S3 key a handler jar's asset gets: lib hashes the jar (SHA-256, hex) as the asset's custom
   * hash, and aws-cdk hashes that once more (core/lib/asset-staging.ts, calculateHash), so the key
   * depends on the jar's bytes and nothing else.
   *
   * @param jar the jar
   * @return the key
   */
  static String assetKey(byte[] jar) {
    return sha256(sha256(jar).getBytes(StandardCharsets.UTF_8)) + ".zip";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The logical ids of the Lambda versions, into which CDK hashes the code. */
  static Set<String> versionIds(Map<String, Object> template) {
    Set<String> ids = new TreeSet<>();
    ((Map<?, ?>) template.get("Resources"))
        .forEach(
            (id, r) -> {
              if ("AWS::Lambda::Version".equals(((Map<?, ?>) r).get("Type"))) {
                ids.add((String) id);
              }
            });
    return ids;
  }

  /**
   * Writes, as UTF-8, the base stack's canonical template to a file and where its raw template
   * shows the handler jar (the code's S3 key, then the Lambda versions' logical ids, a line each)
   * to another.
   *
   * @param args the two files
   */
  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]), BASE.canonical().getBytes(StandardCharsets.UTF_8));
    Map<String, Object> raw = raw(BASE.synthesized());
    List<String> jarShows = new ArrayList<>();
    jarShows.add(handlerS3Key(raw));
    jarShows.addAll(versionIds(raw));
    Files.write(Path.of(args[1]), jarShows, StandardCharsets.UTF_8);
    System.exit(0);
  }
}
