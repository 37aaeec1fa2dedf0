package io.github.codestarconnections.test.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context: keeps the registered hooks and runs them, before a checkpoint in reverse
 * order of registration and after a restore in order, as the CRaC API specifies.
 *
 * @param <R> the resource type
 */
public class Context<R extends Resource> implements Resource {
  private final List<R> registered = new ArrayList<>();

  /**
   * Registers a hook.
   *
   * @param resource the hook
   */
  public synchronized void register(R resource) {
    registered.add(resource);
  }

  /**
   * How many hooks are registered.
   *
   * @return the count
   */
  public synchronized int registered() {
    return registered.size();
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
    List<R> hooks;
    synchronized (this) {
      hooks = new ArrayList<>(registered);
    }
    for (int i = hooks.size() - 1; i >= 0; i--) {
      hooks.get(i).beforeCheckpoint(this);
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) throws Exception {
    List<R> hooks;
    synchronized (this) {
      hooks = new ArrayList<>(registered);
    }
    for (R hook : hooks) {
      hook.afterRestore(this);
    }
  }
}
