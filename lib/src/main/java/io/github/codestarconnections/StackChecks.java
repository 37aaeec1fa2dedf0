package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awscdk.ICfnResourceOptions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What this library checks and knows once per stack: a construct at a fixed id under the stack,
 * found there by the first resource of each kind that needs it (a host through its provider, a
 * connection on an owned host through the host; others look it up). Its one validation counts the
 * tags of the stack's hosts and connections and runs the stack's other Java-side checks ({@link
 * #alsoCheck}). It also keeps the stack's facts that every host and connection would otherwise ask
 * the jsii kernel for again (region, console domain, construct path), read on first use.
 */
final class StackChecks extends Construct {
  /** The id under the stack (named after its first job; kept so existing trees keep their ids). */
  static final String ID = "CodeStarConnectionsTagCountCheck";

  private record Tagged(Owner owner, TagManager tags, int max) {}

  private final Stack stack;
  private final List<Tagged> tagged = new ArrayList<>();
  private final List<Supplier<List<String>>> otherChecks = new ArrayList<>();
  private final List<ICfnResourceOptions> watchedOptions = new ArrayList<>();
  private List<?> resolvedOptions;
  private String region;
  private String consoleDomain;
  private String stackPath;

  private StackChecks(Stack stack) {
    super(stack, ID);
    this.stack = stack;
    // One validation per stack over a Java-side list: a validation per construct would cost
    // four more jsii round trips each.
    getNode().addValidation(this::errors);
  }

  /**
   * The stack's checks, found at their fixed id or made there.
   *
   * @param stack the stack
   * @param asking the construct asking, for the error message
   * @return the checks
   * @throws IllegalArgumentException when a construct that is not ours holds the id
   */
  static StackChecks of(Stack stack, Owner asking) {
    StackChecks found =
        ReservedChild.find(stack, ID, StackChecks.class, "its tag count check", asking);
    return found != null ? found : new StackChecks(stack);
  }

  /**
   * Registers a resource's tags for the count checked at synth.
   *
   * @param owner the construct
   * @param tags its tag manager
   * @param max the most tags it may have
   */
  void add(Owner owner, TagManager tags, int max) {
    tagged.add(new Tagged(owner, tags, max));
  }

  /**
   * Runs another check of the stack's constructs at synth, in the same validation: each error names
   * its construct (an {@link Owner} prefix), since the validation reports it at this construct's
   * path.
   *
   * @param check gives the errors, empty when there are none
   */
  void alsoCheck(Supplier<List<String>> check) {
    otherChecks.add(check);
  }

  /**
   * Watches a resource's CloudFormation options (its deletion policy) for the checks at synth: all
   * the watched options are read in one kernel call when a check first asks ({@link
   * #deletionPolicy}), not three calls a resource.
   *
   * @param options the resource's {@code getCfnOptions()}, taken once at construction
   * @return the index to ask {@link #deletionPolicy} with
   */
  int watch(ICfnResourceOptions options) {
    watchedOptions.add(options);
    resolvedOptions = null;
    return watchedOptions.size() - 1;
  }

  /**
   * A watched resource's deletion policy as the template will have it, read at synth.
   *
   * @param index from {@link #watch}
   * @return e.g. {@code Retain}, or null when none is set (CloudFormation then deletes)
   */
  String deletionPolicy(int index) {
    if (resolvedOptions == null) {
      // Resolved as the template's synthesis resolves them (metadata and condition included), so
      // this read fails only where writing the template would.
      resolvedOptions = (List<?>) stack.resolve(watchedOptions);
    }
    Object options = resolvedOptions.get(index);
    return options instanceof Map<?, ?> m && m.get("deletionPolicy") != null
        ? String.valueOf(m.get("deletionPolicy"))
        : null;
  }

  /**
   * The stack's region, read once.
   *
   * @return a literal, or a token for an environment-agnostic stack
   */
  String region() {
    if (region == null) {
      region = stack.getRegion();
    }
    return region;
  }

  /**
   * The console's domain for the stack's partition, found once ({@link ConsoleAddress}).
   *
   * @param asking the construct asking, for the message of a construct at the conditions' id
   * @return the domain: literal, or a token
   */
  String consoleDomain(Owner asking) {
    if (consoleDomain == null) {
      consoleDomain = ConsoleAddress.domain(stack, region(), asking);
    }
    return consoleDomain;
  }

  /**
   * The construct path of a construct just made, as the construct tree has it: worked out in Java
   * when its scope is this stack, else asked of the kernel. Constructs v10 sanitizes an id by
   * replacing its path and address separators ('/' and a newline) with "--" (sanitizeId in
   * constructs' construct.ts); an id with either is asked of the kernel rather than copying that.
   *
   * @param scope the scope it was made in
   * @param id the id it was made with
   * @param made the construct
   * @return its path, e.g. {@code App/Stack/Ghes} in a stage or {@code Stack/Ghes} at the app root
   */
  String pathOf(IConstruct scope, String id, IConstruct made) {
    if (scope != stack || id.indexOf('/') >= 0 || id.indexOf('\n') >= 0) {
      return made.getNode().getPath();
    }
    if (stackPath == null) {
      stackPath = stack.getNode().getPath();
    }
    return stackPath.isEmpty() ? id : stackPath + "/" + id;
  }

  private List<String> errors() {
    // Read afresh at each synthesis: policies may change between two syntheses of one stack.
    resolvedOptions = null;
    List<String> errors = new ArrayList<>();
    for (Tagged t : tagged) {
      int count = t.tags().tagValues().size();
      if (count > t.max()) {
        errors.add(
            t.owner()
                + ": has "
                + count
                + " tags (its own and those from Tags.of); at most "
                + t.max()
                + " are allowed"
                + (t.max() == ServiceRules.MAX_TAGS ? "" : HostRules.MARKER_ROOM));
      }
    }
    otherChecks.forEach(c -> errors.addAll(c.get()));
    return errors;
  }
}
