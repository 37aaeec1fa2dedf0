package io.github.codestarconnections;

import java.util.function.Supplier;
import software.constructs.IConstruct;

/**
 * Names what an error message is about, e.g. {@code Host at 'App/Stack/Ghes'}: every user error of
 * this library starts with one. The path is asked of the jsii kernel only when a message is made,
 * not for every construct that is valid.
 */
final class Owner {
  private final String kind;
  private final Supplier<String> path;

  /**
   * @param kind what the construct is, e.g. {@code Host}
   * @param construct the construct
   */
  Owner(String kind, IConstruct construct) {
    this(kind, () -> construct.getNode().getPath());
  }

  private Owner(String kind, Supplier<String> path) {
    this.kind = kind;
    this.path = path;
  }

  /**
   * A construct about to be made, before its constructor has run (an import that checks its ARN
   * first): named by the path it will have.
   *
   * @param kind what the construct is, e.g. {@code Host import}
   * @param scope its scope
   * @param id its id
   * @return the owner
   */
  static Owner child(String kind, IConstruct scope, String id) {
    return new Owner(
        kind,
        () -> {
          String parent = scope.getNode().getPath();
          return parent.isEmpty() ? id : parent + "/" + id;
        });
  }

  /**
   * Something that is not in the construct tree yet (a pipeline action or a CodeBuild source before
   * it is bound), named by what the user gave it.
   *
   * @param description e.g. {@code ConnectionSourceAction 'GitHub'}
   * @return the owner
   */
  static Owner unplaced(String description) {
    return new Owner(description, (Supplier<String>) null);
  }

  @Override
  public String toString() {
    return path == null ? kind : kind + " at '" + path.get() + "'";
  }
}
