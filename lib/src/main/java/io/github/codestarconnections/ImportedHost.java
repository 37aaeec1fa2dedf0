package io.github.codestarconnections;

import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

/** A host made elsewhere, known by its ARN. */
final class ImportedHost extends Resource implements IHost {
  private final String hostArn;

  ImportedHost(Construct scope, String id, String hostArn) {
    super(scope, id, ResourceProps.builder().build());
    if (hostArn == null) {
      throw new IllegalArgumentException(
          "Host.fromHostArn at '" + getNode().getPath() + "': hostArn is null");
    }
    if (!Token.isUnresolved(hostArn)) {
      ServiceArn.parse("Host.fromHostArn at '" + getNode().getPath() + "'", hostArn, "host");
    }
    this.hostArn = hostArn;
  }

  @Override
  public String getHostArn() {
    return hostArn;
  }
}
