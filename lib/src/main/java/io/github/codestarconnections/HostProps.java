package io.github.codestarconnections;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;

/** Properties of a {@link Host}. Immutable; make one with {@link #builder()}. */
public final class HostProps {
  private final String hostName;
  private final ProviderType providerType;
  private final String providerEndpoint;
  private final IVpc vpc;
  private final SubnetSelection vpcSubnets;
  private final List<ISecurityGroup> securityGroups;
  private final String tlsCertificate;
  private final Map<String, String> tags;
  private final RemovalPolicy removalPolicy;
  private final ServiceNamespace serviceNamespace;
  private final HostBackend backend;

  HostProps(Setters<?> b) {
    this.hostName = b.hostName;
    this.providerType = b.providerType;
    this.providerEndpoint = b.providerEndpoint;
    this.vpc = b.vpc;
    this.vpcSubnets = b.vpcSubnets;
    this.securityGroups = b.securityGroups == null ? null : List.copyOf(b.securityGroups);
    this.tlsCertificate = b.tlsCertificate;
    this.tags = InitialTags.sortedCopy(b.tags);
    this.removalPolicy = b.removalPolicy;
    this.serviceNamespace = b.serviceNamespace;
    this.backend = b.backend;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The host's name, 1 to 64 characters. Changing it replaces the host.
   *
   * @return the name, or null for the default
   * @default a unique name of at most 64 characters derived from the construct path
   */
  public String getHostName() {
    return hostName;
  }

  /**
   * The self-managed provider: {@link ProviderType#GITHUB_ENTERPRISE_SERVER} or {@link
   * ProviderType#GITLAB_SELF_MANAGED}. Changing it replaces the host.
   *
   * @return the provider type
   * @default none; required
   */
  public ProviderType getProviderType() {
    return providerType;
  }

  /**
   * The provider's address, an absolute {@code https://} (or {@code http://}) URL of 1 to 512
   * characters, e.g. {@code https://github.example.com}. Changed in place. One host per URL: synth
   * refuses a host whose URL another host of the app already has (scheme and host name compared in
   * lower case, without a trailing {@code /}), where both land in the same account and Region.
   *
   * @return the endpoint
   * @default none; required
   */
  public String getProviderEndpoint() {
    return providerEndpoint;
  }

  /**
   * The VPC the provider is reachable in, when it is not reachable from the internet. The service
   * then puts network interfaces and a VPC endpoint in it. Changed in place.
   *
   * @return the VPC, or null
   * @default none: the provider is reached over the internet
   */
  public IVpc getVpc() {
    return vpc;
  }

  /**
   * Which subnets of {@link #getVpc()} the host uses: 1 to 10.
   *
   * @return the selection, or null
   * @default CDK's default selection: the VPC's PRIVATE_WITH_EGRESS subnets, else its
   *     PRIVATE_ISOLATED ones, else its PUBLIC ones, which synth warns of ({@code
   *     codestarconnections-cdk:hostInPublicSubnets})
   */
  public SubnetSelection getVpcSubnets() {
    return vpcSubnets;
  }

  /**
   * Security groups for the host's network interfaces: 1 to 10. They need "inbound and outbound
   * rules that allow the network interface to connect to your GitHub Enterprise Server instance"
   * (Developer Tools console guide, "Create a host", VPC requirements); the instance's own groups
   * must let the host's interfaces in.
   *
   * @return the groups, or null
   * @default with a VPC, one new group (removed or retained with the host) allowing out only TCP to
   *     the provider endpoint's port (443 for https, 80 for http, or the URL's port; 443 when the
   *     URL is a token), to any IPv4 address since the instance may be reached through VPN or
   *     Direct Connect, and in only HTTPS (443) from the VPC's CIDR block, for webhooks to the
   *     host's VPC endpoint. An instance outside the VPC that sends webhooks needs an inbound rule
   *     for its addresses ({@code host.getSecurityGroups().get(0).addIngressRule(...)}); a custom
   *     DNS server an outbound rule. An imported VPC must know its CIDR block.
   */
  public List<ISecurityGroup> getSecurityGroups() {
    return securityGroups;
  }

  /**
   * The PEM certificate of the provider's TLS endpoint when it is signed by a private CA, 1 to
   * 16384 characters. Needs {@link #getVpc()}.
   *
   * @return the certificate, or null
   * @default none: the endpoint's certificate chains to a public CA
   */
  public String getTlsCertificate() {
    return tlsCertificate;
  }

  /**
   * Tags for the host, sorted by key. Tag changes are applied in place. A key may not start with
   * {@code aws:}: refused here, and at synth when added through {@code Tags.of(scope)}.
   *
   * @return the tags, or null
   * @default no tags (tags from {@code Tags.of(scope)} still apply)
   */
  public Map<String, String> getTags() {
    return tags;
  }

  /**
   * What CloudFormation does with the host when it leaves the stack. A host that is replaced (new
   * name or provider type) is always deleted once the new one exists. A change of {@link
   * #getBackend() backend} or {@link #getServiceNamespace() serviceNamespace} moves the host to a
   * new logical id, so the old host leaves the stack and this policy applies to it. The security
   * group made for the host follows it (also when {@code applyRemovalPolicy} is called later). A
   * host that is deleted cannot have a connection of this library that is retained: that is refused
   * at synth, since the service deletes a host only once no connection uses it.
   *
   * <p>The default keeps the host when it leaves the stack or the stack is deleted, but not when
   * the deployment that made it fails: CloudFormation then deletes it, and the group made for it,
   * in the rollback ({@code DeletionPolicy: RetainExceptOnCreate}, DeletionPolicy attribute,
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html),
   * so that the next deploy can make a host with the same URL (the service allows one host per URL
   * in an account and region). {@link RemovalPolicy#RETAIN} keeps it then too, and the retry
   * collides on the URL.
   *
   * @return the policy, or null
   * @default {@link RemovalPolicy#RETAIN_ON_UPDATE_OR_DELETE}: a new host must be set up in the
   *     console again, and every connection on the old one is lost; one that was never deployed is
   *     not worth keeping
   */
  public RemovalPolicy getRemovalPolicy() {
    return removalPolicy;
  }

  /**
   * Which API namespace the host is made in; its ARN carries it. Changing it replaces the host.
   * {@link HostBackend#NATIVE} makes hosts in {@link ServiceNamespace#CODECONNECTIONS} only.
   *
   * @return the namespace, or null
   * @default {@link ServiceNamespace#CODECONNECTIONS} with {@link HostBackend#NATIVE}, else {@link
   *     ServiceNamespace#CODESTAR_CONNECTIONS}
   */
  public ServiceNamespace getServiceNamespace() {
    return serviceNamespace;
  }

  /**
   * What makes the host: this library's custom resource, or CloudFormation's {@code
   * AWS::CodeConnections::Host}. Changing it replaces a deployed host (a new logical id); with one
   * host per URL, keeping the URL takes three deploys (README, "Switching backend or namespace").
   *
   * @return the backend, or null
   * @default {@link HostBackend#CUSTOM_RESOURCE}: a default that moved would replace every deployed
   *     host on a library upgrade, and the custom resource serves both namespaces
   */
  public HostBackend getBackend() {
    return backend;
  }

  /**
   * The setters of {@link HostProps}, written once for {@link Builder} and {@link Host.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private String hostName;
    private ProviderType providerType;
    private String providerEndpoint;
    private IVpc vpc;
    private SubnetSelection vpcSubnets;
    private List<ISecurityGroup> securityGroups;
    private String tlsCertificate;
    private Map<String, String> tags;
    private RemovalPolicy removalPolicy;
    private ServiceNamespace serviceNamespace;
    private HostBackend backend;

    Setters() {}

    /**
     * Sets {@link HostProps#getHostName()}.
     *
     * @param hostName 1 to 64 characters
     * @return this builder
     */
    public B hostName(String hostName) {
      this.hostName = hostName;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getProviderType()}.
     *
     * @param providerType GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED
     * @return this builder
     */
    public B providerType(ProviderType providerType) {
      this.providerType = providerType;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getProviderEndpoint()}.
     *
     * @param providerEndpoint an absolute http(s) URL
     * @return this builder
     */
    public B providerEndpoint(String providerEndpoint) {
      this.providerEndpoint = providerEndpoint;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getVpc()}.
     *
     * @param vpc the VPC
     * @return this builder
     */
    public B vpc(IVpc vpc) {
      this.vpc = vpc;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getVpcSubnets()}.
     *
     * @param vpcSubnets the selection
     * @return this builder
     */
    public B vpcSubnets(SubnetSelection vpcSubnets) {
      this.vpcSubnets = vpcSubnets;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getSecurityGroups()}.
     *
     * @param securityGroups 1 to 10 groups
     * @return this builder
     */
    public B securityGroups(List<? extends ISecurityGroup> securityGroups) {
      this.securityGroups = securityGroups == null ? null : List.copyOf(securityGroups);
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getTlsCertificate()}.
     *
     * @param tlsCertificate a PEM certificate
     * @return this builder
     */
    public B tlsCertificate(String tlsCertificate) {
      this.tlsCertificate = tlsCertificate;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getTags()}.
     *
     * @param tags keys 1 to 128 characters not starting with {@code aws:}, values 0 to 256; at most
     *     47 with those of {@code Tags.of} (50 a resource, less the handler's three marker keys)
     * @return this builder
     */
    public B tags(Map<String, String> tags) {
      this.tags = tags;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getRemovalPolicy()}.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public B removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = removalPolicy;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getServiceNamespace()}.
     *
     * @param serviceNamespace the namespace
     * @return this builder
     */
    public B serviceNamespace(ServiceNamespace serviceNamespace) {
      this.serviceNamespace = serviceNamespace;
      return (B) this;
    }

    /**
     * Sets {@link HostProps#getBackend()}.
     *
     * @param backend the backend
     * @return this builder
     */
    public B backend(HostBackend backend) {
      this.backend = backend;
      return (B) this;
    }
  }

  /** Builds {@link HostProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props.
     *
     * @return an immutable copy of what was set
     */
    public HostProps build() {
      return new HostProps(this);
    }
  }
}
