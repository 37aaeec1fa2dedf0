package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * A host made elsewhere, known by its ARN. A literal ARN gives the namespace, and the account and
 * region the import reports; a token gives neither.
 */
final class ImportedHost extends Resource implements IHost {
  /** What an import is called in messages. */
  static final String KIND = "Host import";

  private final String hostArn;
  private final ServiceNamespace namespace;

  ImportedHost(Construct scope, String id, String hostArn) {
    this(scope, id, hostArn, parse(scope, id, hostArn));
  }

  private ImportedHost(Construct scope, String id, String hostArn, ServiceArn parsed) {
    super(scope, id, ServiceArn.importProps(parsed, hostArn));
    this.hostArn = hostArn;
    this.namespace = parsed == null ? null : parsed.namespace();
  }

  /** The host whose ARN an SSM String parameter holds, read at deploy time: a token. */
  static ImportedHost fromParameter(Construct scope, String id, String parameterName) {
    ArnPublication.validateParameterName(Owner.child(KIND, scope, id), parameterName);
    return new ImportedHost(
        scope, id, StringParameter.valueForStringParameter(scope, parameterName));
  }

  private static ServiceArn parse(Construct scope, String id, String hostArn) {
    if (JsiiShortcuts.isUnresolved(hostArn)) {
      return null;
    }
    Owner who = Owner.child(KIND, scope, id);
    if (hostArn == null) {
      throw new IllegalArgumentException(who + ": hostArn is null");
    }
    return ServiceArn.parse(who, hostArn, "host");
  }

  @Override
  public String getHostArn() {
    return hostArn;
  }

  @Override
  public software.amazon.awscdk.interfaces.codeconnections.HostReference getHostRef() {
    return software.amazon.awscdk.interfaces.codeconnections.HostReference.builder()
        .hostArn(hostArn)
        .build();
  }

  /**
   * The namespace of the host's ARN, when it is known at synth.
   *
   * @return the namespace; empty for a token ARN
   */
  @Override
  public Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.ofNullable(namespace);
  }
}
