package io.github.codestarconnections;

import software.constructs.IConstruct;

/**
 * A construct this library keeps at a fixed id, one per stack (or one per app, under the tree's
 * root): aws-cdk's singleton pattern, found in the construct tree, never in a static map.
 */
final class ReservedChild {
  private ReservedChild() {}

  /**
   * The construct at the id.
   *
   * @param stack the stack
   * @param id the id the library keeps
   * @param type the library's construct type
   * @param keptFor what the id is kept for, for the message, e.g. {@code its tag count check}
   * @param asking the construct that needs it, for the message
   * @param <T> the type
   * @return the construct, or null when there is none yet
   * @throws IllegalArgumentException when a construct of another type holds the id
   */
  static <T extends IConstruct> T find(
      IConstruct stack, String id, Class<T> type, String keptFor, Owner asking) {
    return find(stack, "the stack", id, type, keptFor, asking);
  }

  /**
   * The construct at the id under any scope.
   *
   * @param scope the scope, e.g. the root of the construct tree
   * @param scopeName the scope in the message, e.g. {@code the app}
   * @param id the id the library keeps
   * @param type the library's construct type
   * @param keptFor what the id is kept for, for the message
   * @param asking the construct that needs it, for the message
   * @param <T> the type
   * @return the construct, or null when there is none yet
   * @throws IllegalArgumentException when a construct of another type holds the id
   */
  static <T extends IConstruct> T find(
      IConstruct scope, String scopeName, String id, Class<T> type, String keptFor, Owner asking) {
    IConstruct found = scope.getNode().tryFindChild(id);
    if (found == null || type.isInstance(found)) {
      return type.cast(found);
    }
    throw new IllegalArgumentException(
        asking
            + ": "
            + scopeName
            + " already has a construct with id '"
            + id
            + "', which this library keeps for "
            + keptFor
            + "; rename it");
  }
}
