package io.github.codestarconnections;

import java.util.Map;

/**
 * A host's wanted state, checked, as both backends render it.
 *
 * @param name the host's name
 * @param providerType GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED
 * @param providerEndpoint the provider's URL
 * @param network the VPC configuration
 * @param tags the props' tags (the initial tags), sorted, or null
 */
record HostSpec(
    String name,
    ProviderType providerType,
    String providerEndpoint,
    HostNetwork network,
    Map<String, String> tags) {}
