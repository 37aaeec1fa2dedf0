package io.github.codestarconnections;

import java.util.Optional;
import software.constructs.Construct;

/**
 * A connection made elsewhere, known by its ARN (and perhaps its name). A literal ARN gives the
 * namespace, and the account and region the import reports; a token gives neither.
 */
final class ImportedConnection extends ConnectionBase {
  /** What an import is called in messages. */
  static final String KIND = "Connection import";

  private final String connectionArn;
  private final String connectionName;
  private final ServiceNamespace namespace;

  ImportedConnection(Construct scope, String id, ConnectionAttributes attributes) {
    this(scope, id, attributes, null);
  }

  /**
   * An import whose namespace the caller may know even when the ARN is a token.
   *
   * @param knownNamespace the namespace of a token ARN, or null when unknown
   */
  ImportedConnection(
      Construct scope,
      String id,
      ConnectionAttributes attributes,
      ServiceNamespace knownNamespace) {
    this(scope, id, attributes, knownNamespace, parse(scope, id, attributes, knownNamespace));
  }

  private ImportedConnection(
      Construct scope,
      String id,
      ConnectionAttributes attributes,
      ServiceNamespace knownNamespace,
      ServiceArn parsed) {
    super(scope, id, ServiceArn.importProps(parsed, attributes.connectionArn()));
    this.connectionArn = attributes.connectionArn();
    this.namespace = parsed == null ? knownNamespace : parsed.namespace();
    this.connectionName = attributes.connectionName();
  }

  /** The literal ARN, parsed and checked against the known namespace; null for a token. */
  private static ServiceArn parse(
      Construct scope, String id, ConnectionAttributes attributes, ServiceNamespace known) {
    String arn = attributes.connectionArn();
    if (JsiiShortcuts.isUnresolved(arn)) {
      return null;
    }
    Owner who = Owner.child(KIND, scope, id);
    if (arn == null) {
      throw new IllegalArgumentException(who + ": connectionArn is null");
    }
    ServiceArn parsed = ServiceArn.parse(who, arn, "connection");
    if (known != null && known != parsed.namespace()) {
      throw new IllegalArgumentException(
          who
              + ": connectionArn '"
              + arn
              + "' is in namespace "
              + parsed.namespace()
              + ", not the given "
              + known);
    }
    return parsed;
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
              + ": was imported by ARN, which holds only the connection's id, not its name;"
              + " import it with Connection.fromConnectionAttributes to give the name");
    }
    return connectionName;
  }

  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.ofNullable(namespace);
  }
}
