package io.github.codestarconnections.lambda;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * A per-request plugin that turns the SDK's retries off, for calls that are not idempotent
 * (CreateHost): the handler retries those itself, after checking what the first attempt did.
 */
final class SingleAttempt {
  static final SdkPlugin PLUGIN =
      config -> {
        ClientOverrideConfiguration current = config.overrideConfiguration();
        ClientOverrideConfiguration.Builder b =
            current == null ? ClientOverrideConfiguration.builder() : current.toBuilder();
        config.overrideConfiguration(b.retryStrategy(AwsRetryStrategy.doNotRetry()).build());
      };

  private SingleAttempt() {}
}
