package io.github.codestarconnections;

import software.constructs.Construct;

/** A CodeStar Connections host. */
public final class Host {
  private Host() {}

  /**
   * Imports a host made elsewhere by its ARN, in either namespace or as a token.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param hostArn the ARN
   * @return the host
   * @throws IllegalArgumentException when a literal ARN is not a host ARN
   */
  public static IHost fromHostArn(Construct scope, String id, String hostArn) {
    return new ImportedHost(scope, id, hostArn);
  }
}
