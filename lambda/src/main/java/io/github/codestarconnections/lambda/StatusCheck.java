package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;
import io.github.codestarconnections.lambda.ReadEvent.Check;
import io.github.codestarconnections.lambda.ReadEvent.CheckMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the status of one connection (GetConnection) or host (GetHost) and does what the check's
 * mode says with anything but AVAILABLE: report it, fail the deployment saying where and how to
 * finish the setup, or wait until the check's time is up. The console address comes from the
 * template (the library builds it); the handler only quotes it.
 *
 * <p>Statuses: a connection is PENDING until a person finishes the handshake in the console, and "a
 * connection that has an error state is retried automatically"
 * (https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-workflow.html), so a
 * wait goes on through ERROR; a host is PENDING until it is set up, and passes through VPC_CONFIG_*
 * statuses (../shared/reference/api, HostStatus; {@link StatusKind}).
 */
final class StatusCheck {
  static final String AVAILABLE = "AVAILABLE";

  private final HostApi api;

  StatusCheck(HostApi api) {
    this.api = api;
  }

  IsCompleteOutcome check(ReadEvent e, long now) {
    Check c = e.check();
    if (c.host()) {
      HostArn arn = HostArn.parse(c.resourceArn()).orElseThrow();
      if (!api.namespace().accepts(arn.service())) {
        throw new ResourceFailure(
            e.subject()
                + ": the "
                + api.namespace().arnService()
                + " API does not accept "
                + arn.service()
                + " host ARNs; check it from a codeconnections provider (the library does so"
                + " unless the host's namespace is codestar-connections). No API call was made.");
      }
    }
    String name;
    String status;
    try {
      if (c.host()) {
        HostState h = api.getHost(c.resourceArn());
        name = h.name();
        status = h.status();
      } else {
        ConnectionState s = api.getConnection(c.resourceArn());
        name = s.name();
        status = s.status();
      }
    } catch (HostApiException ex) {
      if (ReadRequests.retryLater(ex, e, now)) {
        return ReadRequests.notYet((c.host() ? "GetHost: " : "GetConnection: ") + ex.kind());
      }
      if (ex.kind() == Kind.NOT_FOUND) {
        // Hosts are regional ("You use host resources only in the Region where they were
        // created",
        // https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-how-it-works-global.html);
        // connections are global, so only a host can be in another Region.
        String gone =
            e.subject()
                + (c.host()
                    ? ": it does not exist here (deleted, in another account, or in another Region:"
                        + " hosts are regional, and the check reads its stack's Region)."
                    : ": it does not exist (deleted, or in another account).")
                + " Make it again, or give the check the ARN of one that exists.";
        if (c.mode() == CheckMode.REPORT) {
          return done(c, "(unknown)", "NOT_FOUND", gone);
        }
        throw new ResourceFailure(gone, ex);
      }
      throw ReadRequests.failure(e, ex, api.namespace());
    }
    String summary = summary(c, name, status);
    if (AVAILABLE.equals(status) || c.mode() == CheckMode.REPORT) {
      return done(c, name, status, summary);
    }
    if (c.mode() == CheckMode.WAIT_FOR_AVAILABLE && !waitIsOver(e, c, now)) {
      return ReadRequests.notYet("waiting for AVAILABLE: " + status);
    }
    throw new ResourceFailure(
        (c.mode() == CheckMode.WAIT_FOR_AVAILABLE
                ? "Waited " + c.waitSeconds() + " s; still not AVAILABLE. "
                : "The check requires AVAILABLE. ")
            + summary
            + " Then deploy again.");
  }

  private static boolean waitIsOver(ReadEvent e, Check c, long now) {
    // Without onEvent's start time (a hand-played event), the wait is over at once.
    return e.startedAt() == null || now >= e.startedAt() + c.waitSeconds() * 1000L;
  }

  private static IsCompleteOutcome done(Check c, String name, String status, String summary) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("ResourceArn", c.resourceArn());
    data.put("Name", String.valueOf(name));
    data.put("Status", String.valueOf(status));
    data.put("Summary", summary);
    data.put("ConsoleAddress", c.consoleAddress());
    return new IsCompleteOutcome(true, data, "status " + status);
  }

  /** One sentence of what the status is, and one of what a person does about it. */
  static String summary(Check c, String name, String status) {
    String what = (c.host() ? "Host '" : "Connection '") + ResourceFailure.bound(name, 128) + "'";
    String is = what + " is " + ResourceFailure.bound(status, 64) + ".";
    if (AVAILABLE.equals(status)) {
      return is + " Console: " + c.consoleAddress();
    }
    String open = " Open " + c.consoleAddress();
    if (!c.host()) {
      return is
          + ("ERROR".equals(status)
              ? " The service retries a connection in ERROR by itself; if it stays,"
                  + open
                  + ", choose the connection by name and check the provider's app installation."
              : open
                  + ", choose the connection by name, then 'Update pending connection', and"
                  + " finish the provider's sign-in.");
    }
    return is
        + switch (StatusKind.of(status)) {
          case READY -> open + ", choose the Hosts tab and the host by name, then 'Set up host'.";
          case WORKING -> " Its VPC configuration is still being made or removed; wait for it.";
          default -> open + ", choose the Hosts tab and the host by name to see what failed.";
        };
  }
}
