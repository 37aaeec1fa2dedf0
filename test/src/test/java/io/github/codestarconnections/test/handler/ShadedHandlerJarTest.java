package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.HostProperties.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @Test
  @SuppressWarnings("unchecked")
  void createsAndDeletesAHostFromAnIsolatedClassLoader() throws Exception {
    Path jar = handlerJar();
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
