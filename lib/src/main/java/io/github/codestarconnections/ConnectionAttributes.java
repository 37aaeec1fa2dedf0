package io.github.codestarconnections;

/**
 * What {@link Connection#fromConnectionAttributes} needs to know of a connection made elsewhere.
 *
 * @param connectionArn the ARN, in either namespace, or a token
 * @param connectionName the name, or null when unknown
 */
public record ConnectionAttributes(String connectionArn, String connectionName) {}
