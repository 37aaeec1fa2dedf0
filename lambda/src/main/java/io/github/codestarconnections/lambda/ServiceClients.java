package io.github.codestarconnections.lambda;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the SDK clients once per Lambda container: url-connection HTTP client, region from {@code
 * AWS_REGION}, credentials from the environment ({@link HandlerCredentials}), and bounded retries
 * and timeouts so that no call outlives the handler's Lambda timeout (2 minutes, set by lib's
 * HandlerFunctions). Where it builds them, a SnapStart function registers the container's {@link
 * SnapStartPriming} hook.
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
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(RestoreSafeBackoff.STANDARD)
                .throttlingBackoffStrategy(RestoreSafeBackoff.THROTTLED)
                .build())
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .build();
  }

  /** Set by Lambda in every execution environment, never by the tests or the bench. */
  static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

  /**
   * The container's API in the configured namespace, for the handlers' no-argument constructors. On
   * Lambda it is built right away, in the init phase, rather than in the first invocation: the same
   * work, but where on-demand functions reportedly get more CPU than the invocation, and where
   * SnapStart or provisioned concurrency would pay it ahead of time. Elsewhere on first use.
   *
   * @return the API, built or to build
   */
  static Supplier<HostApi> containerApi() {
    return eagerOnLambda(System.getenv(), () -> hostApi(Namespace.fromEnvironment()));
  }

  /**
   * Calls {@code build} once now when {@code env} is Lambda's; a failure is left for the first
   * event, which meets it again and reports it as a failed resource, as it would without this.
   *
   * @param env the environment
   * @param build the shared, caching supplier
   * @param <T> what it supplies
   * @return {@code build}
   */
  static <T> Supplier<T> eagerOnLambda(Map<String, String> env, Supplier<T> build) {
    if (env.get(LAMBDA_FUNCTION_NAME) != null) {
      try {
        build.get();
      } catch (RuntimeException e) {
        // Reported by the first event, with the handler's usual failure message.
      }
    }
    return build;
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
    HostApi api = open(namespace, region, null).api();
    // Where the container's clients are built, so once per container; only a SnapStart function
    // registers it, and Lambda runs it before the snapshot.
    SnapStartPriming.registerOn(System.getenv(), namespace, region);
    return api;
  }

  /** An API over a client that its user closes. */
  record ClosableApi(HostApi api, SdkAutoCloseable client) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  /**
   * A namespace's API over a client built as the container's.
   *
   * @param namespace which API
   * @param region the client's region
   * @param offline in-JVM answers ({@link SnapStartPriming#offline}, for priming), or null for a
   *     client that calls the service
   * @return the API and its client
   */
  static ClosableApi open(Namespace namespace, Region region, PrimingHttpClient offline) {
    return switch (namespace) {
      case CODESTAR_CONNECTIONS -> CodeStarConnectionsHostApi.open(region, offline);
      case CODECONNECTIONS -> CodeConnectionsHostApi.open(region, offline);
    };
  }

  /**
   * Gives a client builder of either namespace what every handler client has (the adapters add
   * their endpoint provider).
   *
   * @param builder a new client builder
   * @param region the client's region
   * @param <B> the builder type
   * @return the same builder
   */
  static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, Region region) {
    return builder
        .region(region)
        .credentialsProvider(HandlerCredentials.SHARED)
        .httpClientBuilder(httpClient())
        .overrideConfiguration(overrideConfiguration());
  }

  private static UrlConnectionHttpClient.Builder httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(ATTEMPT_TIMEOUT);
  }

  private static String requireRegion() {
    // The SDK's own setting: the aws.region system property, else AWS_REGION (Lambda sets it).
    String region = SdkSystemSetting.AWS_REGION.getStringValue().orElse(null);
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set; the Lambda runtime always sets it");
    }
    return region;
  }
}
