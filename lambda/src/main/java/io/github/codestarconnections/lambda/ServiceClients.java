package io.github.codestarconnections.lambda;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;

/**
 * Builds the SDK clients once per Lambda container: url-connection HTTP client, region from {@code
 * AWS_REGION}, credentials from the environment, and bounded retries and timeouts so that no call
 * outlives the handler's 60 s.
 */
public final class ServiceClients {
  /** Attempts per call (first try included); CreateHost is always attempted once. */
  public static final int MAX_ATTEMPTS = 4;

  /** One attempt gives up after this. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(8);

  /** One call, retries included, gives up after this. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private static final Map<Namespace, HostApi> APIS = new EnumMap<>(Namespace.class);

  private ServiceClients() {}

  /**
   * The override configuration every client uses: bounded retries and timeouts.
   *
   * @return the configuration
   */
  public static ClientOverrideConfiguration overrideConfiguration() {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .build();
  }

  /**
   * The container's API for a namespace, built on first use.
   *
   * @param namespace which API
   * @return the shared instance
   */
  public static synchronized HostApi hostApi(Namespace namespace) {
    return APIS.computeIfAbsent(namespace, ServiceClients::build);
  }

  private static HostApi build(Namespace namespace) {
    Region region = Region.of(requireRegion());
    var http =
        UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(ATTEMPT_TIMEOUT);
    var credentials = EnvironmentVariableCredentialsProvider.create();
    return switch (namespace) {
      case CODESTAR_CONNECTIONS ->
          new CodeStarConnectionsHostApi(
              CodeStarConnectionsClient.builder()
                  .region(region)
                  .credentialsProvider(credentials)
                  .httpClientBuilder(http)
                  .overrideConfiguration(overrideConfiguration())
                  .build());
      case CODECONNECTIONS ->
          new CodeConnectionsHostApi(
              CodeConnectionsClient.builder()
                  .region(region)
                  .credentialsProvider(credentials)
                  .httpClientBuilder(http)
                  .overrideConfiguration(overrideConfiguration())
                  .build());
    };
  }

  private static String requireRegion() {
    String region = System.getenv("AWS_REGION");
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set; the Lambda runtime always sets it");
    }
    return region;
  }
}
