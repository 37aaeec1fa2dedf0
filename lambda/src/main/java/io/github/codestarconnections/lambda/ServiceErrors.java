package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns either SDK's exceptions into {@link HostApiException}s by error code, which both namespaces
 * share.
 */
final class ServiceErrors {
  private ServiceErrors() {}

  /**
   * Runs one SDK call and classifies its failure.
   *
   * @param operation the API operation name
   * @param call the call
   * @param <T> its result
   * @return the result
   */
  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(operation, e);
    }
  }

  /**
   * Classifies one SDK exception.
   *
   * @param operation the API operation name
   * @param e the exception
   * @return the classified exception
   */
  static HostApiException translate(String operation, SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String message =
          service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null
              ? service.awsErrorDetails().errorMessage()
              : String.valueOf(service.getMessage());
      return new HostApiException(operation, kindOf(code, service), message, e);
    }
    return new HostApiException(operation, Kind.NO_RESPONSE, String.valueOf(e.getMessage()), e);
  }

  private static Kind kindOf(String code, AwsServiceException e) {
    if (code != null) {
      switch (code) {
        case "ResourceNotFoundException":
          return Kind.NOT_FOUND;
        case "ResourceUnavailableException":
          return Kind.UNAVAILABLE;
        case "ConflictException":
        case "ConcurrentModificationException":
          return Kind.CONFLICT;
        case "UnsupportedOperationException":
          return Kind.UNSUPPORTED;
        case "LimitExceededException":
          return Kind.LIMIT_EXCEEDED;
        case "AccessDeniedException":
        case "AccessDenied":
        case "UnrecognizedClientException":
        case "ExpiredTokenException":
          return Kind.ACCESS_DENIED;
        case "ValidationException":
        case "InvalidInputException":
        case "UnsupportedProviderTypeException":
          return Kind.INVALID_REQUEST;
        default:
          break;
      }
    }
    if (e.isThrottlingException()) {
      return Kind.THROTTLED;
    }
    if (e.statusCode() >= 500) {
      return Kind.SERVER_ERROR;
    }
    return Kind.OTHER;
  }
}
