package io.github.codestarconnections;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The custom resource of a deploy-time read (a connection lookup, a {@link ReadinessCheck}), served
 * by its stack's host provider of a namespace, which one per stack and namespace serves hosts and
 * reads alike; the handler tells them apart by the resource type.
 *
 * @param resource the custom resource, its owner's default child
 * @param provider the provider serving it
 */
record DeployTimeRead(CfnResource resource, HostProvider provider) {
  /**
   * Renders a read under its owner: {@code ServiceToken} first (as {@code CustomResource} has it),
   * then the properties, then {@code Rerun} when the read re-runs at every deployment.
   *
   * @param owner the lookup or check
   * @param who the owner, for messages
   * @param type the custom resource type
   * @param providerNamespace the namespace of the provider (and so of the API) serving it
   * @param properties the read's properties, in template order (null values left out)
   * @param rerun when it runs again, or null
   * @return the read
   */
  static DeployTimeRead render(
      Construct owner,
      Owner who,
      String type,
      ServiceNamespace providerNamespace,
      Map<String, Object> properties,
      Rerun rerun) {
    HostProvider provider = HostProvider.of(Stack.of(owner), who, providerNamespace);
    // Ordered: these properties become template JSON.
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("ServiceToken", provider.getServiceToken());
    properties.forEach(
        (k, v) -> {
          if (v != null) {
            all.put(k, v);
          }
        });
    String rerunValue = Rerun.value(owner, rerun);
    if (rerunValue != null) {
      all.put("Rerun", rerunValue);
    }
    String id = PrimaryChildId.read(providerNamespace);
    CfnResource resource = CfnResource.Builder.create(owner, id).type(type).properties(all).build();
    PrimaryChildId.adopt(owner, id, resource);
    return new DeployTimeRead(resource, provider);
  }
}
