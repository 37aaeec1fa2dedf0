package io.github.codestarconnections.test.standin;

import io.github.codestarconnections.lambda.CodeConnectionsHostApi;
import io.github.codestarconnections.lambda.CodeStarConnectionsHostApi;
import io.github.codestarconnections.lambda.HostApi;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.lambda.ServiceClients;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.codeconnections.CodeConnectionsClient;
import software.amazon.awssdk.services.codestarconnections.CodeStarConnectionsClient;

/**
 * Real SDK clients pointed at a stand-in: the handler's own retry and timeout settings, with the
 * back-off set to zero so tests do not sleep. Clients made for a principal name it in every request
 * ({@link CodeStarConnectionsStandIn#PRINCIPAL_HEADER}), so that the stand-in checks its rights.
 */
public final class StandInClients implements AutoCloseable {
  private final SdkHttpClient http;
  private final CodeStarConnectionsClient codeStar;
  private final CodeConnectionsClient codeConnections;

  /**
   * Builds both clients, unchecked by IAM.
   *
   * @param standIn the stand-in
   */
  public StandInClients(CodeStarConnectionsStandIn standIn) {
    this(standIn, ServiceClients.ATTEMPT_TIMEOUT, ServiceClients.CALL_TIMEOUT, null);
  }

  /**
   * Builds both clients for a principal, whose rights the stand-in checks.
   *
   * @param standIn the stand-in
   * @param principal e.g. a role ARN, see {@link CodeStarConnectionsStandIn#allow}
   */
  public StandInClients(CodeStarConnectionsStandIn standIn, String principal) {
    this(standIn, ServiceClients.ATTEMPT_TIMEOUT, ServiceClients.CALL_TIMEOUT, principal);
  }

  /**
   * Builds both clients with the handler's retries but shorter timeouts, so that tests of slow
   * answers take a second rather than the handler's 8 s per attempt and 15 s per call.
   *
   * @param standIn the stand-in
   * @param attemptTimeout per attempt (also the socket read timeout, as in {@link ServiceClients})
   * @param callTimeout per call, retries included
   */
  public StandInClients(
      CodeStarConnectionsStandIn standIn, Duration attemptTimeout, Duration callTimeout) {
    this(standIn, attemptTimeout, callTimeout, null);
  }

  private StandInClients(
      CodeStarConnectionsStandIn standIn,
      Duration attemptTimeout,
      Duration callTimeout,
      String principal) {
    http = UrlConnectionHttpClient.builder().socketTimeout(attemptTimeout).build();
    ClientOverrideConfiguration.Builder config =
        ServiceClients.overrideConfiguration().toBuilder()
            .apiCallAttemptTimeout(attemptTimeout)
            .apiCallTimeout(callTimeout)
            .retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(ServiceClients.MAX_ATTEMPTS)
                    .backoffStrategy(BackoffStrategy.retryImmediately())
                    .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                    .circuitBreakerEnabled(false)
                    .build());
    if (principal != null) {
      config.addExecutionInterceptor(new NamesPrincipal(principal));
    }
    var credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDSTANDIN", "standin-secret"));
    codeStar =
        CodeStarConnectionsClient.builder()
            .endpointOverride(standIn.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(config.build())
            .build();
    codeConnections =
        CodeConnectionsClient.builder()
            .endpointOverride(standIn.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(config.build())
            .build();
  }

  /**
   * The handler's API for a namespace.
   *
   * @param namespace which
   * @return the adapter over the matching client
   */
  public HostApi hostApi(Namespace namespace) {
    return namespace == Namespace.CODECONNECTIONS
        ? new CodeConnectionsHostApi(codeConnections)
        : new CodeStarConnectionsHostApi(codeStar);
  }

  /**
   * The {@code codestar-connections} client itself.
   *
   * @return the client (owned by this)
   */
  public CodeStarConnectionsClient codeStar() {
    return codeStar;
  }

  /**
   * The {@code codeconnections} client itself.
   *
   * @return the client (owned by this)
   */
  public CodeConnectionsClient codeConnections() {
    return codeConnections;
  }

  @Override
  public void close() {
    codeStar.close();
    codeConnections.close();
    http.close();
  }

  /** Adds the principal header to every request. */
  private record NamesPrincipal(String principal) implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(
        Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
      return context.httpRequest().toBuilder()
          .putHeader(CodeStarConnectionsStandIn.PRINCIPAL_HEADER, principal)
          .build();
    }
  }
}
