package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.ResourceProps;
import software.constructs.Construct;

/** A connection made elsewhere, known by its ARN (and perhaps its name). */
final class ImportedConnection extends ConnectionBase {
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
    super(scope, id, ResourceProps.builder().build());
    String arn = attributes.connectionArn();
    if (arn == null) {
      throw new IllegalArgumentException(
          "Connection import at '" + getNode().getPath() + "': connectionArn is null");
    }
    if (JsiiShortcuts.isUnresolved(arn)) {
      this.namespace = knownNamespace;
      this.connectionArn = arn;
    } else {
      ServiceArn parsed =
          ServiceArn.parse(
              "Connection.fromConnectionArn at '" + getNode().getPath() + "'", arn, "connection");
      if (knownNamespace != null && knownNamespace != parsed.namespace()) {
        throw new IllegalArgumentException(
            "Connection import at '"
                + getNode().getPath()
                + "': connectionArn '"
                + arn
                + "' is in namespace "
                + parsed.namespace()
                + ", not the given "
                + knownNamespace);
      }
      this.namespace = parsed.namespace();
      this.connectionArn = arn;
    }
    this.connectionName = attributes.connectionName();
  }

  @Override
  public String getConnectionArn() {
    return connectionArn;
  }

  @Override
  public String getConnectionName() {
    if (connectionName == null) {
      throw new IllegalStateException(
          "Connection at '"
              + getNode().getPath()
              + "' was imported by ARN, which holds only the connection's id, not its name;"
              + " import it with Connection.fromConnectionAttributes to give the name");
    }
    return connectionName;
  }

  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.ofNullable(namespace);
  }
}
