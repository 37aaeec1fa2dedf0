package io.github.codestarconnections;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.services.codeconnections.CfnHost;
import software.amazon.awscdk.services.codeconnections.CfnHostProps;

/**
 * {@link HostBackend#NATIVE}: CloudFormation's own {@code AWS::CodeConnections::Host}. Nothing
 * else: no provider, no function, no role.
 */
final class NativeHost implements HostResource {
  private final CfnHost resource;
  private final StackChecks stackChecks;

  /**
   * Renders the L1.
   *
   * @param host the host, the resource's parent
   * @param id the resource's id ({@link PrimaryChildId#host})
   * @param spec the checked host
   * @param stack the host's stack
   * @param owner the host, for messages
   */
  NativeHost(Host host, String id, HostSpec spec, Stack stack, Owner owner) {
    this.stackChecks = StackChecks.of(stack, owner);
    this.resource =
        new CfnHost(
            host,
            id,
            CfnHostProps.builder()
                .name(spec.name())
                .providerType(spec.providerType().getApiName())
                .providerEndpoint(spec.providerEndpoint())
                .vpcConfiguration(spec.network().inVpc() ? spec.network().toCfn() : null)
                .tags(InitialTags.of(spec.tags()))
                .build());
  }

  @Override
  public CfnResource resource() {
    return resource;
  }

  @Override
  public TagManager tags() {
    return resource.getCdkTagManager();
  }

  @Override
  public StackChecks stackChecks() {
    return stackChecks;
  }

  /** {@code Fn::GetAtt HostArn}: the schema's read-only property, whatever {@code Ref} gives. */
  @Override
  public String hostArn() {
    return resource.getAttrHostArn();
  }

  @Override
  public String status() {
    return resource.getAttrStatus();
  }
}
