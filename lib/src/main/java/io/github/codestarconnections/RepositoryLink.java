package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.codestarconnections.CfnRepositoryLink;
import software.constructs.Construct;

/**
 * A CloudFormation Git sync repository link ({@code AWS::CodeStarConnections::RepositoryLink}): a
 * repository, reached through a connection, that {@link SyncConfiguration}s keep stacks in step
 * with. One link serves every stack synced from the repository.
 *
 * <p>Changing {@code ownerId} or {@code repositoryName} replaces the link (its registry schema's
 * createOnlyProperties): a new id, to which CloudFormation moves the sync configurations on it in
 * the same deployment; the connection and the key change in place.
 *
 * <p>CloudFormation's handler for the type reads and uses the connection when it creates the link
 * (GetConnection, UseConnection and PassConnection in the type's registry schema), so the
 * connection must be {@code AVAILABLE} by then. A new connection is {@code PENDING} until a person
 * finishes its handshake: a link on a connection this app makes (a {@link Connection}, or an L1
 * {@code CfnConnection} of either namespace) needs {@link RepositoryLinkProps#getWaitForAvailable()
 * waitForAvailable(true)}, or must depend on a {@link ReadinessCheck} of it in mode {@link
 * ReadinessMode#WAIT_FOR_AVAILABLE}; else it is refused at synth.
 *
 * <pre>{@code
 * RepositoryLink infra = RepositoryLink.Builder.create(this, "Infrastructure")
 *     .connection(github)
 *     .ownerId("acme")
 *     .repositoryName("infrastructure")
 *     .waitForAvailable(true)   // when github is a Connection made in this app
 *     .build();
 * }</pre>
 */
public class RepositoryLink extends RepositoryLinkBase {
  private final CfnRepositoryLink resource;
  private final IConnection connection;

  /**
   * Defines a repository link.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param props the properties
   * @throws IllegalArgumentException on a property the service would reject
   */
  public RepositoryLink(Construct scope, String id, RepositoryLinkProps props) {
    super(scope, id, ResourceProps.builder().build());
    Owner owner = new Owner("RepositoryLink", this);
    if (props == null || props.getConnection() == null) {
      throw new IllegalArgumentException(
          owner
              + ": connection is required (a Connection, an import, or aws-cdk's"
              + " IConnectionRef such as a CfnConnection)");
    }
    this.connection = props.getConnection();
    GitSyncRules.provider(owner, connection);
    String ownerId = GitSyncRules.ownerId(owner, props.getOwnerId());
    String repositoryName = GitSyncRules.repositoryName(owner, props.getRepositoryName());
    String keyArn =
        props.getEncryptionKey() == null
            ? null
            : GitSyncRules.encryptionKeyArn(owner, props.getEncryptionKey());
    ServiceRules.validate(owner, "tags", props.getTags(), ServiceRules.MAX_TAGS);
    this.resource =
        CfnRepositoryLink.Builder.create(this, PrimaryChildId.DEFAULT)
            .connectionArn(connection.getConnectionArn())
            .ownerId(ownerId)
            .repositoryName(repositoryName)
            .encryptionKeyArn(keyArn)
            .tags(InitialTags.of(props.getTags()))
            .build();
    resource.applyRemovalPolicy(
        props.getRemovalPolicy() == null
            ? GitSyncRules.DEFAULT_REMOVAL_POLICY
            : props.getRemovalPolicy());
    ServiceRules.checkTagsAtSynth(
        JsiiShortcuts.stackOf(scope, this), owner, this, resource.getCdkTagManager(), null);
    if (Boolean.TRUE.equals(props.getWaitForAvailable())) {
      resource
          .getNode()
          .addDependency(HandshakeWait.check(this, HandshakeWait.WAIT_ID, connection, owner));
    } else {
      HandshakeWait.requireWait(
          this,
          owner,
          connection,
          "CloudFormation's handler for the link reads and uses the connection when it creates the"
              + " link (GetConnection, UseConnection and PassConnection, in the registry schema of"
              + " AWS::CodeStarConnections::RepositoryLink)",
          "give the link waitForAvailable(true)");
    }
  }

  /**
   * Imports a repository link made elsewhere by its ARN, in either namespace or as a token. A
   * literal ARN is checked now, and gives the link's id and its account and region; a token's id is
   * split from it at deploy time.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param repositoryLinkArn the ARN
   * @return the link
   * @throws IllegalArgumentException when a literal ARN is not a repository link ARN
   */
  public static IRepositoryLink fromRepositoryLinkArn(
      Construct scope, String id, String repositoryLinkArn) {
    return ImportedRepositoryLink.ofArn(scope, id, repositoryLinkArn);
  }

  /**
   * Imports a repository link made elsewhere by its id. Its ARN is formed in the importing stack's
   * account and region, in the {@code codestar-connections} namespace (that of {@code
   * AWS::CodeStarConnections::RepositoryLink}); import a link made through the codeconnections API
   * by its ARN when you need the ARN.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param repositoryLinkId the id, a UUID
   * @return the link
   * @throws IllegalArgumentException when a literal id is not a UUID
   */
  public static IRepositoryLink fromRepositoryLinkId(
      Construct scope, String id, String repositoryLinkId) {
    return ImportedRepositoryLink.ofId(scope, id, repositoryLinkId);
  }

  /**
   * A repository link known by aws-cdk's reference: an L1 {@code CfnRepositoryLink} (its id is its
   * {@code RepositoryLinkId} attribute), or any other implementer (its id split from its ARN). Its
   * account and region are the reference's. {@link SyncConfiguration} takes the reference itself
   * and does this.
   *
   * @param ref the reference
   * @return the link: the reference itself when it is one of this library's, else an adapter made
   *     once under it
   * @throws IllegalArgumentException when a literal ARN is not a repository link ARN
   */
  public static IRepositoryLink fromRepositoryLinkRef(
      software.amazon.awscdk.interfaces.codestarconnections.IRepositoryLinkRef ref) {
    return CdkReferences.repositoryLink(ref);
  }

  /**
   * The link's ARN.
   *
   * @return a token for {@code Fn::GetAtt RepositoryLinkArn}
   */
  @Override
  public String getRepositoryLinkArn() {
    return resource.getAttrRepositoryLinkArn();
  }

  /**
   * The link's id.
   *
   * @return a token for {@code Fn::GetAtt RepositoryLinkId}
   */
  @Override
  public String getRepositoryLinkId() {
    return resource.getAttrRepositoryLinkId();
  }

  /**
   * The connection the link reads through.
   *
   * @return the connection
   */
  @Override
  public Optional<IConnection> getConnection() {
    return Optional.of(connection);
  }

  /** The link's resource, for the checks of the sync configurations on it. */
  CfnRepositoryLink resource() {
    return resource;
  }

  /** A fluent builder for {@link RepositoryLink}. */
  public static final class Builder extends RepositoryLinkProps.Setters<Builder> {
    private final Construct scope;
    private final String id;

    private Builder(Construct scope, String id) {
      this.scope = scope;
      this.id = id;
    }

    /**
     * Starts a repository link.
     *
     * @param scope the parent construct
     * @param id the construct id
     * @return the builder
     */
    public static Builder create(Construct scope, String id) {
      return new Builder(scope, id);
    }

    /**
     * Builds the repository link.
     *
     * @return the link
     */
    public RepositoryLink build() {
      return new RepositoryLink(scope, id, new RepositoryLinkProps(this));
    }
  }
}
