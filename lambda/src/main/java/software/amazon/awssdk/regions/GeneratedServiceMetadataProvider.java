package software.amazon.awssdk.regions;

/**
 * Stands in for the AWS SDK's generated provider of the same name, which builds metadata for every
 * AWS service (some 300 classes, 2 MB) the first time a client is built, only to read the signing
 * region of the one service the handler calls. Answering "no metadata" makes the SDK use {@link
 * DefaultServiceMetadata}, whose signing region is the client's region: what CodeStar Connections
 * and CodeConnections use in every region (ServiceMetadataTest compares the two). The shaded jar
 * leaves out the SDK's provider and its per-service classes; cold start and jar size both gain
 * (docs/PERFORMANCE.md).
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
  @Override
  public ServiceMetadata serviceMetadata(String endpointPrefix) {
    return null;
  }
}
