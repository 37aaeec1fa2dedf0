package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.interfaces.ResourceEnvironment;
import software.amazon.awscdk.interfaces.codeconnections.HostReference;
import software.amazon.awscdk.interfaces.codeconnections.IHostRef;
import software.amazon.awscdk.services.codeconnections.CfnHost;
import software.constructs.Construct;

/**
 * A host known by aws-cdk's {@code interfaces.codeconnections.IHostRef}: an L1 {@code CfnHost}, or
 * any other implementer. Made once per reference, as its child ({@link CdkReferences}). The
 * namespace is {@code codeconnections} for an L1 (its resource type's), else a literal ARN's, else
 * unknown; the account and region are the reference's; an L1's literal provider type is known.
 */
final class ReferencedHost extends Resource implements IHost {
  /** The adapter's id under its reference. */
  static final String ID = "AsIHost";

  /** What a referenced host is called in messages. */
  static final String KIND = "Host reference";

  private final String hostArn;
  private final ServiceNamespace namespace;
  private final ProviderType providerType;

  ReferencedHost(Construct scope, String id, IHostRef ref) {
    this(scope, id, ref.getEnv(), ref.getHostRef().getHostArn(), ref);
  }

  private ReferencedHost(
      Construct scope, String id, ResourceEnvironment env, String hostArn, IHostRef ref) {
    super(
        scope,
        id,
        ResourceProps.builder().account(env.getAccount()).region(env.getRegion()).build());
    Owner owner = new Owner(KIND, this);
    if (hostArn == null) {
      throw new IllegalArgumentException(owner + ": the reference's hostArn is null");
    }
    this.hostArn = hostArn;
    ServiceNamespace parsed =
        JsiiShortcuts.isUnresolved(hostArn)
            ? null
            : ServiceArn.parse(owner, hostArn, "host").namespace();
    CfnHost l1 = ref instanceof CfnHost cfn ? cfn : null;
    this.namespace = l1 != null ? ServiceNamespace.CODECONNECTIONS : parsed;
    this.providerType = l1 == null ? null : CdkReferences.providerType(owner, l1.getProviderType());
  }

  @Override
  public String getHostArn() {
    return hostArn;
  }

  @Override
  public HostReference getHostRef() {
    return HostReference.builder().hostArn(hostArn).build();
  }

  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.ofNullable(namespace);
  }

  @Override
  public Optional<ProviderType> getProviderType() {
    return Optional.ofNullable(providerType);
  }
}
