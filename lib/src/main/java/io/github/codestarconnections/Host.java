package io.github.codestarconnections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.ITaggable;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.TagManagerOptions;
import software.amazon.awscdk.TagType;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SelectedSubnets;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A CodeStar Connections host: the AWS-side record of a self-managed GitHub Enterprise Server or
 * GitLab installation, which connections to it go through.
 *
 * <p>CloudFormation has no {@code AWS::CodeStarConnections::Host}, so this construct is a custom
 * resource ({@code Custom::CodeStarConnectionsHost}) whose properties mirror {@code
 * AWS::CodeConnections::Host}. A Java Lambda handler makes, updates and deletes the host; one
 * provider per stack serves every host in it, configured for the whole stack by {@link
 * HostProviderSettings} (how it waits for hosts, SnapStart).
 *
 * <p>Changing {@code hostName}, {@code providerType} or {@code serviceNamespace} replaces the host
 * (a new ARN; the old host is deleted afterwards, and connections on it are replaced with it).
 * Changing {@code providerEndpoint}, the VPC, subnets, security groups or TLS certificate updates
 * the host in place. Tag changes are applied in place.
 *
 * <p><b>A new host is {@code PENDING}</b> until someone sets it up in the console (Developer Tools,
 * Settings, Hosts, "Set up host"); connections on it stay unusable until then.
 *
 * <pre>{@code
 * Host ghes = Host.Builder.create(this, "Ghes")
 *     .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
 *     .providerEndpoint("https://github.example.com")
 *     .vpc(vpc)
 *     .build();
 * Connection.Builder.create(this, "GhesConnection").host(ghes).build();
 * }</pre>
 */
public class Host extends Resource implements IHost, ITaggable {
  /** The custom resource type in templates. */
  public static final String RESOURCE_TYPE = "Custom::CodeStarConnectionsHost";

  static final int MAX_NAME_LENGTH = 64;
  static final int MAX_ENDPOINT_LENGTH = 512;
  static final int MAX_CERTIFICATE_LENGTH = 16384;
  static final int MAX_NETWORK_ITEMS = 10;

  /** The tag the handler puts on every host it makes (see the lambda module's MarkerTag). */
  static final String MARKER_TAG = "codestarconnections-cdk:request";

  private final String hostName;
  private final ProviderType providerType;
  private final ServiceNamespace namespace;
  private final List<ISecurityGroup> securityGroups;
  private final TagManager tags;
  private final CfnResource resource;
  private final Stack ownStack;
  private final ServiceRules.TagCountCheck tagCountCheck;
  private String hostArn;

  /**
   * Defines a host.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException on a property the service would reject
   */
  public Host(Construct scope, String id, HostProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getHostName()).build());
    Owner owner = new Owner("Host", this);
    this.hostName =
        props.getHostName() != null
            ? ServiceRules.checkLength(owner, "hostName", props.getHostName(), MAX_NAME_LENGTH)
            : Names.uniqueResourceName(
                this, UniqueResourceNameOptions.builder().maxLength(MAX_NAME_LENGTH).build());
    this.providerType = validateProviderType(owner, props.getProviderType());
    validateEndpoint(owner, props.getProviderEndpoint());
    ServiceRules.validate(owner, "tags", props.getTags());
    if (props.getTags() != null && props.getTags().containsKey(MARKER_TAG)) {
      throw new IllegalArgumentException(
          owner
              + ": tags key '"
              + MARKER_TAG
              + "' is reserved: the host handler keeps the CloudFormation request id in it, to"
              + " find a host it made after a lost answer");
    }
    this.namespace =
        props.getServiceNamespace() == null
            ? ServiceNamespace.CODESTAR_CONNECTIONS
            : props.getServiceNamespace();

    Map<String, Object> vpcConfiguration = null;
    if (props.getVpc() == null) {
      rejectWithoutVpc(owner, "vpcSubnets", props.getVpcSubnets());
      rejectWithoutVpc(owner, "securityGroups", props.getSecurityGroups());
      rejectWithoutVpc(owner, "tlsCertificate", props.getTlsCertificate());
      this.securityGroups = List.of();
    } else {
      this.securityGroups = securityGroups(owner, props);
      vpcConfiguration = vpcConfiguration(owner, props);
    }

    // The props' tags are the initial tags, as an L1's tags property is: Tags.of(scope) reaches
    // the host too, and wins on the same key.
    this.tags =
        new TagManager(
            TagType.KEY_VALUE,
            RESOURCE_TYPE,
            props.getTags() == null ? null : new LinkedHashMap<>(props.getTags()),
            TagManagerOptions.builder().tagPropertyName("Tags").build());

    Stack stack = JsiiShortcuts.stackOf(scope, this);
    HostProvider provider = HostProvider.of(stack, owner, namespace);
    if (vpcConfiguration != null) {
      provider.enableVpc();
    }

    // Ordered: these properties become template JSON. ServiceToken first, as CustomResource has it.
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ServiceToken", provider.getServiceToken());
    properties.put("Name", hostName);
    properties.put("ProviderType", providerType.getApiName());
    properties.put("ProviderEndpoint", props.getProviderEndpoint());
    if (vpcConfiguration != null) {
      properties.put("VpcConfiguration", vpcConfiguration);
    }
    properties.put("Tags", tags.getRenderedTags());

    // The custom resource itself, the host's default child (so Host.applyRemovalPolicy works).
    this.resource =
        CfnResource.Builder.create(this, "Resource")
            .type(RESOURCE_TYPE)
            .properties(properties)
            .build();
    resource.applyRemovalPolicy(
        props.getRemovalPolicy() == null ? RemovalPolicy.RETAIN : props.getRemovalPolicy());
    // A replaced host (new name or type) is useless: CloudFormation deletes it afterwards, whatever
    // removal policy is applied later.
    resource.addOverride("UpdateReplacePolicy", "Delete");

    this.ownStack = stack;
    this.tagCountCheck = provider.tagCountCheck();
    tagCountCheck.add(owner, tags);
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
    ArnPublication.validateParameterName(
        "Host.fromHostArnParameter at '" + scope.getNode().getPath() + "/" + id + "'",
        parameterName);
    return new ImportedHost(
        scope, id, StringParameter.valueForStringParameter(scope, parameterName));
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
        this,
        "Host at '" + getNode().getPath() + "'",
        exportName,
        getHostArn(),
        "ARN of host " + getNode().getPath());
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
        "Host at '" + getNode().getPath() + "'",
        parameterName,
        getHostArn(),
        "ARN of CodeStar Connections host " + getNode().getPath());
  }

  /**
   * The host's ARN: a {@code Ref} to the custom resource, whose physical id is the ARN.
   *
   * @return a token for the ARN
   */
  @Override
  public String getHostArn() {
    if (hostArn == null) {
      hostArn = resource.getRef();
    }
    return hostArn;
  }

  /**
   * The host's status at the end of the deployment: {@code PENDING} until it is set up in the
   * console, then {@code AVAILABLE}.
   *
   * @return a token for the custom resource's {@code Status} attribute
   */
  public String getHostStatus() {
    return Token.asString(resource.getAtt("Status"));
  }

  /**
   * The tag count check of the host's stack, for connections on this host.
   *
   * @param stack the connection's stack
   * @return the check when the host is in {@code stack} (Java objects compared: no jsii call), else
   *     null
   */
  ServiceRules.TagCountCheck tagCountCheckIn(Stack stack) {
    return ownStack == stack ? tagCountCheck : null;
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
   * @return GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED
   */
  public ProviderType getProviderType() {
    return providerType;
  }

  /**
   * The API namespace the host is made in.
   *
   * @return the namespace
   */
  public ServiceNamespace getServiceNamespace() {
    return namespace;
  }

  /**
   * The security groups of the host's network interfaces (the given ones, or the one made for it).
   * Use them to let the host reach the provider, e.g. {@code
   * providerSecurityGroup.addIngressRule(Peer.securityGroupId(...), Port.tcp(443))}.
   *
   * @return the groups; empty without a VPC
   */
  public List<ISecurityGroup> getSecurityGroups() {
    return securityGroups;
  }

  /**
   * The host's tags; {@code Tags.of(scope)} reaches them.
   *
   * @return the tag manager
   */
  @Override
  public TagManager getTags() {
    return tags;
  }

  private static ProviderType validateProviderType(Owner owner, ProviderType type) {
    if (type == null || !type.needsHost()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " cannot have a host; a host stands for a self-managed installation:"
              + " GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED");
    }
    return type;
  }

  private static void validateEndpoint(Owner owner, String endpoint) {
    if (endpoint == null) {
      throw new IllegalArgumentException(
          owner + ": providerEndpoint is required, e.g. https://github.example.com");
    }
    if (JsiiShortcuts.isUnresolved(endpoint)) {
      return;
    }
    ServiceRules.checkLength(owner, "providerEndpoint", endpoint, MAX_ENDPOINT_LENGTH);
    String rule =
        "; it must be an absolute http:// or https:// URL, e.g. https://github.example.com";
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            owner + ": providerEndpoint '" + endpoint + "' is not an http(s) URL" + rule);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          owner
              + ": providerEndpoint '"
              + endpoint
              + "' is not a URL ("
              + e.getReason()
              + ")"
              + rule,
          e);
    }
  }

  private static void rejectWithoutVpc(Owner owner, String property, Object value) {
    if (value != null) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " is set but vpc is not; "
              + property
              + " belongs to the host's VPC configuration, so give vpc too");
    }
  }

  private List<ISecurityGroup> securityGroups(Owner owner, HostProps props) {
    List<ISecurityGroup> given = props.getSecurityGroups();
    if (given == null) {
      SecurityGroup group =
          SecurityGroup.Builder.create(this, "SecurityGroup")
              .vpc(props.getVpc())
              .description("CodeStar Connections host " + getNode().getPath() + ": HTTPS out")
              .allowAllOutbound(false)
              .build();
      group.addEgressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS to the provider");
      return List.of(group);
    }
    checkCount(owner, "securityGroups", given.size());
    return given;
  }

  private Map<String, Object> vpcConfiguration(Owner owner, HostProps props) {
    IVpc vpc = props.getVpc();
    SelectedSubnets subnets = vpc.selectSubnets(props.getVpcSubnets());
    checkCount(owner, "vpcSubnets (selected subnets)", subnets.getSubnetIds().size());
    String certificate = props.getTlsCertificate();
    if (certificate != null && !JsiiShortcuts.isUnresolved(certificate)) {
      if (certificate.isEmpty() || certificate.length() > MAX_CERTIFICATE_LENGTH) {
        throw new IllegalArgumentException(
            owner
                + ": tlsCertificate is "
                + certificate.length()
                + " characters; the service allows 1 to "
                + MAX_CERTIFICATE_LENGTH);
      }
      if (!certificate.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
        throw new IllegalArgumentException(
            owner
                + ": tlsCertificate '"
                + certificate.substring(0, Math.min(certificate.length(), 40))
                + "...' is not a PEM certificate; it must start with -----BEGIN CERTIFICATE-----");
      }
    }
    List<String> groupIds = new ArrayList<>();
    for (ISecurityGroup group : securityGroups) {
      groupIds.add(group.getSecurityGroupId());
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("VpcId", vpc.getVpcId());
    config.put("SubnetIds", subnets.getSubnetIds());
    config.put("SecurityGroupIds", groupIds);
    if (certificate != null) {
      config.put("TlsCertificate", certificate);
    }
    return config;
  }

  private static void checkCount(Owner owner, String property, int count) {
    if (count < 1 || count > MAX_NETWORK_ITEMS) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " has "
              + count
              + "; the service allows 1 to "
              + MAX_NETWORK_ITEMS);
    }
  }

  /** A fluent builder for {@link Host}. */
  public static final class Builder {
    private final Construct scope;
    private final String id;
    private final HostProps.Builder props = HostProps.builder();

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
     * See {@link HostProps#getHostName()}.
     *
     * @param hostName 1 to 64 characters
     * @return this builder
     */
    public Builder hostName(String hostName) {
      props.hostName(hostName);
      return this;
    }

    /**
     * See {@link HostProps#getProviderType()}.
     *
     * @param providerType GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED
     * @return this builder
     */
    public Builder providerType(ProviderType providerType) {
      props.providerType(providerType);
      return this;
    }

    /**
     * See {@link HostProps#getProviderEndpoint()}.
     *
     * @param providerEndpoint an absolute http(s) URL
     * @return this builder
     */
    public Builder providerEndpoint(String providerEndpoint) {
      props.providerEndpoint(providerEndpoint);
      return this;
    }

    /**
     * See {@link HostProps#getVpc()}.
     *
     * @param vpc the VPC
     * @return this builder
     */
    public Builder vpc(IVpc vpc) {
      props.vpc(vpc);
      return this;
    }

    /**
     * See {@link HostProps#getVpcSubnets()}.
     *
     * @param vpcSubnets the selection
     * @return this builder
     */
    public Builder vpcSubnets(software.amazon.awscdk.services.ec2.SubnetSelection vpcSubnets) {
      props.vpcSubnets(vpcSubnets);
      return this;
    }

    /**
     * See {@link HostProps#getSecurityGroups()}.
     *
     * @param securityGroups 1 to 10 groups
     * @return this builder
     */
    public Builder securityGroups(List<? extends ISecurityGroup> securityGroups) {
      props.securityGroups(securityGroups);
      return this;
    }

    /**
     * See {@link HostProps#getTlsCertificate()}.
     *
     * @param tlsCertificate a PEM certificate
     * @return this builder
     */
    public Builder tlsCertificate(String tlsCertificate) {
      props.tlsCertificate(tlsCertificate);
      return this;
    }

    /**
     * See {@link HostProps#getTags()}.
     *
     * @param tags the tags
     * @return this builder
     */
    public Builder tags(Map<String, String> tags) {
      props.tags(tags);
      return this;
    }

    /**
     * See {@link HostProps#getRemovalPolicy()}.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public Builder removalPolicy(RemovalPolicy removalPolicy) {
      props.removalPolicy(removalPolicy);
      return this;
    }

    /**
     * See {@link HostProps#getServiceNamespace()}.
     *
     * @param serviceNamespace the namespace
     * @return this builder
     */
    public Builder serviceNamespace(ServiceNamespace serviceNamespace) {
      props.serviceNamespace(serviceNamespace);
      return this;
    }

    /**
     * Builds the host.
     *
     * @return the host
     */
    public Host build() {
      return new Host(scope, id, props.build());
    }
  }
}
