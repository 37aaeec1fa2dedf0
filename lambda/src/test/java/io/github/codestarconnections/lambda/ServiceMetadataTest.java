package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.GeneratedServiceMetadataProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceEndpointKey;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.CodestarConnectionsServiceMetadata;

/**
 * Our GeneratedServiceMetadataProvider gives the SDK no service metadata; the SDK then signs for
 * the client's region. This holds only while the SDK's own metadata for the service says the same,
 * which this test checks in every region the SDK knows (the thin class path still has the SDK's
 * generated class).
 */
class ServiceMetadataTest {
  @Test
  void ourProviderIsTheOneTheSdkLoads() {
    assertThat(new GeneratedServiceMetadataProvider().serviceMetadata("codestar-connections"))
        .isNull();
    assertThat(ServiceMetadata.of("codestar-connections").getClass().getSimpleName())
        .isEqualTo("DefaultServiceMetadata");
  }

  @Test
  void signingRegionIsTheSdksOwnInEveryRegion() {
    ServiceMetadata sdks = new CodestarConnectionsServiceMetadata();
    for (String prefix : new String[] {"codestar-connections", "codeconnections"}) {
      ServiceMetadata ours = ServiceMetadata.of(prefix);
      for (Region region : Region.regions()) {
        ServiceEndpointKey key = ServiceEndpointKey.builder().region(region).build();
        assertThat(ours.signingRegion(key)).as(prefix + " in " + region).isEqualTo(region);
        assertThat(sdks.signingRegion(key))
            .as("SDK's codestar-connections in " + region)
            .isEqualTo(region);
      }
    }
  }
}
