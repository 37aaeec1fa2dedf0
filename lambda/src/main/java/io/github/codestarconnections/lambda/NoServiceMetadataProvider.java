package io.github.codestarconnections.lambda;

import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.regions.ServiceMetadataProvider;

/**
 * In the shaded handler jar, takes the place of the AWS SDK's {@code
 * GeneratedServiceMetadataProvider}, which builds metadata for every AWS service (some 300 classes,
 * 2 MB) the first time a client is built, only to read the signing region of the one service the
 * handler calls. Answering "no metadata" makes the SDK use its {@code DefaultServiceMetadata},
 * whose signing region is the client's region: what CodeStar Connections and CodeConnections use in
 * every region (ServiceMetadataTest compares the two). lambda/pom.xml leaves the SDK's provider and
 * its per-service classes out of the shaded jar and points the SDK's one user of it ({@code
 * MetadataLoader}) here by relocation, so no SDK class is shadowed on any class path
 * (ShadedHandlerJarTest checks the jar; docs/PERFORMANCE.md has the cold start and size gained).
 */
public final class NoServiceMetadataProvider implements ServiceMetadataProvider {
  /** Made by the SDK's {@code MetadataLoader} in the shaded jar. */
  public NoServiceMetadataProvider() {}

  @Override
  public ServiceMetadata serviceMetadata(String endpointPrefix) {
    return null;
  }
}
