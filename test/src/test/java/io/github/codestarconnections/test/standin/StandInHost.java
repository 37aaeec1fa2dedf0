package io.github.codestarconnections.test.standin;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one host held by the stand-in.
 *
 * @param arn the ARN
 * @param name the name
 * @param providerType the provider type
 * @param providerEndpoint the endpoint
 * @param vpcId the VPC id, or null
 * @param subnetIds the subnets, empty without VPC
 * @param tlsCertificate the certificate, or null
 * @param status the current status
 * @param statusMessage the status message, or null
 * @param tags the tags
 */
public record StandInHost(
    String arn,
    String name,
    String providerType,
    String providerEndpoint,
    String vpcId,
    List<String> subnetIds,
    String tlsCertificate,
    String status,
    String statusMessage,
    Map<String, String> tags) {}
