package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClientBuilder;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClientBuilder;

/**
 * The clients as the handler builds them send their requests where the SDK's own endpoint rules
 * would, and still go where an endpoint is configured: on the builder (tests, the bench) or through
 * the SDK's settings chain (system property here; AWS_ENDPOINT_URL, its per-service variant and the
 * profile are read by the same code). Each call is stopped before it leaves the JVM.
 */
class ServiceClientsTest {
  private static final List<String> PROPERTIES =
      List.of(
          "aws.endpointUrl",
          "aws.endpointUrlCodeStarConnections",
          "aws.endpointUrlCodeConnections");

  /** The handler's environment credentials are not this test's subject. */
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));

  @AfterEach
  void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void regionalEndpointsOfBothNamespaces() {
    assertThat(codeStar(Region.US_EAST_1, b -> b))
        .isEqualTo(URI.create("https://codestar-connections.us-east-1.amazonaws.com/"));
    assertThat(codeStar(Region.CN_NORTH_1, b -> b))
        .isEqualTo(URI.create("https://codestar-connections.cn-north-1.amazonaws.com.cn/"));
    assertThat(codeStar(Region.US_GOV_WEST_1, b -> b))
        .isEqualTo(URI.create("https://codestar-connections.us-gov-west-1.amazonaws.com/"));
    assertThat(code(Region.EU_WEST_1, b -> b))
        .isEqualTo(URI.create("https://codeconnections.eu-west-1.amazonaws.com/"));
  }

  @Test
  void builderEndpointOverrideWins() {
    URI local = URI.create("http://127.0.0.1:4567");
    assertThat(codeStar(Region.US_EAST_1, b -> b.endpointOverride(local)))
        .isEqualTo(URI.create("http://127.0.0.1:4567/"));
    assertThat(code(Region.US_EAST_1, b -> b.endpointOverride(local)))
        .isEqualTo(URI.create("http://127.0.0.1:4567/"));
  }

  @Test
  void configuredEndpointsFromTheSdkSettingsWin() {
    System.setProperty("aws.endpointUrl", "http://127.0.0.1:4001");
    assertThat(codeStar(Region.US_EAST_1, b -> b)).isEqualTo(URI.create("http://127.0.0.1:4001/"));
    assertThat(code(Region.US_EAST_1, b -> b)).isEqualTo(URI.create("http://127.0.0.1:4001/"));
    System.setProperty("aws.endpointUrlCodeStarConnections", "http://127.0.0.1:4002");
    System.setProperty("aws.endpointUrlCodeConnections", "http://127.0.0.1:4003");
    assertThat(codeStar(Region.US_EAST_1, b -> b)).isEqualTo(URI.create("http://127.0.0.1:4002/"));
    assertThat(code(Region.US_EAST_1, b -> b)).isEqualTo(URI.create("http://127.0.0.1:4003/"));
  }

  @Test
  void fipsAndDualStackStillGetTheSdksEndpoints() {
    assertThat(codeStar(Region.US_EAST_1, b -> b.fipsEnabled(true)))
        .isEqualTo(URI.create("https://codestar-connections-fips.us-east-1.amazonaws.com/"));
    assertThat(code(Region.US_WEST_2, b -> b.dualstackEnabled(true)))
        .isEqualTo(URI.create("https://codeconnections.us-west-2.api.aws/"));
  }

  @Test
  void theClientsUseOurEndpointProviders() {
    try (CodeStarConnectionsClient client =
        CodeStarConnectionsHostApi.clientBuilder(Region.US_EAST_1).build()) {
      assertThat(client.serviceClientConfiguration().endpointProvider().orElseThrow().getClass())
          .isEqualTo(CodeStarConnectionsHostApi.endpoints().getClass());
    }
    try (CodeConnectionsClient client =
        CodeConnectionsHostApi.clientBuilder(Region.US_EAST_1).build()) {
      assertThat(client.serviceClientConfiguration().endpointProvider().orElseThrow().getClass())
          .isEqualTo(CodeConnectionsHostApi.endpoints().getClass());
    }
  }

  @Test
  void onLambdaTheClientIsBuiltWhenTheHandlerIsMade() {
    AtomicInteger builds = new AtomicInteger();
    Supplier<Integer> build = builds::incrementAndGet;
    assertThat(ServiceClients.eagerOnLambda(Map.of("AWS_REGION", "us-east-1"), build))
        .isSameAs(build);
    assertThat(builds).hasValue(0);
    ServiceClients.eagerOnLambda(Map.of(ServiceClients.LAMBDA_FUNCTION_NAME, "fn"), build);
    assertThat(builds).hasValue(1);
  }

  @Test
  void aFailedEarlyBuildIsLeftForTheFirstEvent() {
    Supplier<Object> failing =
        () -> {
          throw new IllegalStateException("AWS_REGION is not set");
        };
    Supplier<Object> api =
        ServiceClients.eagerOnLambda(Map.of(ServiceClients.LAMBDA_FUNCTION_NAME, "fn"), failing);
    assertThatThrownBy(api::get).hasMessage("AWS_REGION is not set");
  }

  private static URI codeStar(
      Region region, UnaryOperator<CodeStarConnectionsClientBuilder> configure) {
    Capture capture = new Capture();
    try (CodeStarConnectionsClient client =
        configure
            .apply(CodeStarConnectionsHostApi.clientBuilder(region))
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(capture.configuration())
            .build()) {
      assertThatThrownBy(() -> client.listHosts(r -> {})).isInstanceOf(Stop.class);
    }
    return capture.only();
  }

  private static URI code(Region region, UnaryOperator<CodeConnectionsClientBuilder> configure) {
    Capture capture = new Capture();
    try (CodeConnectionsClient client =
        configure
            .apply(CodeConnectionsHostApi.clientBuilder(region))
            .credentialsProvider(CREDENTIALS)
            .overrideConfiguration(capture.configuration())
            .build()) {
      assertThatThrownBy(() -> client.listHosts(r -> {})).isInstanceOf(Stop.class);
    }
    return capture.only();
  }

  /** Records where each attempt would go, and stops it there. */
  private static final class Capture implements ExecutionInterceptor {
    private final List<URI> uris = new ArrayList<>();

    ClientOverrideConfiguration configuration() {
      return ServiceClients.overrideConfiguration().toBuilder()
          .addExecutionInterceptor(this)
          .build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
      uris.add(context.httpRequest().getUri());
      throw new Stop();
    }

    URI only() {
      assertThat(uris).hasSize(1);
      return uris.get(0);
    }
  }

  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
