package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.HostProperties.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.codestarconnections.lambda.OnEventHandler;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded handler jar as Lambda runs it: alone on its class path, no netty or Apache client,
 * within the size budget, and able to create and delete a host through its own SDK copy.
 */
class ShadedHandlerJarTest {
  /** Size budget of the handler jar, both SDK modules included. */
  static final long MAX_BYTES = 6_000_000;

  private static final String EMBEDDED = "/io/github/codestarconnections/handler/host-handler.jar";
  private static final Path BUILT =
      Path.of("..", "lambda", "target", "codestarconnections-lambda-0.1.0-SNAPSHOT-lambda.jar");

  /** The jar lib ships, else the one lambda built; the test is skipped without either. */
  static Path handlerJar() throws IOException {
    try (InputStream in = ShadedHandlerJarTest.class.getResourceAsStream(EMBEDDED)) {
      if (in != null) {
        Path copy = Files.createTempFile("host-handler", ".jar");
        copy.toFile().deleteOnExit();
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
      }
    }
    assumeTrue(Files.isRegularFile(BUILT), "no shaded handler jar: run mvn verify -pl test -am");
    return BUILT;
  }

  @Test
  void containsNoNettyOrApacheClientAndFitsTheBudget() throws IOException {
    Path jar = handlerJar();
    List<String> forbidden = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String n = e.getName();
        if (n.startsWith("io/netty/")
            || n.startsWith("org/apache/http/")
            || n.startsWith("software/amazon/awssdk/http/apache/")
            || n.startsWith("software/amazon/awssdk/http/nio/netty/")) {
          forbidden.add(n);
        }
      }
      assertThat(zip.getEntry("io/github/codestarconnections/lambda/OnEventHandler.class"))
          .isNotNull();
      assertThat(zip.getEntry("io/github/codestarconnections/lambda/IsCompleteHandler.class"))
          .isNotNull();
    }
    assertThat(forbidden).isEmpty();
    assertThat(Files.size(jar)).isLessThanOrEqualTo(MAX_BYTES);
  }

  /**
   * The SDK's two generated metadata providers are out of the jar, its MetadataLoader makes ours
   * instead (lambda/pom.xml relocates the two names), and every class is in the jar once.
   */
  @Test
  void theSdkLoadsOurMetadataProvidersAndReplacesNoClass() throws Exception {
    Path jar = handlerJar();
    List<String> duplicates = new ArrayList<>();
    List<String> sdkMetadata = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Set<String> seen = new HashSet<>();
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String n = e.getName();
        if (!seen.add(n)) {
          duplicates.add(n);
        }
        if (n.matches(
            "software/amazon/awssdk/regions/(Generated(Service|Region)MetadataProvider\\.class"
                + "|servicemetadata/.*|regionmetadata/.*)")) {
          sdkMetadata.add(n);
        }
      }
    }
    assertThat(duplicates).isEmpty();
    assertThat(sdkMetadata).isEmpty();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> region = loader.loadClass("software.amazon.awssdk.regions.Region");
      Object usEast1 = region.getMethod("of", String.class).invoke(null, "us-east-1");
      assertThat(region.getMethod("metadata").invoke(usEast1)).isNull();
      for (String prefix : List.of("codestar-connections", "codeconnections")) {
        Object metadata =
            loader
                .loadClass("software.amazon.awssdk.regions.ServiceMetadata")
                .getMethod("of", String.class)
                .invoke(null, prefix);
        assertThat(metadata.getClass().getName())
            .as(prefix)
            .isEqualTo("software.amazon.awssdk.regions.DefaultServiceMetadata");
      }
    }
  }

  /**
   * The handler's own classes (the thin jar the in-JVM tests run) are nowhere else on this class
   * path: no SDK class is shadowed, so the tests run the SDK as published.
   */
  @Test
  void theThinHandlerClassesShadowNothingOnTheClassPath() throws Exception {
    Path thin =
        Path.of(OnEventHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> ours = classesIn(thin);
    assertThat(ours).contains("io/github/codestarconnections/lambda/OnEventHandler.class");
    Map<String, List<String>> elsewhere = new java.util.TreeMap<>();
    for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path other = Path.of(element);
      if (other.equals(thin) || !Files.exists(other)) {
        continue;
      }
      for (String name : classesIn(other)) {
        if (ours.contains(name)) {
          elsewhere.computeIfAbsent(name, k -> new ArrayList<>()).add(element);
        }
      }
    }
    assertThat(elsewhere).isEmpty();
  }

  /** The class files of a jar or a class directory, as jar entry names. */
  private static Set<String> classesIn(Path element) throws IOException {
    Set<String> names = new HashSet<>();
    if (Files.isDirectory(element)) {
      try (Stream<Path> files = Files.walk(element)) {
        files
            .filter(f -> f.toString().endsWith(".class"))
            .forEach(
                f -> names.add(element.relativize(f).toString().replace(File.separatorChar, '/')));
      }
    } else if (element.toString().endsWith(".jar")) {
      try (ZipFile zip = new ZipFile(element.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          if (e.getName().endsWith(".class")) {
            names.add(e.getName());
          }
        }
      }
    }
    return names;
  }

  @Test
  void createsAndDeletesAHostFromAnIsolatedClassLoader() throws Exception {
    Path jar = handlerJar();
    // The handlers log a line a request to the stdout they find when made, as on Lambda: kept
    // here, and shown only with a failure.
    PrintStream stdout = System.out;
    ByteArrayOutputStream handlerLog = new ByteArrayOutputStream();
    System.setOut(new PrintStream(handlerLog, true, StandardCharsets.UTF_8));
    try {
      createAndDeleteAHost(jar);
    } catch (Exception | AssertionError e) {
      e.addSuppressed(
          new AssertionError("the handlers' log:\n" + handlerLog.toString(StandardCharsets.UTF_8)));
      throw e;
    } finally {
      System.setOut(stdout);
    }
  }

  @SuppressWarnings("unchecked")
  private static void createAndDeleteAHost(Path jar) throws Exception {
    try (CodeStarConnectionsStandIn standIn = CodeStarConnectionsStandIn.start();
        URLClassLoader loader =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String[] ns :
          new String[][] {
            {"codestarconnections", "CodeStarConnections"}, {"codeconnections", "CodeConnections"}
          }) {
        Class<?> clientType =
            loader.loadClass("software.amazon.awssdk.services." + ns[0] + "." + ns[1] + "Client");
        Object builder = call(null, clientType, "builder");
        Object region =
            loader
                .loadClass("software.amazon.awssdk.regions.Region")
                .getMethod("of", String.class)
                .invoke(null, "us-east-1");
        Object basic =
            loader
                .loadClass("software.amazon.awssdk.auth.credentials.AwsBasicCredentials")
                .getMethod("create", String.class, String.class)
                .invoke(null, "AKIDSTANDIN", "standin-secret");
        Object credentials =
            call(
                null,
                loader.loadClass(
                    "software.amazon.awssdk.auth.credentials.StaticCredentialsProvider"),
                "create",
                basic);
        call(builder, null, "endpointOverride", standIn.endpoint());
        call(builder, null, "region", region);
        call(builder, null, "credentialsProvider", credentials);
        Object client = call(builder, null, "build");
        Class<?> apiType = loader.loadClass("io.github.codestarconnections.lambda.HostApi");
        Object api =
            loader
                .loadClass("io.github.codestarconnections.lambda." + ns[1] + "HostApi")
                .getConstructor(clientType)
                .newInstance(client);
        Object onEvent =
            loader
                .loadClass("io.github.codestarconnections.lambda.OnEventHandler")
                .getConstructor(apiType)
                .newInstance(api);
        Object isComplete =
            loader
                .loadClass("io.github.codestarconnections.lambda.IsCompleteHandler")
                .getConstructor(apiType)
                .newInstance(api);

        Map<String, Object> props = host("shaded-" + ns[0]).build();
        Map<String, Object> created =
            (Map<String, Object>)
                call(onEvent, null, "handleRequest", CloudFormationPlayer.createEvent(props), null);
        String arn = (String) created.get("PhysicalResourceId");
        Map<String, Object> poll = new java.util.HashMap<>(CloudFormationPlayer.createEvent(props));
        poll.put("PhysicalResourceId", arn);
        Map<String, Object> done =
            (Map<String, Object>) call(isComplete, null, "handleRequest", poll, null);
        assertThat(done).containsEntry("IsComplete", true);
        assertThat((Map<String, Object>) done.get("Data")).containsEntry("Status", "PENDING");

        call(onEvent, null, "handleRequest", CloudFormationPlayer.deleteEvent(arn, props), null);
        assertThat(standIn.hosts()).isEmpty();
        ((AutoCloseable) client).close();
      }
      assertThat(standIn.violations()).isEmpty();
    }
  }

  /** Calls a public method by name, whatever class declares it. */
  private static Object call(Object target, Class<?> type, String name, Object... args)
      throws Exception {
    Class<?> c = target == null ? type : target.getClass();
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
        m.setAccessible(true);
        return m.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(c.getName() + "." + name);
  }

  private static boolean accepts(Method m, Object[] args) {
    Class<?>[] p = m.getParameterTypes();
    for (int i = 0; i < p.length; i++) {
      if (args[i] != null && !p[i].isInstance(args[i])) {
        return false;
      }
      if (args[i] == null && p[i].isPrimitive()) {
        return false;
      }
    }
    return true;
  }
}
