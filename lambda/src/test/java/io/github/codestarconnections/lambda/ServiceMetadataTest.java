package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.DefaultServiceMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceEndpointKey;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.CodestarConnectionsServiceMetadata;

/**
 * NoServiceMetadataProvider gives the SDK no service metadata in the shaded jar; the SDK then uses
 * its DefaultServiceMetadata, which signs for the client's region. This holds only while the SDK's
 * own metadata for the service says the same, which this test checks in every region the SDK knows
 * (the thin class path has the SDK's generated provider; ShadedHandlerJarTest checks that the
 * shaded jar's SDK loads ours).
 */
class ServiceMetadataTest {
  @Test
  void ourProviderAnswersNoMetadata() {
    for (String prefix : new String[] {"codestar-connections", "codeconnections"}) {
      assertThat(new NoServiceMetadataProvider().serviceMetadata(prefix)).as(prefix).isNull();
    }
  }

  @Test
  void signingRegionIsTheSdksOwnInEveryRegion() {
    ServiceMetadata sdks = new CodestarConnectionsServiceMetadata();
    for (String prefix : new String[] {"codestar-connections", "codeconnections"}) {
      // What ServiceMetadata.of answers when the provider has no metadata.
      ServiceMetadata ours = new DefaultServiceMetadata(prefix);
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
