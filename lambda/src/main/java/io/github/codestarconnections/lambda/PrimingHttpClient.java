package io.github.codestarconnections.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that never opens a socket: it reads each request the SDK has marshalled and
 * signed, and answers it in the JVM as the service answers for a new host (the JSON shapes of the
 * service models' outputs), so that SnapStart priming runs the SDK's whole request and response
 * path without a network call. Only {@link SnapStartPriming} uses it.
 */
final class PrimingHttpClient implements SdkHttpClient {
  /** The host the canned answers describe; the synthetic events ask for the same one. */
  static final String HOST_NAME = "snapstart-priming";

  static final String PROVIDER_TYPE = "GitHubEnterpriseServer";
  static final String PROVIDER_ENDPOINT = "https://snapstart-priming.example.com";

  private final String hostArn;
  private final List<String> answered = new ArrayList<>();

  /**
   * @param hostArn the ARN CreateHost answers with
   */
  PrimingHttpClient(String hostArn) {
    this.hostArn = hostArn;
  }

  /**
   * The operations answered so far, in order.
   *
   * @return e.g. {@code [ListHosts, CreateHost, GetHost]}
   */
  synchronized List<String> answered() {
    return List.copyOf(answered);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        // Read the body as a real client would send it, and drop it.
        if (request.contentStreamProvider().isPresent()) {
          try (InputStream body = request.contentStreamProvider().get().newStream()) {
            body.transferTo(OutputStream.nullOutputStream());
          }
        }
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.lastIndexOf('.') + 1);
        synchronized (PrimingHttpClient.this) {
          answered.add(operation);
        }
        byte[] json = answer(operation).getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
            .response(
                SdkHttpResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", String.valueOf(json.length))
                    .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(json)))
            .build();
      }

      @Override
      public void abort() {
        // Nothing is in flight.
      }
    };
  }

  /**
   * Bodies of the output shapes (CreateHostOutput, GetHostOutput, ListHostsOutput,
   * ListTagsForResourceOutput; the others have no members) of the service models
   * codestar-connections-2019-12-01 and codeconnections-2023-12-01, which agree on them.
   */
  private String answer(String operation) {
    return switch (operation) {
      case "CreateHost" -> "{\"HostArn\":\"" + hostArn + "\"}";
      case "GetHost" ->
          "{\"Name\":\""
              + HOST_NAME
              + "\",\"Status\":\"PENDING\",\"ProviderType\":\""
              + PROVIDER_TYPE
              + "\",\"ProviderEndpoint\":\""
              + PROVIDER_ENDPOINT
              + "\"}";
      case "ListHosts" -> "{\"Hosts\":[]}";
      case "ListTagsForResource" -> "{\"Tags\":[]}";
      default -> "{}";
    };
  }

  @Override
  public String clientName() {
    return "SnapStartPriming";
  }

  @Override
  public void close() {
    // No resources.
  }
}
