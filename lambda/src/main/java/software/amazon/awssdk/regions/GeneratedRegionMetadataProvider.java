package software.amazon.awssdk.regions;

/**
 * Stands in for the AWS SDK's generated provider of the same name, which makes the metadata of
 * every AWS region (some 50 classes) when the first client is built, though nothing the handler
 * runs reads it: the SDK's one reader on a client's path, HelpfulUnknownHostExceptionInterceptor,
 * asks only for a service with global endpoints, which our GeneratedServiceMetadataProvider never
 * reports. So {@link Region#metadata()} answers null here. RegionMetadataTest checks both
 * (docs/PERFORMANCE.md).
 */
public final class GeneratedRegionMetadataProvider implements RegionMetadataProvider {
  @Override
  public RegionMetadata regionMetadata(Region region) {
    return null;
  }
}
