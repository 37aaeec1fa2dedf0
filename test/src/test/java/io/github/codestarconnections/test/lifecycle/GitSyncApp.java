package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.RepositoryLink;
import io.github.codestarconnections.SyncConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

/**
 * A platform stack of Git sync as a user writes one: a repository link on a connection made
 * elsewhere (imported by ARN), or on one the stack makes with the link waiting for its handshake,
 * and a sync configuration of one stack on it. Described by value, synthesized once per JVM.
 *
 * @param connectionArn the connection's ARN, or null for a connection the stack makes, named
 *     {@value #CONNECTION_NAME}, which the link waits for ({@code waitForAvailable(true)})
 * @param repositoryName the linked repository (create-only for the link)
 * @param encryptionKeyArn the link's key, or null
 * @param stackName the synced stack (create-only for the sync configuration)
 * @param branch the branch
 * @param keptOnDeletedLink whether the sync configuration is retained (by an escape hatch past the
 *     library's synth check) while its link is deleted
 */
public record GitSyncApp(
    String connectionArn,
    String repositoryName,
    String encryptionKeyArn,
    String stackName,
    String branch,
    boolean keptOnDeletedLink) {
  private static final Map<GitSyncApp, Map<String, Object>> TEMPLATES = new ConcurrentHashMap<>();

  /** The logical id prefixes of the link and the sync configuration. */
  static final String LINK = "Infrastructure";

  static final String SYNC = "AppSync";

  /** The name of the connection the stack makes. */
  static final String CONNECTION_NAME = "gitsync-new";

  /**
   * A link to acme/infrastructure on the connection, syncing stack {@code app} from {@code main}.
   *
   * @param connectionArn the connection's ARN
   * @return the app
   */
  static GitSyncApp on(String connectionArn) {
    return new GitSyncApp(connectionArn, "infrastructure", null, "app", "main", false);
  }

  /**
   * The same link and sync on a connection the stack makes, the link waiting for its handshake.
   *
   * @return the app
   */
  static GitSyncApp onANewConnection() {
    return new GitSyncApp(null, "infrastructure", null, "app", "main", false);
  }

  GitSyncApp repository(String name) {
    return new GitSyncApp(
        connectionArn, name, encryptionKeyArn, stackName, branch, keptOnDeletedLink);
  }

  GitSyncApp key(String arn) {
    return new GitSyncApp(connectionArn, repositoryName, arn, stackName, branch, keptOnDeletedLink);
  }

  GitSyncApp syncing(String stack) {
    return new GitSyncApp(
        connectionArn, repositoryName, encryptionKeyArn, stack, branch, keptOnDeletedLink);
  }

  GitSyncApp branch(String name) {
    return new GitSyncApp(
        connectionArn, repositoryName, encryptionKeyArn, stackName, name, keptOnDeletedLink);
  }

  GitSyncApp keepingTheSyncOnDeletedLink() {
    return new GitSyncApp(connectionArn, repositoryName, encryptionKeyArn, stackName, branch, true);
  }

  /**
   * The stack's template, synthesized on first use.
   *
   * @return the template (shared: never change it)
   */
  public Map<String, Object> template() {
    return TEMPLATES.computeIfAbsent(this, GitSyncApp::synthesize);
  }

  private static Map<String, Object> synthesize(GitSyncApp spec) {
    Stack stack = new Stack(new App(), LifecycleApp.STACK);
    RepositoryLink.Builder link =
        RepositoryLink.Builder.create(stack, LINK)
            .ownerId("acme")
            .repositoryName(spec.repositoryName);
    if (spec.connectionArn == null) {
      link.connection(
              Connection.Builder.create(stack, "GitHub")
                  .connectionName(CONNECTION_NAME)
                  .providerType(ProviderType.GITHUB)
                  .handshakeOutput(false)
                  .build())
          .waitForAvailable(true);
    } else {
      link.connection(Connection.fromConnectionArn(stack, "GitHub", spec.connectionArn));
    }
    if (spec.encryptionKeyArn != null) {
      link.encryptionKey(Key.fromKeyArn(stack, "Key", spec.encryptionKeyArn));
    }
    SyncConfiguration sync =
        SyncConfiguration.Builder.create(stack, SYNC)
            .repositoryLink(link.build())
            .branch(spec.branch)
            .deploymentFile("deployments/" + spec.stackName + ".yaml")
            .stackName(spec.stackName)
            .build();
    if (spec.keptOnDeletedLink) {
      ((CfnResource) sync.getNode().getDefaultChild()).addOverride("DeletionPolicy", "Retain");
    }
    return Template.fromStack(stack).toJSON();
  }
}
