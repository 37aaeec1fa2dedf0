package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;

/**
 * The SnapStart hook primes without a network call, loads what it claims to load, and never fails
 * the snapshot.
 */
class SnapStartPrimingTest {
  /** Every operation the handler calls, each answered once, the Create's first. */
  private static final List<String> ALL_OPERATIONS =
      List.of(
          "ListHosts",
          "CreateHost",
          "GetHost",
          "ListTagsForResource",
          "TagResource",
          "UntagResource",
          "UpdateHost",
          "DeleteHost");

  /** Classes of each stage the hook claims to run; none is loaded before it runs. */
  private static final List<String> PRIMED_CLASSES =
      List.of(
          "io.github.codestarconnections.lambda.HostEventParser",
          "io.github.codestarconnections.lambda.HostLifecycle",
          "io.github.codestarconnections.lambda.ProviderResponse",
          "io.github.codestarconnections.lambda.LogLine",
          "software.amazon.awssdk.services.codestarconnections.transform.CreateHostRequestMarshaller",
          "software.amazon.awssdk.services.codestarconnections.model.GetHostResponse",
          "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner",
          "software.amazon.awssdk.protocols.json.internal.unmarshall.JsonProtocolUnmarshaller");

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  private SnapStartPriming hook(Namespace namespace, Region region) {
    return new SnapStartPriming(
        namespace, region, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void aCreateAndEveryOtherOperationAreAnsweredInTheJvmInBothNamespaces() {
    for (Namespace namespace : Namespace.values()) {
      assertThat(hook(namespace, Region.EU_WEST_1).prime())
          .as("%s", namespace)
          .isEqualTo(ALL_OPERATIONS);
    }
  }

  @Test
  void primingOpensNoConnectionToTheEndpointTheClientsWouldUse() throws Exception {
    try (ConnectionRecorder endpoint = new ConnectionRecorder()) {
      System.setProperty("aws.endpointUrl", endpoint.url());
      try {
        hook(Namespace.CODESTAR_CONNECTIONS, Region.US_EAST_1).beforeCheckpoint(null);
        hook(Namespace.CODECONNECTIONS, Region.US_EAST_1).beforeCheckpoint(null);
        assertThat(endpoint.accepted()).isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"primed\":[\"ListHosts\"");

        // The recorder sees a client built the same way that does send.
        try (CodeStarConnectionsClient sending =
            CodeStarConnectionsHostApi.clientBuilder(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .build()) {
          assertThatThrownBy(() -> sending.listHosts(r -> {})).isNotNull();
        }
        assertThat(endpoint.accepted()).isPositive();
      } finally {
        System.clearProperty("aws.endpointUrl");
      }
    }
  }

  @Test
  void primingLoadsTheClassesOfEveryStageItClaims() throws Exception {
    try (TrackingLoader loader = new TrackingLoader()) {
      assertThat(PRIMED_CLASSES).allSatisfy(c -> assertThat(loader.isLoaded(c)).as(c).isFalse());
      Object hook = loader.newHook("CODESTAR_CONNECTIONS", "us-east-1");
      assertThat(PRIMED_CLASSES).allSatisfy(c -> assertThat(loader.isLoaded(c)).as(c).isFalse());

      var beforeCheckpoint =
          hook.getClass().getMethod("beforeCheckpoint", loader.loadClass("org.crac.Context"));
      // The hook's class is package-private, and another loader's package is another package.
      beforeCheckpoint.setAccessible(true);
      beforeCheckpoint.invoke(hook, (Object) null);

      assertThat(PRIMED_CLASSES).allSatisfy(c -> assertThat(loader.isLoaded(c)).as(c).isTrue());
    }
  }

  @Test
  void aFailingPrimingIsLoggedNotThrownSoThePublishGoesOn() {
    hook(Namespace.CODESTAR_CONNECTIONS, null).beforeCheckpoint(null);

    assertThat(log.toString(StandardCharsets.UTF_8))
        .startsWith("{\"handler\":\"snapStart\",\"hook\":\"beforeCheckpoint\",\"failed\":")
        .contains("\"ms\":");
  }

  @Test
  void afterRestoreSaysSoInTheLog() {
    hook(Namespace.CODESTAR_CONNECTIONS, Region.US_EAST_1).afterRestore(null);

    assertThat(log.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"handler\":\"snapStart\",\"hook\":\"afterRestore\"}" + System.lineSeparator());
  }

  @Test
  void onlyASnapStartFunctionRegistersTheHook() {
    assertThat(
            SnapStartPriming.registerOn(
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"),
                Namespace.CODESTAR_CONNECTIONS,
                Region.US_EAST_1))
        .isFalse();
    assertThat(
            SnapStartPriming.registerOn(Map.of(), Namespace.CODESTAR_CONNECTIONS, Region.US_EAST_1))
        .isFalse();
    assertThat(
            SnapStartPriming.registerOn(
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"),
                Namespace.CODESTAR_CONNECTIONS,
                Region.US_EAST_1))
        .isTrue();
  }

  @Test
  void theContainerRegistersOneHookWhateverClientsItBuilds() {
    SnapStartPriming first =
        SnapStartPriming.register(Namespace.CODESTAR_CONNECTIONS, Region.US_EAST_1);

    assertThat(SnapStartPriming.register(Namespace.CODECONNECTIONS, Region.EU_WEST_1))
        .isSameAs(first);
  }

  /** Accepts TCP connections on a loopback port, counts them and closes them. */
  private static final class ConnectionRecorder implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  server.accept().close();
                  accepted.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });

    ConnectionRecorder() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /**
   * A class loader of its own over the test class path, so that which classes are loaded can be
   * asked ({@code findLoadedClass}) without the rest of the test JVM having loaded them.
   */
  private static final class TrackingLoader extends URLClassLoader {
    TrackingLoader() throws IOException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean isLoaded(String name) {
      return findLoadedClass(name) != null;
    }

    Object newHook(String namespace, String region) throws ReflectiveOperationException {
      Class<?> namespaceType = loadClass(Namespace.class.getName());
      Class<?> regionType = loadClass(Region.class.getName());
      Class<?> hookType = loadClass(SnapStartPriming.class.getName());
      var constructor =
          hookType.getDeclaredConstructor(namespaceType, regionType, PrintStream.class);
      constructor.setAccessible(true);
      return constructor.newInstance(
          namespaceType.getMethod("valueOf", String.class).invoke(null, namespace),
          regionType.getMethod("of", String.class).invoke(null, region),
          new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    private static URL[] classPath() throws IOException {
      // Surefire may start the JVM from a manifest-only jar; it names the real class path here.
      String path =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      List<URL> urls = new ArrayList<>();
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      return urls.toArray(URL[]::new);
    }
  }
}
