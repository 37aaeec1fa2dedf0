package io.github.codestarconnections;

import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.interfaces.kms.IKeyRef;

/** Properties of a {@link RepositoryLink}. Immutable; make one with {@link #builder()}. */
public final class RepositoryLinkProps {
  private final IConnection connection;
  private final String ownerId;
  private final String repositoryName;
  private final IKeyRef encryptionKey;
  private final Map<String, String> tags;
  private final RemovalPolicy removalPolicy;
  private final Boolean waitForAvailable;

  RepositoryLinkProps(Setters<?> b) {
    this.connection = b.connection;
    this.ownerId = b.ownerId;
    this.repositoryName = b.repositoryName;
    this.encryptionKey = b.encryptionKey;
    this.tags = InitialTags.sortedCopy(b.tags);
    this.removalPolicy = b.removalPolicy;
    this.waitForAvailable = b.waitForAvailable;
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
   * The connection the link reads the repository through: a {@link Connection}, an import, or
   * aws-cdk's reference of either namespace. Its provider must be one Git sync supports (GitHub,
   * GitHub Enterprise Server, GitLab, GitLab self-managed, Bitbucket), and it must be {@code
   * AVAILABLE} when the link is created: on a connection this app makes, which is {@code PENDING}
   * until a person finishes its handshake, the link is refused at synth unless it waits ({@link
   * #getWaitForAvailable()}, or a {@link ReadinessCheck} of it in mode {@link
   * ReadinessMode#WAIT_FOR_AVAILABLE} that the link depends on).
   *
   * @return the connection
   * @default none; required
   */
  public IConnection getConnection() {
    return connection;
  }

  /**
   * The repository's owner: the user, organization, workspace or group (GitLab: {@code
   * group/subgroup}) in the provider, 1 to 255 characters. Changing it replaces the link.
   *
   * @return the owner
   * @default none; required
   */
  public String getOwnerId() {
    return ownerId;
  }

  /**
   * The repository's name, 1 to 128 characters. Changing it replaces the link.
   *
   * @return the name
   * @default none; required
   */
  public String getRepositoryName() {
    return repositoryName;
  }

  /**
   * The KMS key that encrypts the link's data at AWS (a key, not an alias). AWS documents no key
   * policy or grant for it, and CloudFormation's handler for the type asks for none, so the link
   * grants nothing on the key.
   *
   * @return the key, or null
   * @default an AWS-owned key
   */
  public IKeyRef getEncryptionKey() {
    return encryptionKey;
  }

  /**
   * Tags for the link, sorted by key.
   *
   * @return the tags, or null
   * @default no tags (tags from {@code Tags.of(scope)} still apply)
   */
  public Map<String, String> getTags() {
    return tags;
  }

  /**
   * What CloudFormation does with the link when it leaves the stack or is replaced.
   *
   * @return the policy, or null
   * @default {@link RemovalPolicy#DESTROY}: the link holds nothing that is lost with it, and a
   *     retained link keeps the same repository from being linked again
   */
  public RemovalPolicy getRemovalPolicy() {
    return removalPolicy;
  }

  /**
   * Whether the link waits, while CloudFormation creates it, until the connection is {@code
   * AVAILABLE}: a {@link ReadinessCheck} in {@link ReadinessMode#WAIT_FOR_AVAILABLE} mode under the
   * link (id {@code WaitForHandshake}), which the link depends on. It is what lets a link on a
   * connection made in the same deployment deploy the first time: CloudFormation's handler for the
   * link uses the connection when it creates the link, and a new connection is {@code PENDING}
   * until a person finishes its handshake in the console, which the check gives them its default
   * timeout (10 minutes) to do while the deploy waits. The check runs when it is new; later deploys
   * do not wait. It adds the stack's host provider (a Lambda-backed custom resource) if the stack
   * has none. For another timeout, make the {@link ReadinessCheck} yourself and make the link
   * depend on it.
   *
   * @return the flag, or null
   * @default false; a link on a connection made in this app is then refused at synth, unless it
   *     depends on such a check you made
   */
  public Boolean getWaitForAvailable() {
    return waitForAvailable;
  }

  /**
   * The setters of {@link RepositoryLinkProps}, written once for {@link Builder} and {@link
   * RepositoryLink.Builder}.
   *
   * @param <B> the builder the setters return
   */
  @SuppressWarnings("unchecked")
  public abstract static class Setters<B extends Setters<B>> {
    private IConnection connection;
    private String ownerId;
    private String repositoryName;
    private IKeyRef encryptionKey;
    private Map<String, String> tags;
    private RemovalPolicy removalPolicy;
    private Boolean waitForAvailable;

    Setters() {}

    /**
     * Sets {@link RepositoryLinkProps#getConnection()}.
     *
     * @param connection the connection
     * @return this builder
     */
    public B connection(IConnection connection) {
      this.connection = connection;
      return (B) this;
    }

    /**
     * Sets the connection from aws-cdk's codestar-connections reference (an L1 {@code
     * codestarconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public B connection(
        software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * Sets the connection from aws-cdk's codeconnections reference (an L1 {@code
     * codeconnections.CfnConnection}, or any implementer), as {@link
     * Connection#fromConnectionRef(software.amazon.awscdk.interfaces.codeconnections.IConnectionRef)}
     * reads it.
     *
     * @param connection the reference
     * @return this builder
     */
    public B connection(
        software.amazon.awscdk.interfaces.codeconnections.IConnectionRef connection) {
      return connection(CdkReferences.connection(connection));
    }

    /**
     * Sets {@link RepositoryLinkProps#getOwnerId()}.
     *
     * @param ownerId the repository's owner, e.g. {@code "acme"}
     * @return this builder
     */
    public B ownerId(String ownerId) {
      this.ownerId = ownerId;
      return (B) this;
    }

    /**
     * Sets {@link RepositoryLinkProps#getRepositoryName()}.
     *
     * @param repositoryName the repository's name, e.g. {@code "infrastructure"}
     * @return this builder
     */
    public B repositoryName(String repositoryName) {
      this.repositoryName = repositoryName;
      return (B) this;
    }

    /**
     * Sets {@link RepositoryLinkProps#getEncryptionKey()}.
     *
     * @param encryptionKey a {@code kms.Key}, an import of one, or a {@code CfnKey}
     * @return this builder
     */
    public B encryptionKey(IKeyRef encryptionKey) {
      this.encryptionKey = encryptionKey;
      return (B) this;
    }

    /**
     * Sets {@link RepositoryLinkProps#getTags()}.
     *
     * @param tags keys 1 to 128 characters not starting with {@code aws:}, values 0 to 256; at most
     *     50 with those of {@code Tags.of}
     * @return this builder
     */
    public B tags(Map<String, String> tags) {
      this.tags = tags;
      return (B) this;
    }

    /**
     * Sets {@link RepositoryLinkProps#getRemovalPolicy()}.
     *
     * @param removalPolicy the policy
     * @return this builder
     */
    public B removalPolicy(RemovalPolicy removalPolicy) {
      this.removalPolicy = removalPolicy;
      return (B) this;
    }

    /**
     * Sets {@link RepositoryLinkProps#getWaitForAvailable()}.
     *
     * @param waitForAvailable true to make the link wait for the connection's handshake
     * @return this builder
     */
    public B waitForAvailable(Boolean waitForAvailable) {
      this.waitForAvailable = waitForAvailable;
      return (B) this;
    }
  }

  /** Builds {@link RepositoryLinkProps}. */
  public static final class Builder extends Setters<Builder> {
    private Builder() {}

    /**
     * Builds the props: an immutable copy of what was set.
     *
     * @return the props
     */
    public RepositoryLinkProps build() {
      return new RepositoryLinkProps(this);
    }
  }
}
