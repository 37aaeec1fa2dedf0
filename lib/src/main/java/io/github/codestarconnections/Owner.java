package io.github.codestarconnections;

import software.constructs.Construct;

/**
 * Names a construct in an error message, e.g. {@code Host at 'App/Stack/Ghes'}. The path is asked
 * of the jsii kernel only when a message is made, not for every construct that is valid.
 */
final class Owner {
  private final String kind;
  private final Construct construct;

  /**
   * @param kind what the construct is, e.g. {@code Host}
   * @param construct the construct
   */
  Owner(String kind, Construct construct) {
    this.kind = kind;
    this.construct = construct;
  }

  @Override
  public String toString() {
    return kind + " at '" + construct.getNode().getPath() + "'";
  }
}
