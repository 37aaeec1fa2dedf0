package io.github.codestarconnections;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A CodeStar Connections connection ({@code AWS::CodeStarConnections::Connection}, or {@code
 * AWS::CodeConnections::Connection} with {@link ServiceNamespace#CODECONNECTIONS}) to GitHub,
 * GitLab, Bitbucket, Azure DevOps, or through a {@link IHost} to a self-managed GitHub Enterprise
 * Server or GitLab. Unless given a namespace, a connection on a host is made in the host's, and one
 * to Azure DevOps in {@code codeconnections} (see {@link ConnectionProps#getServiceNamespace()}).
 *
 * <p><b>Every new connection is {@code PENDING}.</b> CloudFormation can create it, but only a
 * person can authorize it with the provider: open the address in the stack output {@code
 * ...HandshakeUrl...} (or the CodePipeline console's Settings, Connections), choose "Update pending
 * connection" and finish the provider's sign-in. Until then any pipeline using it fails at its
 * source stage. That is also why the default removal policy keeps it ({@link
 * RemovalPolicy#RETAIN_ON_UPDATE_OR_DELETE}: kept when it leaves the stack, deleted only by the
 * rollback of the deployment that made it).
 *
 * <pre>{@code
 * Connection github = Connection.Builder.create(this, "GitHub")
 *     .providerType(ProviderType.GITHUB)
 *     .build();
 * github.grantUse(pipeline.getRole());
 * }</pre>
 */
public class Connection extends ConnectionBase {
  /** Longest connection name the service takes. */
  static final int MAX_NAME_LENGTH = 32;

  private final Owner owner;
  private final CfnResource resource;
  private final TagManager tagManager;
  private final Supplier<String> connectionArnSource;
  private String connectionArn;
  private final String connectionName;
  private final ServiceNamespace namespace;
  private final ProviderType providerType;

  /**
   * Defines a connection.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException on a property the service would reject
   */
  public Connection(Construct scope, String id, ConnectionProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getConnectionName()).build());
    this.owner = new Owner("Connection", this);
    this.connectionName =
        props.getConnectionName() != null
            ? ServiceRules.checkLength(
                owner, "connectionName", props.getConnectionName(), MAX_NAME_LENGTH)
            : Names.uniqueResourceName(
                this, UniqueResourceNameOptions.builder().maxLength(MAX_NAME_LENGTH).build());
    ConnectionRules.validateProvider(owner, props.getProviderType(), props.getHost());
    this.namespace = ConnectionRules.namespace(owner, props);
    this.providerType =
        props.getHost() == null
            ? props.getProviderType()
            : props.getHost().getProviderType().orElse(props.getProviderType());
    ServiceRules.validate(owner, "tags", props.getTags(), ServiceRules.MAX_TAGS);

    // The template names the provider only without a host: the service takes one or the other.
    String apiProviderType = props.getHost() == null ? props.getProviderType().getApiName() : null;
    String hostArn = props.getHost() == null ? null : props.getHost().getHostArn();
    String childId = PrimaryChildId.connection(namespace);
    if (namespace == ServiceNamespace.CODECONNECTIONS) {
      var cfn =
          new software.amazon.awscdk.services.codeconnections.CfnConnection(
              this,
              childId,
              software.amazon.awscdk.services.codeconnections.CfnConnectionProps.builder()
                  .connectionName(connectionName)
                  .providerType(apiProviderType)
                  .hostArn(hostArn)
                  .tags(InitialTags.of(props.getTags()))
                  .build());
      this.resource = cfn;
      this.tagManager = cfn.getCdkTagManager();
      this.connectionArnSource = cfn::getAttrConnectionArn;
    } else {
      var cfn =
          new software.amazon.awscdk.services.codestarconnections.CfnConnection(
              this,
              childId,
              software.amazon.awscdk.services.codestarconnections.CfnConnectionProps.builder()
                  .connectionName(connectionName)
                  .providerType(apiProviderType)
                  .hostArn(hostArn)
                  .tags(InitialTags.of(props.getTags()))
                  .build());
      this.resource = cfn;
      this.tagManager = cfn.getTags();
      this.connectionArnSource = cfn::getAttrConnectionArn;
    }
    PrimaryChildId.adopt(this, childId, resource);
    resource.applyRemovalPolicy(
        props.getRemovalPolicy() == null
            ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE
            : props.getRemovalPolicy());
    if (props.getHost() instanceof Host owned) {
      // Replaced because its host was replaced, a connection is useless, and a retained one would
      // keep the old host from being deleted: it goes, whatever the removal policy.
      resource.addOverride("UpdateReplacePolicy", "Delete");
      owned.connectionOn(this);
    }
    Stack stack = JsiiShortcuts.stackOf(scope, this);
    StackChecks checks =
        ServiceRules.checkTagsAtSynth(stack, owner, this, tagManager, props.getHost());
    if (!JsiiShortcuts.isUnresolved(connectionName)) {
      checks.connectionName(owner, this, connectionName, props.getConnectionName() == null);
    }
    if (!Boolean.FALSE.equals(props.getHandshakeOutput())) {
      ConsoleAddress.handshakeOutput(
          this, checks.pathOf(scope, id, this), checks, connectionName, owner);
    }
  }

  /**
   * Imports a connection made elsewhere by its ARN, in either namespace ({@code
   * codestar-connections} or {@code codeconnections}) or as a token (e.g. {@code Fn.importValue}).
   * A literal ARN is checked now. The import has no name: use {@link #fromConnectionAttributes}
   * when you need it.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param connectionArn the ARN
   * @return the connection
   * @throws IllegalArgumentException when a literal ARN is not a connection ARN
   */
  public static IConnection fromConnectionArn(Construct scope, String id, String connectionArn) {
    return fromConnectionAttributes(scope, id, new ConnectionAttributes(connectionArn, null));
  }

  /**
   * A connection known by aws-cdk's codestar-connections reference: an L1 {@code
   * codestarconnections.CfnConnection} (namespace {@code codestar-connections}, its name and its
   * literal provider type), or any other implementer (namespace from a literal ARN, else unknown:
   * grants then name both prefixes). Its account and region are the reference's. Every API of this
   * library that takes an {@link IConnection} also takes the reference and does this itself; call
   * it to grant on an L1, e.g. {@code Connection.fromConnectionRef(cfnConnection).grantUse(role)}.
   *
   * @param ref the reference
   * @return the connection: the reference itself when it is one of this library's, else an adapter
   *     made once under it
   * @throws IllegalArgumentException when a literal ARN is not a connection ARN
   */
  public static IConnection fromConnectionRef(
      software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef ref) {
    return CdkReferences.connection(ref);
  }

  /**
   * A connection known by aws-cdk's codeconnections reference: an L1 {@code
   * codeconnections.CfnConnection} (namespace {@code codeconnections}, its name and its literal
   * provider type), or any other implementer (namespace from a literal ARN, else unknown). Its
   * account and region are the reference's.
   *
   * @param ref the reference
   * @return the connection: the one it stands for when it came from {@link
   *     IConnection#toCodeConnectionsRef()}, else an adapter made once under it
   * @throws IllegalArgumentException when a literal ARN is not a connection ARN
   */
  public static IConnection fromConnectionRef(
      software.amazon.awscdk.interfaces.codeconnections.IConnectionRef ref) {
    return CdkReferences.connection(ref);
  }

  /**
   * Imports a connection made elsewhere by its ARN and, if known, its name.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param attributes the ARN (either namespace, or a token) and the name (may be null)
   * @return the connection
   * @throws IllegalArgumentException when a literal ARN is not a connection ARN
   */
  public static IConnection fromConnectionAttributes(
      Construct scope, String id, ConnectionAttributes attributes) {
    return new ImportedConnection(scope, id, attributes);
  }

  @Override
  public String getConnectionArn() {
    // Read when first asked: a jsii round trip that a connection nobody refers to does not pay.
    if (connectionArn == null) {
      connectionArn = connectionArnSource.get();
    }
    return connectionArn;
  }

  @Override
  public String getConnectionName() {
    return connectionName;
  }

  /**
   * The connection's status: {@code PENDING} until the handshake is done, then {@code AVAILABLE}
   * ({@code ERROR} when the provider side broke). Read at deploy time.
   *
   * @return a token for {@code Fn::GetAtt ConnectionStatus}
   */
  public String getConnectionStatus() {
    return attribute("ConnectionStatus");
  }

  /**
   * The AWS account that owns the connection.
   *
   * @return a token for {@code Fn::GetAtt OwnerAccountId}
   */
  public String getOwnerAccountId() {
    return attribute("OwnerAccountId");
  }

  /** An attribute of the CfnConnection, asked of jsii only when it is used. */
  private String attribute(String name) {
    return Token.asString(resource.getAtt(name));
  }

  /**
   * The namespace the connection is made in (its ARN's service and the prefix of the IAM actions
   * that {@link #grantUse} grants).
   *
   * @return the namespace, never empty for an owned connection
   */
  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.of(namespace);
  }

  /**
   * The provider the connection points at: its {@code providerType}, or that of its host.
   *
   * @return the provider; empty for a connection on an imported host
   */
  @Override
  public Optional<ProviderType> getProviderType() {
    return Optional.ofNullable(providerType);
  }

  /**
   * Publishes the connection's ARN as a named CloudFormation export, for stacks in other apps (or
   * deployed on their own) to import with {@code Connection.fromConnectionArn(scope, id,
   * Fn.importValue(exportName))}. Stacks of the same app need no export: pass the {@code
   * Connection} itself and CDK makes the reference. While another stack imports the value,
   * CloudFormation refuses to delete or change the export.
   *
   * @param exportName the export's name: 1 to 255 characters of {@code A-Za-z0-9:-}, unique in the
   *     account and region
   * @return the stack output carrying the export
   * @throws IllegalArgumentException when a literal name breaks the rule or is already published by
   *     this connection
   */
  public CfnOutput exportConnectionArn(String exportName) {
    return ArnPublication.export(
        this, owner, exportName, getConnectionArn(), "ARN of connection " + getNode().getPath());
  }

  /**
   * Publishes the connection's ARN as an SSM String parameter, for other stacks and apps to import
   * with {@link #fromConnectionArnParameter}. Unlike an export, the parameter does not pin the
   * connection: the publishing stack can change it while others use it (they read it at their next
   * deploy).
   *
   * @param parameterName the parameter's name: 1 to 2048 characters of {@code a-zA-Z0-9_.-/}, not
   *     beginning with {@code aws} or {@code ssm}, e.g. {@code /ci/connections/github}
   * @return the parameter
   * @throws IllegalArgumentException when a literal name breaks the rule or is already published by
   *     this connection
   */
  public StringParameter publishConnectionArnParameter(String parameterName) {
    return ArnPublication.parameter(
        this,
        owner,
        parameterName,
        getConnectionArn(),
        "ARN of CodeStar Connections connection " + getNode().getPath());
  }

  /**
   * A connection made elsewhere, found by its name at deploy time: a custom resource on the stack's
   * provider pages ListConnections and takes the one connection of that name, in either namespace
   * (so {@code grantUse} grants both). None or several fail the deployment, naming what was seen.
   * Use {@link #fromConnectionLookup} to narrow it, or to make it run at every deployment.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param connectionName the name, 1 to 32 characters, matched exactly
   * @return the connection; its ARN is the lookup's {@code ConnectionArn} attribute
   * @throws IllegalArgumentException when a literal name is empty or longer than 32 characters
   */
  public static IConnection fromConnectionName(Construct scope, String id, String connectionName) {
    return fromConnectionLookup(
        scope, id, ConnectionLookupProps.builder().connectionName(connectionName).build());
  }

  /**
   * A connection made elsewhere, found by its name at deploy time, narrowed by namespace, provider
   * type or host (see {@link ConnectionLookupProps}).
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the name and the filters
   * @return the connection; its ARN is the lookup's {@code ConnectionArn} attribute
   * @throws IllegalArgumentException on a name or filters that no connection can match
   */
  public static IConnection fromConnectionLookup(
      Construct scope, String id, ConnectionLookupProps props) {
    return new LookedUpConnection(scope, id, props);
  }

  /**
   * Imports a connection whose ARN is published in an SSM String parameter (e.g. by {@link
   * #publishConnectionArnParameter}). The stack reads the parameter at deploy time, through a
   * CloudFormation parameter of type {@code AWS::SSM::Parameter::Value<String>}. The namespace is
   * unknown at synth, so {@code grantUse} grants {@code UseConnection} in both namespaces; use
   * {@link #fromConnectionArnParameter(Construct, String, String, ServiceNamespace)} when you know
   * it.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param parameterName the parameter's name, e.g. {@code /ci/connections/github}
   * @return the connection
   * @throws IllegalArgumentException when a literal parameter name is not a valid SSM name
   */
  public static IConnection fromConnectionArnParameter(
      Construct scope, String id, String parameterName) {
    return fromConnectionArnParameter(scope, id, parameterName, null);
  }

  /**
   * Imports a connection whose ARN is published in an SSM String parameter, in a namespace you know
   * (so {@code grantUse} grants only that namespace's {@code UseConnection}).
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param parameterName the parameter's name, e.g. {@code /ci/connections/github}
   * @param serviceNamespace the namespace of the ARN in the parameter, or null when unknown
   * @return the connection
   * @throws IllegalArgumentException when a literal parameter name is not a valid SSM name
   */
  public static IConnection fromConnectionArnParameter(
      Construct scope, String id, String parameterName, ServiceNamespace serviceNamespace) {
    ArnPublication.validateParameterName(
        Owner.child(ImportedConnection.KIND, scope, id), parameterName);
    return new ImportedConnection(
        scope,
        id,
        new ConnectionAttributes(
            StringParameter.valueForStringParameter(scope, parameterName), null),
        serviceNamespace);
  }

  /** A fluent builder for {@link Connection}. */
  public static final class Builder extends ConnectionProps.Setters<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a connection.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * Builds the connection.
     *
     * @return the connection
     */
    public Connection build() {
      return new Connection(scope, id, new ConnectionProps(this));
    }
  }
}
