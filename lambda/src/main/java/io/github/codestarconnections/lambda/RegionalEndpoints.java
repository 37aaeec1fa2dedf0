package io.github.codestarconnections.lambda;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;

/**
 * How the endpoint providers of the two clients ({@code endpoints()} of each adapter, {@link
 * CodeConnectionsHostApi#endpoints}) answer the common case themselves: no FIPS, no dual-stack, and
 * either a configured endpoint (endpointOverride, AWS_ENDPOINT_URL...) or a region of a known
 * partition, giving {@code https://<prefix>.<region>.<partition DNS suffix>}, which is what the
 * services' endpoint rules say. The SDK's default providers load and evaluate those rules and the
 * partition table on the first call (a measurable part of a cold start, docs/PERFORMANCE.md);
 * anything else (FIPS, dual-stack, a region outside the known partitions, no region) goes to them
 * unchanged. RegionalEndpointsTest compares both with the SDK's providers in every region the SDK
 * knows.
 */
final class RegionalEndpoints {
  /** A partition: its regions' pattern (from the SDK's partition table) and DNS suffix. */
  private record Partition(Pattern regions, String dnsSuffix) {}

  /** In the SDK's order; a region id matches at most one pattern. */
  private static final Partition[] PARTITIONS = {
    partition("^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$", "amazonaws.com"),
    partition("^cn\\-\\w+\\-\\d+$", "amazonaws.com.cn"),
    partition("^eusc\\-(de)\\-\\w+\\-\\d+$", "amazonaws.eu"),
    partition("^us\\-iso\\-\\w+\\-\\d+$", "c2s.ic.gov"),
    partition("^us\\-isob\\-\\w+\\-\\d+$", "sc2s.sgov.gov"),
    partition("^eu\\-isoe\\-\\w+\\-\\d+$", "cloud.adc-e.uk"),
    partition("^us\\-isof\\-\\w+\\-\\d+$", "csp.hci.ic.gov"),
    partition("^us\\-gov\\-\\w+\\-\\d+$", "amazonaws.com"),
  };

  /** Region ids that the partition table lists by name and no pattern matches. */
  private static final Map<String, String> NAMED_REGIONS =
      Map.of(
          "aws-global", "amazonaws.com",
          "aws-cn-global", "amazonaws.com.cn",
          "aws-iso-global", "c2s.ic.gov",
          "aws-iso-b-global", "sc2s.sgov.gov",
          "aws-iso-e-global", "cloud.adc-e.uk",
          "aws-iso-f-global", "csp.hci.ic.gov",
          "aws-us-gov-global", "amazonaws.com");

  private RegionalEndpoints() {}

  /**
   * Resolves an endpoint from a client's endpoint parameters.
   *
   * @param namespace whose endpoint: its endpoint prefix is its ARN service (endpointPrefix in
   *     ../shared/reference/api/*.service-2.json: codestar-connections, codeconnections)
   * @param region the parameters' region, may be null
   * @param fips the parameters' UseFIPS
   * @param dualStack the parameters' UseDualStack
   * @param configured the parameters' configured endpoint, may be null
   * @param sdk the SDK's own provider for these parameters
   * @return the endpoint
   */
  static CompletableFuture<Endpoint> resolve(
      Namespace namespace,
      Region region,
      Boolean fips,
      Boolean dualStack,
      String configured,
      Supplier<CompletableFuture<Endpoint>> sdk) {
    if (!Boolean.FALSE.equals(fips) || !Boolean.FALSE.equals(dualStack)) {
      return sdk.get();
    }
    if (configured != null) {
      return url(configured);
    }
    String suffix = region == null ? null : dnsSuffix(region.id());
    return suffix == null
        ? sdk.get()
        : url("https://" + namespace.arnService() + "." + region.id() + "." + suffix);
  }

  /** The partition DNS suffix of a region id, or null when no known partition has it. */
  static String dnsSuffix(String regionId) {
    String named = NAMED_REGIONS.get(regionId);
    if (named != null) {
      return named;
    }
    for (Partition p : PARTITIONS) {
      if (p.regions().matcher(regionId).matches()) {
        return p.dnsSuffix();
      }
    }
    return null;
  }

  private static CompletableFuture<Endpoint> url(String url) {
    try {
      return CompletableFuture.completedFuture(Endpoint.builder().url(URI.create(url)).build());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Partition partition(String regex, String dnsSuffix) {
    return new Partition(Pattern.compile(regex), dnsSuffix);
  }
}
