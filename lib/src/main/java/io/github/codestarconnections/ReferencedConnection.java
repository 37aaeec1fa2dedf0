package io.github.codestarconnections;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.interfaces.IEnvironmentAware;
import software.amazon.awscdk.interfaces.ResourceEnvironment;
import software.constructs.Construct;

/**
 * A connection known by one of aws-cdk's references ({@code interfaces.codestarconnections.
 * IConnectionRef} or {@code interfaces.codeconnections.IConnectionRef}): an L1 {@code
 * CfnConnection} of either namespace, or any other implementer. Made once per reference, as its
 * child ({@link CdkReferences}), so that grants and checks work on it as on the library's own.
 *
 * <p>What it knows comes from the reference: the ARN; the namespace from an L1's type (its ARN is a
 * token, but its resource type fixes the service), else from a literal ARN, else unknown (grants
 * then name both prefixes, as for a token import); the account and region from the reference's
 * {@code env}; an L1's name and, when literal, its provider type.
 */
final class ReferencedConnection extends ConnectionBase {
  /** The adapter's id under its reference. */
  static final String ID = "AsIConnection";

  /** What a referenced connection is called in messages. */
  static final String KIND = "Connection reference";

  private final String connectionArn;
  private final ServiceNamespace namespace;
  private final String connectionName;
  private final ProviderType providerType;
  private final boolean madeInApp;

  /** What an L1 tells beyond its ARN; all null for another implementer. */
  private record L1Facts(String name, String providerType, boolean l1) {}

  private ReferencedConnection(
      Construct scope,
      String id,
      ResourceEnvironment env,
      String connectionArn,
      ServiceNamespace l1Namespace,
      L1Facts facts) {
    super(
        scope,
        id,
        ResourceProps.builder().account(env.getAccount()).region(env.getRegion()).build());
    Owner owner = new Owner(KIND, this);
    if (connectionArn == null) {
      throw new IllegalArgumentException(owner + ": the reference's connectionArn is null");
    }
    this.connectionArn = connectionArn;
    ServiceNamespace parsed =
        JsiiShortcuts.isUnresolved(connectionArn)
            ? null
            : ServiceArn.parse(owner, connectionArn, "connection").namespace();
    this.namespace = l1Namespace != null ? l1Namespace : parsed;
    this.connectionName = facts.name();
    this.providerType = CdkReferences.providerType(owner, facts.providerType());
    this.madeInApp = facts.l1();
  }

  /**
   * Adapts a reference.
   *
   * @param scope where the adapter goes (the reference, when it is a construct of this JVM)
   * @param id its id
   * @param ref the reference
   * @param connectionArn reads the reference's ARN
   * @param l1Namespace the namespace of an L1's resource type, or null for another implementer
   * @return the adapter
   */
  static ReferencedConnection of(
      Construct scope,
      String id,
      IEnvironmentAware ref,
      Supplier<String> connectionArn,
      ServiceNamespace l1Namespace) {
    L1Facts facts;
    if (ref instanceof software.amazon.awscdk.services.codestarconnections.CfnConnection l1) {
      facts = new L1Facts(l1.getConnectionName(), l1.getProviderType(), true);
    } else if (ref instanceof software.amazon.awscdk.services.codeconnections.CfnConnection l1) {
      facts = new L1Facts(l1.getConnectionName(), l1.getProviderType(), true);
    } else {
      facts = new L1Facts(null, null, false);
    }
    return new ReferencedConnection(
        scope, id, ref.getEnv(), connectionArn.get(), l1Namespace, facts);
  }

  /** Whether the reference is an L1 of this app, which makes the connection. */
  boolean madeInApp() {
    return madeInApp;
  }

  @Override
  public String getConnectionArn() {
    return connectionArn;
  }

  @Override
  public String getConnectionName() {
    if (connectionName == null) {
      throw new IllegalStateException(
          new Owner(KIND, this)
              + ": the reference carries only the connection's ARN, not its name; import it with"
              + " Connection.fromConnectionAttributes to give the name");
    }
    return connectionName;
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
