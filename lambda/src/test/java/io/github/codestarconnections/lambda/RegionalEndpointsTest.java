package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeconnections.endpoints.CodeConnectionsEndpointParams;
import software.amazon.awssdk.services.codeconnections.endpoints.CodeConnectionsEndpointProvider;
import software.amazon.awssdk.services.codestarconnections.endpoints.CodeStarConnectionsEndpointParams;
import software.amazon.awssdk.services.codestarconnections.endpoints.CodeStarConnectionsEndpointProvider;

/**
 * Our endpoint providers give what the SDK's default providers give, for every region the SDK knows
 * and some it does not, with FIPS and dual-stack on and off, with and without a configured
 * endpoint; and they answer every known region themselves (no silent fall-back to the slow path).
 */
class RegionalEndpointsTest {
  /** Region ids beyond the SDK's list: new regions of each partition, named and odd ones. */
  private static final List<String> MORE_REGIONS =
      List.of(
          "us-newregion-1",
          "ap-new-9",
          "il-new-2",
          "cn-new-1",
          "us-gov-new-1",
          "us-iso-new-1",
          "us-isob-new-1",
          "eu-isoe-new-1",
          "us-isof-new-1",
          "eusc-de-new-1",
          "eusc-fr-new-1",
          "aws-global",
          "aws-cn-global",
          "aws-us-gov-global",
          "aws-iso-global",
          "aws-iso-b-global",
          "aws-iso-e-global",
          "aws-iso-f-global",
          "xx-unknown-1",
          "us-east-1-fips",
          "fips-us-east-1",
          "US-EAST-1",
          "localhost",
          "us_east_1",
          "us-east-1.evil.example");

  private static final List<String> CONFIGURED =
      List.of("http://127.0.0.1:4567", "https://example.com/base/path", "not a uri");

  private static List<String> regionIds() {
    List<String> ids = new ArrayList<>();
    Region.regions().forEach(r -> ids.add(r.id()));
    ids.addAll(MORE_REGIONS);
    return ids;
  }

  @Test
  void codeStarConnectionsMatchesTheSdkEverywhere() {
    CodeStarConnectionsEndpointProvider ours = CodeStarConnectionsHostApi.endpoints();
    CodeStarConnectionsEndpointProvider sdks =
        CodeStarConnectionsEndpointProvider.defaultProvider();
    int compared = 0;
    for (String id : regionIds()) {
      for (boolean fips : new boolean[] {false, true}) {
        for (boolean dual : new boolean[] {false, true}) {
          List<String> endpoints = new ArrayList<>(CONFIGURED);
          endpoints.add(null);
          for (String endpoint : endpoints) {
            CodeStarConnectionsEndpointParams params =
                CodeStarConnectionsEndpointParams.builder()
                    .region(Region.of(id))
                    .useFips(fips)
                    .useDualStack(dual)
                    .endpoint(endpoint)
                    .build();
            String what = id + " fips=" + fips + " dual=" + dual + " endpoint=" + endpoint;
            assertThat(outcome(() -> ours.resolveEndpoint(params)))
                .as(what)
                .isEqualTo(outcome(() -> sdks.resolveEndpoint(params)));
            compared++;
          }
        }
      }
    }
    CodeStarConnectionsEndpointParams noRegion =
        CodeStarConnectionsEndpointParams.builder().build();
    assertThat(outcome(() -> ours.resolveEndpoint(noRegion)))
        .isEqualTo(outcome(() -> sdks.resolveEndpoint(noRegion)));
    assertThat(compared).isGreaterThan(4 * 4 * 30);
  }

  @Test
  void codeConnectionsMatchesTheSdkEverywhere() {
    CodeConnectionsEndpointProvider ours = CodeConnectionsHostApi.endpoints();
    CodeConnectionsEndpointProvider sdks = CodeConnectionsEndpointProvider.defaultProvider();
    for (String id : regionIds()) {
      for (boolean fips : new boolean[] {false, true}) {
        for (boolean dual : new boolean[] {false, true}) {
          List<String> endpoints = new ArrayList<>(CONFIGURED);
          endpoints.add(null);
          for (String endpoint : endpoints) {
            CodeConnectionsEndpointParams params =
                CodeConnectionsEndpointParams.builder()
                    .region(Region.of(id))
                    .useFips(fips)
                    .useDualStack(dual)
                    .endpoint(endpoint)
                    .build();
            String what = id + " fips=" + fips + " dual=" + dual + " endpoint=" + endpoint;
            assertThat(outcome(() -> ours.resolveEndpoint(params)))
                .as(what)
                .isEqualTo(outcome(() -> sdks.resolveEndpoint(params)));
          }
        }
      }
    }
    CodeConnectionsEndpointParams noRegion = CodeConnectionsEndpointParams.builder().build();
    assertThat(outcome(() -> ours.resolveEndpoint(noRegion)))
        .isEqualTo(outcome(() -> sdks.resolveEndpoint(noRegion)));
  }

  @Test
  void everyRegionTheSdkKnowsIsAnsweredWithoutTheSdksRules() {
    for (Region region : Region.regions()) {
      assertThat(RegionalEndpoints.dnsSuffix(region.id())).as(region.id()).isNotNull();
    }
    assertThat(RegionalEndpoints.dnsSuffix("us-east-1")).isEqualTo("amazonaws.com");
    assertThat(RegionalEndpoints.dnsSuffix("cn-north-1")).isEqualTo("amazonaws.com.cn");
    assertThat(RegionalEndpoints.dnsSuffix("us-gov-west-1")).isEqualTo("amazonaws.com");
    assertThat(RegionalEndpoints.dnsSuffix("us-isob-east-1")).isEqualTo("sc2s.sgov.gov");
    assertThat(RegionalEndpoints.dnsSuffix("xx-unknown-1")).isNull();
  }

  /** What a resolution gives: the endpoint, or the failure's type and message. */
  private static Object outcome(Supplier<CompletableFuture<Endpoint>> resolve) {
    try {
      return resolve.get().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      return cause.getClass().getName() + ": " + cause.getMessage();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
