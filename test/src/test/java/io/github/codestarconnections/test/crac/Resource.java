package io.github.codestarconnections.test.crac;

/** A hook, as org.crac's wrapper presents each registered resource. */
public interface Resource {
  /**
   * Before the snapshot.
   *
   * @param context the context running it
   * @throws Exception when the hook fails
   */
  void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

  /**
   * After a restore.
   *
   * @param context the context running it
   * @throws Exception when the hook fails
   */
  void afterRestore(Context<? extends Resource> context) throws Exception;
}
