package io.github.codestarconnections.lambda;

import io.github.codestarconnections.lambda.HostApiException.Kind;

/** The wording of the reasons CloudFormation shows: which host, what failed, what to do. */
final class Failures {
  private Failures() {}

  static ResourceFailure failure(String name, String arn, HostApiException ex, String advice) {
    return new ResourceFailure(
        describe(name, arn)
            + ": "
            + ex.operation()
            + " failed with "
            + ex.kind()
            + ": "
            // A long service message must not push the advice out of the reason.
            + ResourceFailure.bound(ex.serviceMessage(), ResourceFailure.MAX_QUOTE)
            + ". "
            + advice,
        ex);
  }

  static String describe(String name, String arn) {
    return "Host '"
        + ResourceFailure.bound(name, 128)
        + "'"
        + (arn == null ? "" : " (" + ResourceFailure.bound(arn, ResourceFailure.MAX_QUOTE) + ")");
  }

  static String adviceFor(Namespace namespace, HostApiException ex) {
    return switch (ex.kind()) {
      case ACCESS_DENIED ->
          "Allow " + namespace.arnService() + ":" + ex.operation() + " to the handler's role.";
      case THROTTLED, SERVER_ERROR, NO_RESPONSE ->
          "The service kept failing after retries; deploy again later.";
      case CONFLICT, UNAVAILABLE -> "The host is busy; deploy again in a few minutes.";
      case LIMIT_EXCEEDED -> "A service quota is used up; request an increase or free some.";
      default -> "See the handler's log for details.";
    };
  }

  static String notFoundOr(Namespace namespace, HostApiException ex) {
    return ex.kind() == Kind.NOT_FOUND
        ? "The host was deleted outside CloudFormation; rename the host so that CloudFormation"
            + " creates a new one."
        : adviceFor(namespace, ex);
  }

  /** A host's connections keep it from being deleted: say which and what to do. */
  static ResourceFailure inUse(String name, String arn, java.util.List<String> connections) {
    return new ResourceFailure(
        describe(name, arn)
            + " is used by "
            + connections.size()
            + " connection(s): "
            + ResourceFailure.bound(String.join(", ", connections), ResourceFailure.MAX_QUOTE)
            + ". The service deletes a host only once no connection uses it. Delete those"
            + " connections first, or give the connections on this host removalPolicy DESTROY so"
            + " that CloudFormation deletes them with it; then deploy (or delete the stack)"
            + " again.");
  }

  /**
   * How to give a host's URL to a new host: a URL serves one host ("You cannot use the same URL for
   * more than one host", Developer Tools console guide, "Edit a host"), and a host the stack
   * retains (as the default removal policy does) keeps it, so the old host must be deleted first.
   *
   * @param newHost what the last deploy adds, e.g. "the host back without vpc"
   * @return the steps, for a reason
   */
  static String inThreeDeploys(String newHost) {
    return "give the host (and the connections that use it) removalPolicy DESTROY and deploy;"
        + " remove them and deploy; then add "
        + newHost
        + " and deploy (a retained host keeps its URL, and a URL serves one host)";
  }

  /** Another host has the URL: a URL serves one host. */
  static ResourceFailure urlTaken(HostSpec wanted, HostState other, String whatToDo) {
    return new ResourceFailure(
        describe(wanted.name(), null)
            + ": the URL "
            + ResourceFailure.bound(wanted.providerEndpoint(), ResourceFailure.MAX_QUOTE)
            + " is used by host '"
            + ResourceFailure.bound(other.name(), 128)
            + "' ("
            + ResourceFailure.bound(other.arn(), ResourceFailure.MAX_QUOTE)
            + "), and the service lets a URL serve one host only. Nothing was changed. "
            + whatToDo);
  }
}
