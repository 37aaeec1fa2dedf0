package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * connection on an owned host through the host; others look it up). At synth it checks the tags of
 * the stack's hosts and connections (count, AWS's own keys), that none repeats an earlier host's
 * URL, connection's name or default source credential's server type where they land in the same
 * account and Region ({@link AccountWideNames}), and the stack's other Java-side checks ({@link
 * #alsoCheck}), all in one validation, each error reported under its construct ({@link
 * PlacedErrors}). It also keeps the stack's facts that every host and connection would otherwise
 * ask the jsii kernel for again (region, account, console domain, construct path), read on first
 * use.
 */
final class StackChecks extends Construct {
  /** The id under the stack (named after its first job; kept so existing trees keep their ids). */
  static final String ID = "CodeStarConnectionsTagCountCheck";

  private record Tagged(Owner owner, IConstruct construct, TagManager tags, int max) {}

  private record Registered(AccountWideNames.Kind kind, String key, AccountWideNames.Entry entry) {}

  private record OtherCheck(IConstruct about, Supplier<List<String>> check) {}

  private final Stack stack;
  private final List<Tagged> tagged = new ArrayList<>();
  private final List<Registered> registered = new ArrayList<>();
  private final List<OtherCheck> otherChecks = new ArrayList<>();
  private final List<ICfnResourceOptions> watchedOptions = new ArrayList<>();
  private List<?> resolvedOptions;
  private AccountWideNames names;
  private String region;
  private String account;
  private String consoleDomain;
  private String stackPath;

  private StackChecks(Stack stack) {
    super(stack, ID);
    this.stack = stack;
    // One check per stack over Java-side lists: a validation per construct would cost about three
    // more jsii round trips each.
    new PlacedErrors(stack, this, this::errors);
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
   * Registers a resource's tags for the checks at synth: their count, and no key of AWS's ({@link
   * ServiceRules#RESERVED_PREFIX}), however they were added.
   *
   * @param owner the construct, for messages
   * @param construct the construct, which an error is reported under
   * @param tags its tag manager
   * @param max the most tags it may have
   */
  void add(Owner owner, IConstruct construct, TagManager tags, int max) {
    tagged.add(new Tagged(owner, construct, tags, max));
  }

  /**
   * Registers a host's literal URL, checked at synth against every earlier host of the app.
   *
   * @param owner the host, for messages
   * @param host the host, which an error is reported under
   * @param endpoint its providerEndpoint, not a token
   */
  void hostUrl(Owner owner, IConstruct host, String endpoint) {
    register(
        AccountWideNames.Kind.HOST_URL,
        HostRules.comparableEndpoint(endpoint),
        owner,
        host,
        endpoint,
        false);
  }

  /**
   * Registers a connection's literal name, checked at synth against every earlier connection of the
   * app.
   *
   * @param owner the connection, for messages
   * @param connection the connection, which an error is reported under
   * @param name its name, not a token
   * @param derived whether it is the default name the library derived
   */
  void connectionName(Owner owner, IConstruct connection, String name, boolean derived) {
    register(AccountWideNames.Kind.CONNECTION_NAME, name, owner, connection, name, derived);
  }

  /**
   * Registers a default source credential's server type, checked at synth against every earlier
   * credential of the app.
   *
   * @param owner the credential, for messages
   * @param credential the credential, which an error is reported under
   * @param serverType its server type, e.g. {@code GITHUB}
   */
  void sourceCredential(Owner owner, IConstruct credential, String serverType) {
    register(
        AccountWideNames.Kind.SOURCE_CREDENTIAL, serverType, owner, credential, serverType, false);
  }

  private void register(
      AccountWideNames.Kind kind,
      String key,
      Owner owner,
      IConstruct construct,
      String given,
      boolean derived) {
    if (names == null) {
      names = AccountWideNames.of(stack.getNode().getRoot(), owner);
    }
    registered.add(
        new Registered(kind, key, names.add(kind, key, owner, construct, given, derived, this)));
  }

  /**
   * Runs another check of the stack's constructs at synth, in the same validation.
   *
   * @param about the construct its errors are reported under
   * @param check gives the errors, empty when there are none
   */
  void alsoCheck(IConstruct about, Supplier<List<String>> check) {
    otherChecks.add(new OtherCheck(about, check));
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
   * The stack's account, read once.
   *
   * @return a literal, or a token for an environment-agnostic stack
   */
  String account() {
    if (account == null) {
      account = stack.getAccount();
    }
    return account;
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

  private Map<IConstruct, List<String>> errors() {
    // Read afresh at each synthesis: policies may change between two syntheses of one stack.
    resolvedOptions = null;
    Map<IConstruct, List<String>> errors = new LinkedHashMap<>();
    for (Tagged t : tagged) {
      Map<String, String> tags = t.tags().tagValues();
      if (tags.size() > t.max()) {
        report(
            errors,
            t.construct(),
            t.owner()
                + ": has "
                + tags.size()
                + " tags (its own and those from Tags.of); at most "
                + t.max()
                + " are allowed"
                + (t.max() == ServiceRules.MAX_TAGS ? "" : HostRules.MARKER_ROOM));
      }
      for (String key : tags.keySet()) {
        // The props refuse these keys at construction; aws-cdk's Tags.of and TagManager take any
        // key and write it into the template (tag-aspect.ts, tag-manager.ts), so the service would
        // refuse it only at deploy.
        if (!JsiiShortcuts.isUnresolved(key) && ServiceRules.reservedKey(key)) {
          report(
              errors,
              t.construct(),
              t.owner()
                  + ": tag key '"
                  + key
                  + "' (added through Tags.of or getTags()) "
                  + ServiceRules.RESERVED_PREFIX
                  + ": aws-cdk's Tags.of writes such a key into the template unchecked; remove it"
                  + " from this construct, e.g. Tags.of(construct).remove(\""
                  + key
                  + "\")");
        }
      }
    }
    for (Registered r : registered) {
      String clash = names.clash(r.kind(), r.key(), r.entry());
      if (clash != null) {
        report(errors, r.entry().construct(), clash);
      }
    }
    for (OtherCheck c : otherChecks) {
      c.check().get().forEach(e -> report(errors, c.about(), e));
    }
    return errors;
  }

  private static void report(Map<IConstruct, List<String>> errors, IConstruct about, String e) {
    errors.computeIfAbsent(about, k -> new ArrayList<>()).add(e);
  }
}
