package io.github.codestarconnections;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.ITaggable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A CodeStar Connections host: the AWS-side record of a self-managed GitHub Enterprise Server or
 * GitLab installation, which connections to it go through.
 *
 * <p>Two backends make it ({@link HostProps#getBackend()}): by default a custom resource ({@code
 * Custom::CodeStarConnectionsHost}, properties mirroring {@code AWS::CodeConnections::Host}) whose
 * Java Lambda handler makes, updates and deletes the host, one provider per stack and namespace
 * serving every host in it; or, with {@link HostBackend#NATIVE}, CloudFormation's own {@code
 * AWS::CodeConnections::Host}, with no provider at all ({@code codeconnections} namespace only).
 * Both take the same props and give the same attributes, grants and publication. The custom
 * resource's provider is configured for the whole stack by {@link HostProviderSettings} (how it
 * waits for hosts, SnapStart).
 *
 * <p>Changing {@code hostName} or {@code providerType} replaces the host (a new ARN; the old host
 * is deleted afterwards, and connections on it are replaced with it). Changing {@code backend} or
 * {@code serviceNamespace} moves it to a new logical id: a new host is made, and the old one leaves
 * the stack under its removal policy. Changing {@code providerEndpoint}, the VPC, subnets, security
 * groups or TLS certificate updates the host in place (the service allows it only while the host is
 * {@code PENDING}). Tag changes are applied in place.
 *
 * <p><b>A new host is {@code PENDING}</b> until someone sets it up in the console (Developer Tools,
 * Settings, Hosts, "Set up host"); connections on it stay unusable until then.
 *
 * <pre>{@code
 * Host ghes = Host.Builder.create(this, "Ghes")
 *     .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
 *     .providerEndpoint("https://github.example.com")
 *     .vpc(vpc)
 *     .backend(HostBackend.NATIVE)   // optional: AWS::CodeConnections::Host, no provider
 *     .build();
 * Connection.Builder.create(this, "GhesConnection").host(ghes).build();
 * }</pre>
 */
public class Host extends Resource implements IHost, ITaggable {
  /** The custom resource type in templates ({@link HostBackend#CUSTOM_RESOURCE}). */
  public static final String RESOURCE_TYPE = "Custom::CodeStarConnectionsHost";

  private final Owner owner;
  private final String hostName;
  private final ProviderType providerType;
  private final HostBackend backend;
  private final ServiceNamespace namespace;
  private final List<ISecurityGroup> securityGroups;
  private final HostResource backing;
  private final Stack ownStack;
  private final StackChecks stackChecks;
  private final HostRemoval removal;
  private String hostArn;

  /**
   * Defines a host.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException on a property the service would reject, or a backend and
   *     namespace that do not go together
   */
  public Host(Construct scope, String id, HostProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getHostName()).build());
    this.owner = new Owner("Host", this);
    this.hostName = HostRules.name(owner, this, props.getHostName());
    this.providerType = HostRules.providerType(owner, props.getProviderType());
    HostRules.endpoint(owner, props.getProviderEndpoint());
    HostRules.tags(owner, props.getTags());
    this.backend = props.getBackend() == null ? HostBackend.CUSTOM_RESOURCE : props.getBackend();
    this.namespace = HostRules.namespace(owner, backend, props.getServiceNamespace());
    HostNetwork network = HostNetwork.of(this, owner, props);
    this.securityGroups = network.securityGroups();

    HostSpec spec =
        new HostSpec(hostName, providerType, props.getProviderEndpoint(), network, props.getTags());
    Stack stack = JsiiShortcuts.stackOf(scope, this);
    String childId = PrimaryChildId.host(backend, namespace);
    this.backing =
        backend == HostBackend.NATIVE
            ? new NativeHost(this, childId, spec, stack, owner)
            : new CustomResourceHost(
                this, childId, spec, stack, owner, namespace, c -> c.pathOf(scope, id, this));
    CfnResource resource = backing.resource();
    PrimaryChildId.adopt(this, childId, resource);
    RemovalPolicy policy =
        props.getRemovalPolicy() == null
            ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
            : props.getRemovalPolicy();
    resource.applyRemovalPolicy(policy);
    // A replaced host (new name or type) is useless: CloudFormation deletes it afterwards, whatever
    // removal policy is applied later.
    resource.addOverride("UpdateReplacePolicy", "Delete");
    this.ownStack = stack;
    this.stackChecks = backing.stackChecks();
    stackChecks.add(owner, this, backing.tags(), HostRules.MAX_USER_TAGS);
    if (!JsiiShortcuts.isUnresolved(props.getProviderEndpoint())) {
      stackChecks.hostUrl(owner, this, props.getProviderEndpoint());
    }
    this.removal = new HostRemoval(this, resource, network.ownGroup(), policy, stackChecks);
  }

  /**
   * Imports a host made elsewhere by its ARN, in either namespace or as a token.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param hostArn the ARN
   * @return the host
   * @throws IllegalArgumentException when a literal ARN is not a host ARN
   */
  public static IHost fromHostArn(Construct scope, String id, String hostArn) {
    return new ImportedHost(scope, id, hostArn);
  }

  /**
   * A host known by aws-cdk's reference: an L1 {@code CfnHost} (namespace {@code codeconnections},
   * and its literal provider type), or any other implementer (namespace from a literal ARN, else
   * unknown). Its account and region are the reference's. Every API of this library that takes an
   * {@link IHost} also takes the reference and does this itself.
   *
   * @param ref the reference
   * @return the host: the reference itself when it is one of this library's, else an adapter made
   *     once under it
   * @throws IllegalArgumentException when a literal ARN is not a host ARN
   */
  public static IHost fromHostRef(software.amazon.awscdk.interfaces.codeconnections.IHostRef ref) {
    return CdkReferences.host(ref);
  }

  /**
   * Imports a host whose ARN is published in an SSM String parameter (e.g. by {@link
   * #publishHostArnParameter}). The stack reads the parameter at deploy time. The namespace is
   * unknown at synth, so a {@link Connection} on it may be in either namespace: give it the host's.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param parameterName the parameter's name, e.g. {@code /ci/hosts/ghes}
   * @return the host
   * @throws IllegalArgumentException when a literal parameter name is not a valid SSM name
   */
  public static IHost fromHostArnParameter(Construct scope, String id, String parameterName) {
    return ImportedHost.fromParameter(scope, id, parameterName);
  }

  /**
   * Publishes the host's ARN as a named CloudFormation export, for stacks in other apps to import
   * with {@code Host.fromHostArn(scope, id, Fn.importValue(exportName))}. Stacks of the same app
   * need no export: pass the {@code Host} itself.
   *
   * @param exportName the export's name: 1 to 255 characters of {@code A-Za-z0-9:-}, unique in the
   *     account and region
   * @return the stack output carrying the export
   * @throws IllegalArgumentException when a literal name breaks the rule or is already published by
   *     this host
   */
  public CfnOutput exportHostArn(String exportName) {
    return ArnPublication.export(
        this, owner, exportName, getHostArn(), "ARN of host " + getNode().getPath());
  }

  /**
   * Publishes the host's ARN as an SSM String parameter, for other stacks and apps to import with
   * {@link #fromHostArnParameter}.
   *
   * @param parameterName the parameter's name: 1 to 2048 characters of {@code a-zA-Z0-9_.-/}, not
   *     beginning with {@code aws} or {@code ssm}, e.g. {@code /ci/hosts/ghes}
   * @return the parameter
   * @throws IllegalArgumentException when a literal name breaks the rule or is already published by
   *     this host
   */
  public StringParameter publishHostArnParameter(String parameterName) {
    return ArnPublication.parameter(
        this,
        owner,
        parameterName,
        getHostArn(),
        "ARN of CodeStar Connections host " + getNode().getPath());
  }

  /**
   * Applies a removal policy to the host and to the security group made for it (with that group's
   * rules), so that a retained host keeps the group its network interfaces use. A replaced host is
   * deleted whatever the policy.
   *
   * @param policy the policy
   */
  @Override
  public void applyRemovalPolicy(RemovalPolicy policy) {
    super.applyRemovalPolicy(policy);
    backing.resource().addOverride("UpdateReplacePolicy", "Delete");
    removal.policy(policy);
  }

  /** Registers a connection of this library made on this host (see {@link HostRemoval}). */
  void connectionOn(Connection connection) {
    removal.connection(connection);
  }

  /**
   * The host's ARN: a {@code Ref} to the custom resource (whose physical id is the ARN), or {@code
   * Fn::GetAtt HostArn} of {@code AWS::CodeConnections::Host}.
   *
   * @return a token for the ARN
   */
  @Override
  public String getHostArn() {
    if (hostArn == null) {
      hostArn = backing.hostArn();
    }
    return hostArn;
  }

  /**
   * This host as aws-cdk's reference: its ARN, in whichever namespace it was made.
   *
   * @return the reference
   */
  @Override
  public software.amazon.awscdk.interfaces.codeconnections.HostReference getHostRef() {
    return software.amazon.awscdk.interfaces.codeconnections.HostReference.builder()
        .hostArn(getHostArn())
        .build();
  }

  /**
   * The host's status at the end of the deployment: {@code PENDING} until it is set up in the
   * console, then {@code AVAILABLE}.
   *
   * @return a token for the resource's {@code Status} attribute
   */
  public String getHostStatus() {
    return backing.status();
  }

  /**
   * The checks of the host's stack, for connections on this host.
   *
   * @param stack the connection's stack
   * @return the checks when the host is in {@code stack} (Java objects compared: no jsii call),
   *     else null
   */
  StackChecks stackChecksIn(Stack stack) {
    return ownStack == stack ? stackChecks : null;
  }

  /**
   * The host's name.
   *
   * @return the name (a literal unless a token was given)
   */
  public String getHostName() {
    return hostName;
  }

  /**
   * The provider the host stands for.
   *
   * @return GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED, never empty for an owned host
   */
  @Override
  public Optional<ProviderType> getProviderType() {
    return Optional.of(providerType);
  }

  /**
   * The API namespace the host is made in: its ARN's service, and the namespace a {@link
   * Connection} on it takes by default.
   *
   * @return the namespace, never empty for an owned host
   */
  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.of(namespace);
  }

  /**
   * What makes the host in CloudFormation.
   *
   * @return the backend
   */
  public HostBackend getBackend() {
    return backend;
  }

  /**
   * The security groups of the host's network interfaces (the given ones, or the one made for it).
   * Use them to let the host reach the provider, e.g. {@code
   * providerSecurityGroup.addIngressRule(host.getSecurityGroups().get(0), Port.tcp(443))}, and, on
   * the group made for the host, to let webhooks in from an instance outside the VPC (it lets HTTPS
   * in from the VPC's CIDR block only).
   *
   * @return the groups; empty without a VPC
   */
  public List<ISecurityGroup> getSecurityGroups() {
    return securityGroups;
  }

  /**
   * The host's tags, those that land in the template: the props' tags, then those of {@code
   * Tags.of(scope)}, which win on the same key. With {@link HostBackend#NATIVE} this is the {@code
   * CfnHost}'s own tag manager.
   *
   * @return the tag manager
   */
  @Override
  public TagManager getTags() {
    return backing.tags();
  }

  /** A fluent builder for {@link Host}. */
  public static final class Builder extends HostProps.Setters<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a host.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * Builds the host.
     *
     * @return the host
     */
    public Host build() {
      return new Host(scope, id, new HostProps(this));
    }
  }
}
