package io.github.codestarconnections.test.handler;

import static io.github.codestarconnections.test.handler.HostProperties.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.codestarconnections.test.crac.Core;
import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The shaded handler jar as a SnapStart function runs it: the container's clients are built and, as
 * on a SnapStart function, one hook is registered with org.crac; the runtime (here the stand-in of
 * {@code test.crac}, which org.crac delegates to as it does to Lambda's) runs it before the
 * snapshot, which makes no call and resolves no credentials; after the restore the first Create is
 * answered with the credentials Lambda gives a SnapStart function, from its container credentials
 * endpoint.
 */
class SnapStartHookTest {
  private static final List<String> PROPERTIES =
      List.of(
          "org.crac.Core.Compat",
          "aws.region",
          "aws.endpointUrl",
          "aws.containerCredentialsFullUri",
          "aws.containerAuthorizationToken");

  @Test
  @SuppressWarnings("unchecked")
  void theHookRunsOnceBeforeTheSnapshotWithoutACallAndTheRestoredCopyCreates() throws Exception {
    assumeTrue(
        System.getenv("AWS_ACCESS_KEY_ID") == null,
        "AWS_ACCESS_KEY_ID is set in this environment: the access keys would win, as on Lambda");
    Path jar = ShadedHandlerJarTest.handlerJar();
    URL runtime = Core.class.getProtectionDomain().getCodeSource().getLocation();
    AtomicInteger credentialReads = new AtomicInteger();
    HttpServer credentials =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    credentials.createContext(
        "/credentials",
        exchange -> {
          credentialReads.incrementAndGet();
          byte[] body =
              ("{\"AccessKeyId\":\"AKIDSTANDIN\",\"SecretAccessKey\":\"standin-secret\","
                      + "\"Token\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    credentials.start();
    PrintStream stdout = System.out;
    ByteArrayOutputStream hookLog = new ByteArrayOutputStream();
    try (CodeStarConnectionsStandIn standIn = CodeStarConnectionsStandIn.start();
        URLClassLoader function =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL(), runtime}, ClassLoader.getPlatformClassLoader())) {
      System.setProperty("org.crac.Core.Compat", Core.class.getPackageName());
      System.setProperty("aws.region", CodeStarConnectionsStandIn.REGION);
      System.setProperty("aws.endpointUrl", standIn.endpoint().toString());
      System.setProperty(
          "aws.containerCredentialsFullUri",
          "http://127.0.0.1:" + credentials.getAddress().getPort() + "/credentials");
      System.setProperty("aws.containerAuthorizationToken", "lambda-token");

      // The hook logs to the stdout it finds when it is registered, as on Lambda.
      System.setOut(new PrintStream(hookLog, true, StandardCharsets.UTF_8));
      Class<?> clients = function.loadClass("io.github.codestarconnections.lambda.ServiceClients");
      Class<?> namespaces = function.loadClass("io.github.codestarconnections.lambda.Namespace");
      // What ServiceClients does where it builds a namespace's clients, with Lambda's
      // environment of a SnapStart function (this JVM's environment cannot be set).
      Class<?> hook = function.loadClass("io.github.codestarconnections.lambda.SnapStartPriming");
      Method registerOn =
          hook.getDeclaredMethod(
              "registerOn",
              Map.class,
              namespaces,
              function.loadClass("software.amazon.awssdk.regions.Region"));
      registerOn.setAccessible(true);
      Object region =
          function
              .loadClass("software.amazon.awssdk.regions.Region")
              .getMethod("of", String.class)
              .invoke(null, CodeStarConnectionsStandIn.REGION);
      Object api = null;
      for (Object namespace : namespaces.getEnumConstants()) {
        Object built = clients.getMethod("hostApi", namespaces).invoke(null, namespace);
        registerOn.invoke(
            null, Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), namespace, region);
        if (namespace.toString().equals("CODESTAR_CONNECTIONS")) {
          api = built;
        }
      }
      Object context =
          function.loadClass(Core.class.getName()).getMethod("getGlobalContext").invoke(null);
      assertThat(context.getClass().getMethod("registered").invoke(context)).isEqualTo(1);

      Class<?> runtimeContext = function.loadClass(Core.class.getPackageName() + ".Context");
      context
          .getClass()
          .getMethod("beforeCheckpoint", runtimeContext)
          .invoke(context, (Object) null);
      assertThat(standIn.totalCalls()).isZero();
      assertThat(credentialReads).hasValue(0);
      context.getClass().getMethod("afterRestore", runtimeContext).invoke(context, (Object) null);
      assertThat(hookLog.toString(StandardCharsets.UTF_8))
          .contains(
              "{\"handler\":\"snapStart\",\"hook\":\"beforeCheckpoint\",\"primed\":[\"ListHosts\","
                  + "\"CreateHost\",\"GetHost\"")
          .contains("{\"handler\":\"snapStart\",\"hook\":\"afterRestore\"}");

      Object onEvent =
          function
              .loadClass("io.github.codestarconnections.lambda.OnEventHandler")
              .getConstructor(function.loadClass("io.github.codestarconnections.lambda.HostApi"))
              .newInstance(api);
      Map<String, Object> created =
          (Map<String, Object>)
              onEvent
                  .getClass()
                  .getMethod(
                      "handleRequest",
                      Object.class,
                      function.loadClass("com.amazonaws.services.lambda.runtime.Context"))
                  .invoke(
                      onEvent, CloudFormationPlayer.createEvent(host("restored").build()), null);
      assertThat((String) created.get("PhysicalResourceId")).contains(":host/");
      assertThat(standIn.callCount("CreateHost")).isEqualTo(1);
      assertThat(credentialReads).hasValue(1);
      assertThat(standIn.violations()).isEmpty();
    } finally {
      System.setOut(stdout);
      PROPERTIES.forEach(System::clearProperty);
      credentials.stop(0);
    }
  }
}
