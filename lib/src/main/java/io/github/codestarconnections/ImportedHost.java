package io.github.codestarconnections;

import java.util.Optional;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.constructs.Construct;

/** A host made elsewhere, known by its ARN. */
final class ImportedHost extends Resource implements IHost {
  private final String hostArn;
  private final ServiceNamespace namespace;

  ImportedHost(Construct scope, String id, String hostArn) {
    super(scope, id, ResourceProps.builder().build());
    if (hostArn == null) {
      throw new IllegalArgumentException(
          "Host.fromHostArn at '" + getNode().getPath() + "': hostArn is null");
    }
    this.namespace =
        JsiiShortcuts.isUnresolved(hostArn)
            ? null
            : ServiceArn.parse("Host.fromHostArn at '" + getNode().getPath() + "'", hostArn, "host")
                .namespace();
    this.hostArn = hostArn;
  }

  @Override
  public String getHostArn() {
    return hostArn;
  }

  /**
   * The namespace of the host's ARN, when it is known at synth.
   *
   * @return the namespace; empty for a token ARN
   */
  Optional<ServiceNamespace> getServiceNamespace() {
    return Optional.ofNullable(namespace);
  }
}
