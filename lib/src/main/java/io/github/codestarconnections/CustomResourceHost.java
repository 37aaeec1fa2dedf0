package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.TagManagerOptions;
import software.amazon.awscdk.TagType;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.CfnRolePolicy;
import software.constructs.IDependable;

/**
 * {@link HostBackend#CUSTOM_RESOURCE}: a {@code Custom::CodeStarConnectionsHost} whose properties
 * mirror {@code AWS::CodeConnections::Host}, served by the stack's provider for the host's
 * namespace (made on first use).
 */
final class CustomResourceHost implements HostResource {
  private final CfnResource resource;
  private final TagManager tags;
  private final HostProvider provider;

  /**
   * Renders the custom resource.
   *
   * @param host the host, the resource's parent
   * @param id the resource's id ({@link PrimaryChildId#host})
   * @param spec the checked host
   * @param stack the host's stack
   * @param owner the host, for messages
   * @param namespace the API the provider's handler calls
   * @param hostPath the host's construct path, given its stack's checks (which can tell it without
   *     asking the kernel when the host's scope is the stack)
   */
  CustomResourceHost(
      Host host,
      String id,
      HostSpec spec,
      Stack stack,
      Owner owner,
      ServiceNamespace namespace,
      Function<StackChecks, String> hostPath) {
    // A custom resource joins Tags.of through its own TagManager, rendered lazily into Tags.
    this.tags =
        new TagManager(
            TagType.KEY_VALUE,
            Host.RESOURCE_TYPE,
            spec.tags() == null ? null : new LinkedHashMap<>(spec.tags()),
            TagManagerOptions.builder().tagPropertyName("Tags").build());
    this.provider = HostProvider.of(stack, owner, namespace);
    provider.enableHosts();
    // Ordered: these properties become template JSON. ServiceToken first, as CustomResource has it.
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ServiceToken", provider.getServiceToken());
    properties.put("Name", spec.name());
    properties.put("ProviderType", spec.providerType().getApiName());
    properties.put("ProviderEndpoint", spec.providerEndpoint());
    if (spec.network().inVpc()) {
      properties.put("VpcConfiguration", spec.network().toTemplate());
    }
    properties.put("Tags", tags.getRenderedTags());
    this.resource =
        CfnResource.Builder.create(host, id)
            .type(Host.RESOURCE_TYPE)
            .properties(properties)
            .build();
    // Made before the host and deleted after it, in whichever phase the host leaves the stack.
    List<CfnRolePolicy> own =
        provider.allowHost(host, spec.name(), () -> hostPath.apply(provider.stackChecks()));
    if (spec.network().inVpc()) {
      List<IDependable> policies = new ArrayList<>(own);
      policies.add(provider.vpcPolicy());
      resource.getNode().addDependency(policies.toArray(IDependable[]::new));
    } else {
      // The same DependsOn in one round trip per policy: node.addDependency would cost two more
      // (the resource's node, and the Java runtime's first look at it).
      own.forEach(resource::addResourceDependency);
    }
  }

  @Override
  public CfnResource resource() {
    return resource;
  }

  @Override
  public TagManager tags() {
    return tags;
  }

  /** The provider's: it is made (or found) for the stack anyway, so no look-up of its own. */
  @Override
  public StackChecks stackChecks() {
    return provider.stackChecks();
  }

  /** A {@code Ref}: the handler makes the host ARN the physical id. */
  @Override
  public String hostArn() {
    return resource.getRef();
  }

  @Override
  public String status() {
    return Token.asString(resource.getAtt("Status"));
  }
}
