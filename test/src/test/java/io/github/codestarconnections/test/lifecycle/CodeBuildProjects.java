package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What CodeBuild does with a connection while CloudFormation creates or updates a project ({@code
 * AWS::CodeBuild::Project}), and the account's default credentials ({@code
 * AWS::CodeBuild::SourceCredential}) it reads through. Only the connection is modelled: a project
 * is otherwise made without a look.
 *
 * <ul>
 *   <li>Which connection: the source's own {@code Auth} (Type {@code CODECONNECTIONS}, Resource the
 *       ARN; SourceAuth,
 *       https://docs.aws.amazon.com/codebuild/latest/APIReference/API_SourceAuth.html), else the
 *       account's default credential of the source's type ({@code AuthType CODECONNECTIONS}, Token
 *       the ARN; ImportSourceCredentials,
 *       https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ImportSourceCredentials.html).
 *       A repository source with neither fails: "No Access token found, please visit AWS CodeBuild
 *       console to connect to GitHub" (CodeBuild's InvalidInputException at CreateProject, as
 *       quoted in hashicorp/terraform-provider-aws#10701).
 *   <li>Grant before use: CodeBuild checks the connection through the project's service role when
 *       it creates (or updates) the project, so the role must already be allowed what CodeBuild's
 *       guide lists for it, GetConnectionToken and GetConnection on the connection
 *       (https://docs.aws.amazon.com/codebuild/latest/userguide/connections-github-app.html), or
 *       the operation fails: "Failed to call CreateWebhook, reason: Access denied to connection
 *       ..." (aws-cdk issue #31726); without a webhook an OAuthProviderException at CreateProject
 *       ("The CodeBuild CreateProject API validates the connection synchronously using the role's
 *       permissions", aws-cdk issue #38504 and PR #38508).
 *   <li>Nothing used while PENDING: a webhook (Triggers.Webhook true) is made through the
 *       connection when the project is created, or when an update turns it on; "a pending
 *       connection is a connection that must be completed (moved to available) before it can be
 *       used"
 *       (https://docs.aws.amazon.com/dtconsole/latest/userguide/welcome-connections-workflow.html),
 *       so CreateWebhook fails on a connection that is not AVAILABLE. AWS does not document that
 *       error's words; the harness's name the status.
 * </ul>
 */
final class CodeBuildProjects {
  private static final List<String> REPOSITORY_TYPES =
      List.of("GITHUB", "GITHUB_ENTERPRISE", "GITLAB", "GITLAB_SELF_MANAGED", "BITBUCKET");

  private final CodeStarConnectionsStandIn standIn;
  // The account's default credential per server type (one each: ImportSourceCredentials).
  private final Map<String, String> defaultCredentials = new LinkedHashMap<>();

  CodeBuildProjects(CodeStarConnectionsStandIn standIn) {
    this.standIn = standIn;
  }

  /** ImportSourceCredentials, as the deployer: the server type's default credential. */
  void putCredential(Map<String, Object> props) {
    if ("CODECONNECTIONS".equals(props.get("AuthType"))) {
      defaultCredentials.put((String) props.get("ServerType"), (String) props.get("Token"));
    }
  }

  /** DeleteSourceCredentials. */
  void deleteCredential(Map<String, Object> props) {
    defaultCredentials.remove((String) props.get("ServerType"), props.get("Token"));
  }

  /** CreateProject, and CreateWebhook when the project has one. */
  void create(String logicalId, Map<String, Object> props) {
    check(logicalId, props, webhook(props));
  }

  /** UpdateProject, and CreateWebhook when the update turns the webhook on. */
  void update(String logicalId, Map<String, Object> old, Map<String, Object> props) {
    if (!Objects.equals(old.get("Source"), props.get("Source"))
        || !Objects.equals(old.get("ServiceRole"), props.get("ServiceRole"))
        || !Objects.equals(old.get("Triggers"), props.get("Triggers"))) {
      check(logicalId, props, webhook(props) && !webhook(old));
    }
  }

  private void check(String logicalId, Map<String, Object> props, boolean makesWebhook) {
    Map<String, Object> source = Templates.map(props.get("Source"));
    if (!REPOSITORY_TYPES.contains(String.valueOf(source.get("Type")))) {
      return;
    }
    Map<String, Object> auth = Templates.map(source.get("Auth"));
    String connection =
        "CODECONNECTIONS".equals(auth.get("Type"))
            ? (String) auth.get("Resource")
            : defaultCredentials.get(String.valueOf(source.get("Type")));
    if (connection == null) {
      if (auth.isEmpty()) {
        throw new ResourceFailed(
            null,
            logicalId
                + ": InvalidInputException: No Access token found, please visit AWS CodeBuild"
                + " console to connect to "
                + source.get("Type"));
      }
      return;
    }
    String role = (String) props.get("ServiceRole");
    String service = connection.split(":")[2];
    for (String action : List.of("GetConnectionToken", "GetConnection")) {
      Optional<String> denied = standIn.whyDenied(role, service + ":" + action, connection);
      if (denied.isPresent()) {
        throw new ResourceFailed(
            null,
            (makesWebhook
                    ? "Failed to call CreateWebhook, reason: Access denied to connection "
                    : "OAuthProviderException: Access denied to connection ")
                + connection
                + " (InvalidInputException; the project's role: "
                + denied.get()
                + ")");
      }
    }
    if (makesWebhook) {
      String status =
          standIn.connections().stream()
              .filter(c -> c.arn().equals(connection))
              .map(StandInConnection::status)
              .findFirst()
              .orElse("not found");
      if (!"AVAILABLE".equals(status)) {
        throw new ResourceFailed(
            null,
            "Failed to call CreateWebhook, reason: connection "
                + connection
                + " is "
                + status
                + ", not AVAILABLE (harness's words: a pending connection must be completed"
                + " before it can be used)");
      }
    }
  }

  private static boolean webhook(Map<String, Object> props) {
    Object w = Templates.map(props.get("Triggers")).get("Webhook");
    return Boolean.TRUE.equals(w) || "true".equals(w);
  }
}
