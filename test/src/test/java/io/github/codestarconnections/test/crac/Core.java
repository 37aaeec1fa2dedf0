package io.github.codestarconnections.test.crac;

/** The runtime's entry point: one global context per class loader. */
public final class Core {
  private static final Context<Resource> GLOBAL = new Context<>();

  private Core() {}

  /**
   * The global context hooks register with.
   *
   * @return the context
   */
  public static Context<Resource> getGlobalContext() {
    return GLOBAL;
  }

  /**
   * Runs every hook's beforeCheckpoint, then every hook's afterRestore, as a snapshot and an
   * immediate restore would.
   *
   * @throws CheckpointException when a hook fails before the checkpoint
   * @throws RestoreException when a hook fails after the restore
   */
  public static void checkpointRestore() throws CheckpointException, RestoreException {
    try {
      GLOBAL.beforeCheckpoint(null);
    } catch (Exception e) {
      throw new CheckpointException(e);
    }
    try {
      GLOBAL.afterRestore(null);
    } catch (Exception e) {
      throw new RestoreException(e);
    }
  }
}
