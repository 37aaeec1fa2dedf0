package io.github.codestarconnections.lambda;

/**
 * What the service says about a host.
 *
 * @param arn the host ARN
 * @param name the host name
 * @param providerType the provider type API string
 * @param providerEndpoint the provider's URL
 * @param vpc the VPC configuration, or null (its certificate may be absent)
 * @param status the status string, e.g. PENDING
 * @param statusMessage the reason for the status; only ListHosts returns it, so often null
 */
public record HostState(
    String arn,
    String name,
    String providerType,
    String providerEndpoint,
    VpcSpec vpc,
    String status,
    String statusMessage) {}
