package io.github.codestarconnections;

import java.util.function.Supplier;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.IEnvironmentAware;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * aws-cdk's resource reference interfaces ({@code software.amazon.awscdk.interfaces.*}) as this
 * library's types, and back: the one place that adapts them. A reference that is already one of
 * ours is itself; any other (an L1 such as {@code CfnConnection} or {@code CfnHost}, or another
 * library's construct) gets an adapter made once, as its child, so that every API handing it on
 * sees the same object.
 *
 * <p>Why {@link IConnection} extends {@code interfaces.codestarconnections.IConnectionRef} and
 * reaches the codeconnections one only through {@link IConnection#toCodeConnectionsRef()}: the two
 * interfaces declare the same {@code getConnectionRef()} with different return types, so no Java
 * class implements both. The codestar-connections one is the type of this library's default
 * namespace and of {@code AWS::CodeStarConnections::Connection}, and the family Git sync's
 * references belong to; either reference carries the connection's own ARN, whatever its namespace.
 */
final class CdkReferences {
  private CdkReferences() {}

  /**
   * A codestar-connections reference as a connection.
   *
   * @param ref the reference, or null
   * @return the connection (the reference itself when it is one), or null
   */
  static IConnection connection(
      software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef ref) {
    if (ref == null || ref instanceof IConnection) {
      return (IConnection) ref;
    }
    boolean l1 = ref instanceof software.amazon.awscdk.services.codestarconnections.CfnConnection;
    return referenced(
        ref,
        () -> ref.getConnectionRef().getConnectionArn(),
        l1 ? ServiceNamespace.CODESTAR_CONNECTIONS : null);
  }

  /**
   * A codeconnections reference as a connection.
   *
   * @param ref the reference, or null
   * @return the connection (the one it was made from, for {@link
   *     IConnection#toCodeConnectionsRef}), or null
   */
  static IConnection connection(
      software.amazon.awscdk.interfaces.codeconnections.IConnectionRef ref) {
    if (ref == null) {
      return null;
    }
    if (ref instanceof CodeConnectionsView view) {
      return view.connection();
    }
    boolean l1 = ref instanceof software.amazon.awscdk.services.codeconnections.CfnConnection;
    return referenced(
        ref,
        () -> ref.getConnectionRef().getConnectionArn(),
        l1 ? ServiceNamespace.CODECONNECTIONS : null);
  }

  /**
   * The connection adapter of a reference of either namespace, made once under it.
   *
   * @param ref the reference
   * @param connectionArn reads its ARN
   * @param l1Namespace the namespace of an L1's resource type, or null for another implementer
   * @return the adapter
   */
  private static <R extends IConstruct & IEnvironmentAware> IConnection referenced(
      R ref, Supplier<String> connectionArn, ServiceNamespace l1Namespace) {
    return adapter(
        ref,
        ReferencedConnection.ID,
        ReferencedConnection.class,
        (scope, id) -> ReferencedConnection.of(scope, id, ref, connectionArn, l1Namespace));
  }

  /**
   * A codeconnections host reference as a host.
   *
   * @param ref the reference, or null
   * @return the host (the reference itself when it is one), or null
   */
  static IHost host(software.amazon.awscdk.interfaces.codeconnections.IHostRef ref) {
    if (ref == null || ref instanceof IHost) {
      return (IHost) ref;
    }
    return adapter(
        ref,
        ReferencedHost.ID,
        ReferencedHost.class,
        (scope, id) -> new ReferencedHost(scope, id, ref));
  }

  /**
   * A repository link reference as a repository link.
   *
   * @param ref the reference, or null
   * @return the link (the reference itself when it is one), or null
   */
  static IRepositoryLink repositoryLink(
      software.amazon.awscdk.interfaces.codestarconnections.IRepositoryLinkRef ref) {
    if (ref == null || ref instanceof IRepositoryLink) {
      return (IRepositoryLink) ref;
    }
    return adapter(
        ref,
        ImportedRepositoryLink.REFERENCE_ID,
        ImportedRepositoryLink.class,
        (scope, id) -> ImportedRepositoryLink.ofReference(scope, id, ref));
  }

  /**
   * A connection as aws-cdk's codeconnections reference, made once per connection.
   *
   * @param connection the connection
   * @return the reference
   */
  static software.amazon.awscdk.interfaces.codeconnections.IConnectionRef codeConnectionsView(
      IConnection connection) {
    return adapter(
        connection,
        CodeConnectionsView.ID,
        CodeConnectionsView.class,
        (scope, id) -> new CodeConnectionsView(scope, id, connection));
  }

  /**
   * An L1's provider type, when it is a literal.
   *
   * @param owner the adapter, for messages
   * @param apiName the L1's {@code providerType}, e.g. {@code "GitHub"}
   * @return the provider type; null for a token or none
   * @throws IllegalArgumentException when the literal names no provider type
   */
  static ProviderType providerType(Owner owner, String apiName) {
    if (apiName == null || JsiiShortcuts.isUnresolved(apiName)) {
      return null;
    }
    try {
      return ProviderType.fromApiName(apiName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
    }
  }

  /** Makes an adapter of one kind under a construct. */
  @FunctionalInterface
  interface AdapterFactory<T> {
    T make(Construct scope, String id);
  }

  /**
   * The adapter of a kind for a construct: found at its fixed id, or made there. The adapter is the
   * construct's child; a construct that is not a {@link Construct} of this JVM (a jsii proxy of an
   * interface) cannot be a scope, so its adapter goes under its stack, at an id naming its address.
   */
  private static <T extends IConstruct> T adapter(
      IConstruct of, String id, Class<T> type, AdapterFactory<T> factory) {
    Construct scope = of instanceof Construct c ? c : Stack.of(of);
    String childId = scope == of ? id : id + of.getNode().getAddr();
    IConstruct found = scope.getNode().tryFindChild(childId);
    if (found == null) {
      return factory.make(scope, childId);
    }
    if (type.isInstance(found)) {
      return type.cast(found);
    }
    throw new IllegalArgumentException(
        "Reference at '"
            + of.getNode().getPath()
            + "': has a child with id '"
            + childId
            + "', which this library keeps for its "
            + type.getSimpleName()
            + " adapter; rename that child");
  }
}
