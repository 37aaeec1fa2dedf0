package io.github.codestarconnections.lambda;

import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/**
 * The function role's credentials, read when a call signs: from the access-key variables Lambda
 * sets, or, on a SnapStart function, which has none of those, from the container credentials
 * endpoint Lambda sets instead (AWS_CONTAINER_CREDENTIALS_FULL_URI and
 * AWS_CONTAINER_AUTHORIZATION_TOKEN;
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials).
 * Nothing is read when the clients are built, so a snapshot holds no credentials. The container
 * provider is made on first need, or ahead by {@link #prepare()}: building it loads enough of the
 * SDK (tens of milliseconds in a fresh JVM) that an on-demand function should not pay for it.
 */
final class HandlerCredentials implements AwsCredentialsProvider {
  /** The container's, shared by its clients. */
  static final HandlerCredentials SHARED = new HandlerCredentials(System::getenv);

  private final UnaryOperator<String> env;
  private final AwsCredentialsProvider accessKeys = EnvironmentVariableCredentialsProvider.create();
  private volatile AwsCredentialsProvider container;

  /**
   * @param env reads an environment variable
   */
  HandlerCredentials(UnaryOperator<String> env) {
    this.env = env;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return hasAccessKeys() ? accessKeys.resolveCredentials() : container().resolveCredentials();
  }

  /**
   * Makes the container provider now, without reading credentials, when there are no access keys:
   * SnapStart priming, so that the first call after a restore does not load it.
   *
   * @return whether the container provider is the one used
   */
  boolean prepare() {
    if (hasAccessKeys()) {
      return false;
    }
    container();
    return true;
  }

  private boolean hasAccessKeys() {
    return env.apply("AWS_ACCESS_KEY_ID") != null;
  }

  private AwsCredentialsProvider container() {
    AwsCredentialsProvider made = container;
    if (made == null) {
      synchronized (this) {
        made = container;
        if (made == null) {
          made = ContainerCredentialsProvider.builder().build();
          container = made;
        }
      }
    }
    return made;
  }
}
