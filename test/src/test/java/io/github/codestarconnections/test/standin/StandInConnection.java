package io.github.codestarconnections.test.standin;

import java.util.Map;

/**
 * A snapshot of one connection held by the stand-in.
 *
 * @param arn the ARN (its service names the namespace it was created through)
 * @param name the name
 * @param providerType the provider type (the host's, for a connection on a host)
 * @param hostArn the host ARN, or null
 * @param status PENDING until a person finishes the handshake
 * @param tags the tags
 */
public record StandInConnection(
    String arn,
    String name,
    String providerType,
    String hostArn,
    String status,
    Map<String, String> tags) {}
