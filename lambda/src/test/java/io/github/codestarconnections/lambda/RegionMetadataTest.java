package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.interceptor.HelpfulUnknownHostExceptionInterceptor;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.DefaultServiceMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.servicemetadata.CodestarConnectionsServiceMetadata;
import software.amazon.awssdk.services.codestarconnections.model.ListHostsRequest;

/**
 * NoRegionMetadataProvider answers no region metadata in the shaded jar. That is safe only while
 * nothing the handler runs reads it: the one SDK class that does, on a client's error path, must
 * stop before it does for our services, and no other SDK class in the handler jar may read it.
 */
class RegionMetadataTest {
  private static final String REGION_METADATA = "software/amazon/awssdk/regions/RegionMetadata";

  /** SDK classes outside the regions package that name RegionMetadata (checked below). */
  private static final Set<String> KNOWN_READERS =
      Set.of("software/amazon/awssdk/awscore/interceptor/HelpfulUnknownHostExceptionInterceptor");

  @Test
  void ourProviderAnswersNoMetadata() {
    for (Region region : Region.regions()) {
      assertThat(new NoRegionMetadataProvider().regionMetadata(region)).as(region.id()).isNull();
    }
  }

  @Test
  void noOtherSdkClassReadsRegionMetadata() throws IOException {
    Set<String> readers = new TreeSet<>();
    int scanned = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (!entry.endsWith(".jar") || !jar.toString().contains("awssdk")) {
        continue;
      }
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry e : Collections.list(zip.entries())) {
          String name = e.getName();
          if (!name.endsWith(".class") || name.startsWith("software/amazon/awssdk/regions/")) {
            continue;
          }
          scanned++;
          try (InputStream in = zip.getInputStream(e)) {
            // Class names are stored in the constant pool as plain UTF-8.
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            // Region.metadata()'s descriptor names RegionMetadata too.
            if (text.contains(REGION_METADATA)) {
              readers.add(name.substring(0, name.length() - ".class".length()));
            }
          }
        }
      }
    }
    assertThat(scanned).as("SDK classes scanned").isGreaterThan(1000);
    assertThat(readers).isEqualTo(new TreeSet<>(KNOWN_READERS));
  }

  @Test
  void theUnknownHostInterceptorStopsBeforeRegionMetadata() {
    // It reads Region.metadata() only for a service with a global endpoint in the region's
    // partition; neither the SDK's own metadata for the service nor ours (none) has one.
    assertThat(new CodestarConnectionsServiceMetadata().servicePartitions())
        .allSatisfy(p -> assertThat(p.globalRegion()).isEmpty());
    for (String prefix : new String[] {"codestar-connections", "codeconnections"}) {
      // What the shaded jar's ServiceMetadata.of answers (NoServiceMetadataProvider).
      assertThat(new DefaultServiceMetadata(prefix).servicePartitions()).isEmpty();
      ExecutionAttributes attributes = new ExecutionAttributes();
      attributes.putAttribute(AwsExecutionAttribute.AWS_REGION, Region.US_EAST_1);
      attributes.putAttribute(AwsExecutionAttribute.ENDPOINT_PREFIX, prefix);
      Throwable changed =
          new HelpfulUnknownHostExceptionInterceptor()
              .modifyException(failed(new UnknownHostException(prefix)), attributes);
      assertThat(changed)
          .isInstanceOf(SdkClientException.class)
          .hasMessageStartingWith("Received an UnknownHostException")
          .hasMessageContaining("network connectivity issue")
          .hasMessageNotContaining("global");
    }
  }

  private static Context.FailedExecution failed(Throwable cause) {
    SdkClientException exception = SdkClientException.create("call failed", cause);
    return new Context.FailedExecution() {
      @Override
      public Throwable exception() {
        return exception;
      }

      @Override
      public SdkRequest request() {
        return ListHostsRequest.builder().build();
      }

      @Override
      public Optional<SdkHttpRequest> httpRequest() {
        return Optional.empty();
      }

      @Override
      public Optional<SdkHttpResponse> httpResponse() {
        return Optional.empty();
      }

      @Override
      public Optional<SdkResponse> response() {
        return Optional.empty();
      }
    };
  }
}
