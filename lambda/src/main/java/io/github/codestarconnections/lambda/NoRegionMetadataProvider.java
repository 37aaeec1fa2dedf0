package io.github.codestarconnections.lambda;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.RegionMetadataProvider;

/**
 * In the shaded handler jar, takes the place of the AWS SDK's {@code
 * GeneratedRegionMetadataProvider}, which makes the metadata of every AWS region (some 50 classes)
 * when the first client is built, though nothing the handler runs reads it: the SDK's one reader on
 * a client's path, HelpfulUnknownHostExceptionInterceptor, asks only for a service with global
 * endpoints, which {@link NoServiceMetadataProvider} never reports. So {@link Region#metadata()}
 * answers null in the shaded jar. Put in place the same way as {@link NoServiceMetadataProvider}
 * (lambda/pom.xml); RegionMetadataTest and ShadedHandlerJarTest check both (docs/PERFORMANCE.md).
 */
public final class NoRegionMetadataProvider implements RegionMetadataProvider {
  /** Made by the SDK's {@code MetadataLoader} in the shaded jar. */
  public NoRegionMetadataProvider() {}

  @Override
  public RegionMetadata regionMetadata(Region region) {
    return null;
  }
}
