package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What AWS takes once per account and Region, across the whole app: a host's URL and a connection's
 * name, whichever stack, stage, backend or namespace defines them, and CodeBuild's default source
 * credential of a server type. One per app, at a fixed id under the root of the construct tree (the
 * {@code App}; a {@code Stack} made without one gets an {@code App} of its own), found by each
 * stack's {@link StackChecks}, which registers its hosts, connections and credentials here and, at
 * synth, reports each one that repeats an earlier one.
 *
 * <p>Two URLs or names clash only where they can land in the same account and Region: their stacks'
 * account and Region are equal strings (equal literals, or the same token: environment-agnostic
 * stacks share {@code AWS::AccountId} and {@code AWS::Region}); a literal and a token, or two
 * different tokens, are not taken for the same. The service refuses the second of those at deploy,
 * loudly, so a refusal at synth on a guess would cost more than it saves. Two credentials clash
 * also where the account or Region of either is unknown at synth ({@link Kind#SOURCE_CREDENTIAL}):
 * the second one takes the first one's place without an error, so a guess is worth a refusal, which
 * giving the stack an {@code env} answers. Values that are tokens are not registered.
 */
final class AccountWideNames extends Construct {
  /** The id under the root. */
  static final String ID = "CodeStarConnectionsAccountWideNames";

  private static final String EDIT_A_HOST =
      "https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-host-edit.html";
  private static final String API_CONNECTION =
      "https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_Connection.html";
  private static final String IMPORT_SOURCE_CREDENTIALS =
      "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ImportSourceCredentials.html";

  /** What must be unique. */
  enum Kind {
    HOST_URL(false),
    CONNECTION_NAME(false),
    /**
     * A CodeBuild default source credential, by server type. CodeBuild keeps one per server type
     * per account and Region and overwrites it on import (ImportSourceCredentials: "shouldOverwrite
     * ... The default value is true"; {@code AWS::CodeBuild::SourceCredential} has no property to
     * set it), so a second one deploys and silently takes the first one's place.
     */
    SOURCE_CREDENTIAL(true);

    /** Whether an account or Region unknown at synth (a token) may be any other. */
    private final boolean unknownMayBeAny;

    Kind(boolean unknownMayBeAny) {
      this.unknownMayBeAny = unknownMayBeAny;
    }

    /** Whether two stacks' accounts, or Regions, are taken for the same. */
    boolean same(String a, String b) {
      return a.equals(b)
          || (unknownMayBeAny && (JsiiShortcuts.isUnresolved(a) || JsiiShortcuts.isUnresolved(b)));
    }
  }

  /**
   * One registered value.
   *
   * @param order when it was registered in the app: the earlier of two is the one kept
   * @param owner the construct, for messages
   * @param construct the construct, which an error is reported under
   * @param given the value as given
   * @param derived whether the library derived it (a default name)
   * @param stack the checks of its stack, which know its account and Region
   */
  record Entry(
      long order,
      Owner owner,
      IConstruct construct,
      String given,
      boolean derived,
      StackChecks stack) {}

  private final Map<Kind, Map<String, List<Entry>>> byKey = new HashMap<>();
  private long registered;

  private AccountWideNames(IConstruct root) {
    super((Construct) root, ID);
  }

  /**
   * The app's names, found at their fixed id under the tree's root or made there.
   *
   * @param root the root of the construct tree
   * @param asking the construct asking, for the message
   * @return the names
   * @throws IllegalArgumentException when a construct that is not ours holds the id
   */
  static AccountWideNames of(IConstruct root, Owner asking) {
    AccountWideNames found =
        ReservedChild.find(
            root,
            "the app",
            ID,
            AccountWideNames.class,
            "the names of its hosts and connections",
            asking);
    return found != null ? found : new AccountWideNames(root);
  }

  /**
   * Registers a literal value, after every value registered before it in the app.
   *
   * @param kind what it is
   * @param key the value as compared
   * @param owner the construct, for messages
   * @param construct the construct, which an error is reported under
   * @param given the value as given
   * @param derived whether the library derived it
   * @param stack the checks of its stack
   * @return the entry, for {@link #clash}
   */
  Entry add(
      Kind kind,
      String key,
      Owner owner,
      IConstruct construct,
      String given,
      boolean derived,
      StackChecks stack) {
    Entry entry = new Entry(registered++, owner, construct, given, derived, stack);
    byKey
        .computeIfAbsent(kind, k -> new HashMap<>())
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(entry);
    return entry;
  }

  /**
   * The error of an entry that repeats an earlier one in the same account and Region.
   *
   * @param kind what it is
   * @param key the value as compared
   * @param entry the entry
   * @return the error, or null when it is the first of its value where it lands
   */
  String clash(Kind kind, String key, Entry entry) {
    for (Entry earlier : byKey.get(kind).get(key)) {
      if (earlier.order() >= entry.order()) {
        break;
      }
      StackChecks a = earlier.stack();
      StackChecks b = entry.stack();
      if (kind.same(a.account(), b.account()) && kind.same(a.region(), b.region())) {
        return message(kind, key, entry, earlier);
      }
    }
    return null;
  }

  private static String message(Kind kind, String key, Entry entry, Entry earlier) {
    if (kind == Kind.SOURCE_CREDENTIAL) {
      return entry.owner()
          + ": a CodeBuildSourceCredential for "
          + key
          + " is already defined at '"
          + earlier.construct().getNode().getPath()
          + "' for what may be the same account and region; there is one default credential per"
          + " server type per account and region: keep one of them (CodeBuild overwrites it on"
          + " import: ImportSourceCredentials' shouldOverwrite defaults to true, and"
          + " AWS::CodeBuild::SourceCredential cannot set it, "
          + IMPORT_SOURCE_CREDENTIALS
          + ")";
    }
    String where =
        ", in the same account ("
            + shown(entry.stack().account(), "account")
            + ") and Region ("
            + shown(entry.stack().region(), "Region")
            + ")";
    if (kind == Kind.HOST_URL) {
      return entry.owner()
          + ": providerEndpoint '"
          + entry.given()
          + "' is the URL of "
          + earlier.owner()
          + " too"
          + (key.equals(entry.given())
              ? ""
              : " (compared as '"
                  + key
                  + "': scheme and host in lower case, without a trailing '/')")
          + where
          + "; the service takes one host per URL (\"You cannot use the same URL for more than one"
          + " host\", Developer Tools console guide, Edit a host, "
          + EDIT_A_HOST
          + "): give one of them another providerEndpoint, or make one host and give it to the"
          + " connections of both";
    }
    return entry.owner()
        + ": connectionName '"
        + entry.given()
        + "'"
        + (entry.derived() ? " (the default, derived from the stack name and construct path)" : "")
        + " is the name of "
        + earlier.owner()
        + " too"
        + where
        + "; the service refuses a second connection of a name in an account, whichever namespace"
        + " makes it (\"Connection names must be unique in an AWS account\", API reference,"
        + " Connection, "
        + API_CONNECTION
        + "): give one of them another connectionName";
  }

  private static String shown(String value, String what) {
    return JsiiShortcuts.isUnresolved(value)
        ? "the deploying " + what + ", environment-agnostic"
        : value;
  }
}
