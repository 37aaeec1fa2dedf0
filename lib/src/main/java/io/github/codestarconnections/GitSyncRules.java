package io.github.codestarconnections;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.interfaces.kms.IAliasRef;
import software.amazon.awscdk.interfaces.kms.IKeyRef;

/**
 * What CloudFormation Git sync takes ({@link RepositoryLink}, {@link SyncConfiguration}): the
 * limits of CreateRepositoryLink and CreateSyncConfiguration in the service models
 * (../shared/reference/api/*.service-2.json, the same in both namespaces), and the providers the
 * CloudFormation User Guide lists. Literal values are checked; tokens pass.
 */
final class GitSyncRules {
  /** Where the CloudFormation User Guide lists Git sync's providers and its role's permissions. */
  static final String PREREQUISITES =
      "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/git-sync-prereq.html";

  /**
   * The providers Git sync supports: "GitHub, GitHub Enterprise, GitLab, Bitbucket, and GitLab
   * self-managed" ({@link #PREREQUISITES}, "Git repository"); not Azure DevOps.
   */
  static final Set<ProviderType> PROVIDERS =
      EnumSet.of(
          ProviderType.GITHUB,
          ProviderType.GITHUB_ENTERPRISE_SERVER,
          ProviderType.GITLAB,
          ProviderType.GITLAB_SELF_MANAGED,
          ProviderType.BITBUCKET);

  /**
   * What CloudFormation does with a repository link or sync configuration that leaves the stack
   * unless told otherwise: deletes it. Neither holds anything that is lost with it (the connection
   * keeps the authorization, and the synced stack stays when its sync configuration goes), and a
   * retained one blocks the same link or stack name from being made again (CreateRepositoryLink and
   * CreateSyncConfiguration answer ResourceAlreadyExistsException).
   */
  static final RemovalPolicy DEFAULT_REMOVAL_POLICY = RemovalPolicy.DESTROY;

  /** OwnerId: 1 to 255 characters. */
  static final int MAX_OWNER_ID = 255;

  /** RepositoryName: 1 to 128 characters. */
  static final int MAX_REPOSITORY_NAME = 128;

  /** BranchName: 1 to 255 characters. */
  static final int MAX_BRANCH = 255;

  /** ResourceName (the stack's name for CFN_STACK_SYNC): 1 to 100 characters. */
  static final int MAX_STACK_NAME = 100;

  /** The only SyncType the service has: a CloudFormation stack. */
  static final String SYNC_TYPE = "CFN_STACK_SYNC";

  /**
   * A stack name CloudFormation takes (CreateStack, StackName: letters, digits and hyphens,
   * starting with a letter), which is within the models' ResourceName pattern {@code
   * ^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$}.
   */
  private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][-A-Za-z0-9]*");

  /** The models' KmsKeyArn: a key's ARN, not an alias's. */
  private static final Pattern KMS_KEY_ARN =
      Pattern.compile("arn:aws(-[\\w]+)*:kms:[a-z\\-0-9]+:\\d{12}:key/[a-zA-Z0-9\\-]+");

  /** The models' RepositoryLinkId: a UUID. */
  private static final Pattern REPOSITORY_LINK_ID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Line breaks, which the models' {@code ^.*$} patterns do not match. */
  private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\u0085\\u2028\\u2029]");

  private GitSyncRules() {}

  /**
   * Checks that Git sync supports the connection's provider, when it is known at synth.
   *
   * @param who the construct, for messages
   * @param connection the connection
   * @throws IllegalArgumentException for a provider Git sync does not support
   */
  static void provider(Owner who, IConnection connection) {
    connection
        .getProviderType()
        .filter(type -> !PROVIDERS.contains(type))
        .ifPresent(
            type -> {
              throw new IllegalArgumentException(
                  who
                      + ": connection at '"
                      + connection.getNode().getPath()
                      + "' is a "
                      + type
                      + " connection; Git sync supports GitHub, GitHub Enterprise Server, GitLab,"
                      + " GitLab self-managed and Bitbucket repositories ("
                      + PREREQUISITES
                      + ")");
            });
  }

  /**
   * Checks a repository's owner: 1 to 255 characters (OwnerId), a user, organization, workspace or
   * group name.
   *
   * @param who the construct, for messages
   * @param ownerId the owner
   * @return the owner
   */
  static String ownerId(Owner who, String ownerId) {
    RepositoryRef.require(who, "ownerId", ownerId);
    ServiceRules.checkLength(who, "ownerId", ownerId, MAX_OWNER_ID);
    RepositoryRef.checkOwner(who, "ownerId", ownerId);
    return ownerId;
  }

  /**
   * Checks a repository's name: 1 to 128 characters (RepositoryName).
   *
   * @param who the construct, for messages
   * @param repositoryName the name
   * @return the name
   */
  static String repositoryName(Owner who, String repositoryName) {
    RepositoryRef.require(who, "repositoryName", repositoryName);
    ServiceRules.checkLength(who, "repositoryName", repositoryName, MAX_REPOSITORY_NAME);
    RepositoryRef.checkRepo(who, "repositoryName", repositoryName);
    return repositoryName;
  }

  /**
   * Checks a branch: 1 to 255 characters (BranchName), and a name Git takes.
   *
   * @param who the construct, for messages
   * @param branch the branch
   * @return the branch
   */
  static String branch(Owner who, String branch) {
    RepositoryRef.require(who, "branch", branch);
    ServiceRules.checkLength(who, "branch", branch, MAX_BRANCH);
    RepositoryRef.checkBranch(who, branch);
    return branch;
  }

  /**
   * Checks the deployment file's path (ConfigFile, shape DeploymentFilePath): required, on one
   * line; the models set no length or pattern.
   *
   * @param who the construct, for messages
   * @param path the path in the repository
   * @return the path
   */
  static String deploymentFile(Owner who, String path) {
    RepositoryRef.require(who, "deploymentFile", path);
    if (!JsiiShortcuts.isUnresolved(path) && LINE_BREAK.matcher(path).find()) {
      throw new IllegalArgumentException(
          who + ": deploymentFile '" + path + "' has a line break; it is a path in the repository");
    }
    return path;
  }

  /**
   * Checks the synced stack's name: 1 to 100 characters (ResourceName) and a CloudFormation stack
   * name.
   *
   * @param who the construct, for messages
   * @param stackName the name
   * @return the name
   */
  static String stackName(Owner who, String stackName) {
    RepositoryRef.require(who, "stackName", stackName);
    ServiceRules.checkLength(who, "stackName", stackName, MAX_STACK_NAME);
    if (!JsiiShortcuts.isUnresolved(stackName) && !STACK_NAME.matcher(stackName).matches()) {
      throw new IllegalArgumentException(
          who
              + ": stackName '"
              + stackName
              + "' is not a stack name; CloudFormation takes letters, digits and hyphens, starting"
              + " with a letter (CreateStack, StackName), and Git sync at most "
              + MAX_STACK_NAME
              + " characters (CreateSyncConfiguration, ResourceName)");
    }
    return stackName;
  }

  /**
   * The ARN of a repository link's key: the key's (KmsKeyArn takes a key ARN, not an alias).
   *
   * @param who the construct, for messages
   * @param key the key
   * @return its ARN
   */
  static String encryptionKeyArn(Owner who, IKeyRef key) {
    if (key instanceof IAliasRef) {
      throw new IllegalArgumentException(
          who
              + ": encryptionKey at '"
              + key.getNode().getPath()
              + "' is an alias; EncryptionKeyArn takes a key's ARN (arn:...:kms:<region>:<account>:"
              + "key/<id>): give the key itself");
    }
    String arn = key.getKeyRef().getKeyArn();
    if (!JsiiShortcuts.isUnresolved(arn) && !KMS_KEY_ARN.matcher(arn).matches()) {
      throw new IllegalArgumentException(
          who
              + ": encryptionKey's ARN '"
              + arn
              + "' is not a KMS key ARN; EncryptionKeyArn takes arn:<partition>:kms:<region>:"
              + "<account>:key/<id>, not an alias");
    }
    return arn;
  }

  /**
   * Checks a repository link's id: a UUID (RepositoryLinkId).
   *
   * @param who the construct, for messages
   * @param property the property holding it
   * @param id the id
   * @return the id
   */
  static String repositoryLinkId(Owner who, String property, String id) {
    RepositoryRef.require(who, property, id);
    if (!JsiiShortcuts.isUnresolved(id) && !REPOSITORY_LINK_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          who
              + ": "
              + property
              + " '"
              + id
              + "' is not a repository link id; the service's ids are UUIDs, e.g."
              + " be8f2017-b016-4a77-87b4-608054f70e77");
    }
    return id;
  }
}
