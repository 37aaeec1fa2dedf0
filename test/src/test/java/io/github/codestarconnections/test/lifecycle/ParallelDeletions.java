package io.github.codestarconnections.test.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deletions CloudFormation runs in parallel "to the extent possible" (DependsOn attribute,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html),
 * each only after those of the resources that depend on it ("Resource A is deleted before resource
 * B" when A refers to B, ibid.). Played one at a time, in the given order, except that while a
 * deletion waits (a custom resource's framework between isComplete polls) the next deletions that
 * may start do.
 */
final class ParallelDeletions {
  /**
   * One deletion.
   *
   * @param key a unique key
   * @param after the keys of deletions that must be done first
   * @param run runs it; gets what to run while it waits
   */
  record Deletion(String key, Set<String> after, Consumer<Runnable> run) {}

  private final List<Deletion> pending;
  private final Set<String> keys = new HashSet<>();
  private final Set<String> done = new HashSet<>();

  ParallelDeletions(List<Deletion> inOrder) {
    this.pending = new ArrayList<>(inOrder);
    inOrder.forEach(d -> keys.add(d.key()));
  }

  void run() {
    while (!pending.isEmpty()) {
      Deletion next = nextReady();
      if (next == null) {
        throw new IllegalStateException("deletions wait for each other: " + pending);
      }
      start(next);
    }
  }

  private void start(Deletion d) {
    pending.remove(d);
    d.run().accept(this::whileWaiting);
    done.add(d.key());
  }

  private void whileWaiting() {
    for (Deletion next = nextReady(); next != null; next = nextReady()) {
      start(next);
    }
  }

  /** The first pending deletion whose predecessors (among these) are all done. */
  private Deletion nextReady() {
    for (Deletion d : pending) {
      if (d.after().stream().allMatch(k -> !keys.contains(k) || done.contains(k))) {
        return d;
      }
    }
    return null;
  }
}
