package io.github.codestarconnections.lambda;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host a CloudFormation event asks for: the custom resource's properties, validated. Read from
 * OldResourceProperties it is the host as recorded, never held to today's limits: a field that
 * recording lacks, or holds in a form no version wrote, is null (the tags then skip it).
 *
 * @param name the host name (changing it replaces the host)
 * @param providerType the provider type API string (changing it replaces the host)
 * @param providerEndpoint the provider's URL (updated in place)
 * @param vpc the VPC configuration, or null for a host on the public internet
 * @param tags the user's tags in their given order, never containing the {@link MarkerTag}
 */
public record HostSpec(
    String name,
    String providerType,
    String providerEndpoint,
    VpcSpec vpc,
    Map<String, String> tags) {

  /** Copies the tags so the record stays immutable and keeps their order. */
  public HostSpec {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }
}
