package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;

/**
 * A SnapStart function has no access-key variables; Lambda gives it a container credentials
 * endpoint instead. The clients as the handler builds them sign with what that endpoint serves, and
 * read it only when a call signs, not when they are built.
 */
class HandlerCredentialsTest {
  @Test
  void withoutAccessKeyVariablesTheClientsSignWithTheContainerEndpointsCredentials()
      throws Exception {
    HttpServer endpoint =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> tokens = new ArrayList<>();
    endpoint.createContext(
        "/credentials",
        exchange -> {
          tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body =
              ("{\"AccessKeyId\":\"AKIDFROMCONTAINER\",\"SecretAccessKey\":\"secret\","
                      + "\"Token\":\"session\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    endpoint.start();
    System.setProperty(
        "aws.containerCredentialsFullUri",
        "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/credentials");
    System.setProperty("aws.containerAuthorizationToken", "lambda-token");
    SignedHeaders signed = new SignedHeaders();
    try (CodeStarConnectionsClient client =
        CodeStarConnectionsHostApi.clientBuilder(Region.US_EAST_1)
            .credentialsProvider(new HandlerCredentials(name -> null))
            .overrideConfiguration(
                ServiceClients.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(signed)
                    .build())
            .build()) {
      assertThat(tokens).isEmpty();

      assertThatThrownBy(() -> client.listHosts(r -> {})).isInstanceOf(Stop.class);

      assertThat(tokens).containsExactly("lambda-token");
      assertThat(signed.authorization).contains("Credential=AKIDFROMCONTAINER/");
      assertThat(signed.sessionToken).isEqualTo("session");
    } finally {
      System.clearProperty("aws.containerCredentialsFullUri");
      System.clearProperty("aws.containerAuthorizationToken");
      endpoint.stop(0);
    }
  }

  @Test
  void withAccessKeyVariablesTheContainerProviderIsNeitherMadeNorAsked() {
    HandlerCredentials onDemand =
        new HandlerCredentials(name -> name.equals("AWS_ACCESS_KEY_ID") ? "AKID" : null);
    HandlerCredentials snapStart = new HandlerCredentials(name -> null);

    assertThat(onDemand.prepare()).isFalse();
    assertThat(snapStart.prepare()).isTrue();
  }

  /** Keeps the signed request's credential headers and stops it there. */
  private static final class SignedHeaders implements ExecutionInterceptor {
    private String authorization;
    private String sessionToken;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
      authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
      sessionToken = context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElse("");
      throw new Stop();
    }
  }

  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
