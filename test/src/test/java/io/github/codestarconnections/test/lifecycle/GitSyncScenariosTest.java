package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.lambda.Namespace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Git sync through a stack's lifecycle: a repository link and a sync configuration created, changed
 * in place, replaced (their registry schemas' create-only properties: the link's OwnerId and
 * RepositoryName, the sync configuration's ResourceName and SyncType) and deleted, played by
 * CloudFormation's rules and the service's ({@link GitSyncResources}).
 */
class GitSyncScenariosTest extends LifecycleScenario {
  private static final String KEY =
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private String availableConnection() {
    return standIn.seedConnection(
        Namespace.CODECONNECTIONS, "gitsync", "GitHub", null, "AVAILABLE");
  }

  private DeployResult deploy(GitSyncApp app, String expectedStatus) {
    DeployResult r = cfn.deploy(app.template());
    assertThat(r.status()).as("%s", r).isEqualTo(expectedStatus);
    return r;
  }

  @Test
  void aLinkAndASyncAreCreatedAndDeletedWithTheStack() {
    String connection = availableConnection();
    deploy(GitSyncApp.on(connection), "CREATE_COMPLETE");

    assertThat(cfn.gitSync.links())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.connectionArn()).isEqualTo(connection);
              assertThat(l.repositoryName()).isEqualTo("infrastructure");
              assertThat(cfn.physicalId(GitSyncApp.LINK)).isEqualTo(l.arn());
            });
    String linkId = cfn.gitSync.links().get(0).id();
    assertThat(cfn.physicalId(GitSyncApp.SYNC)).isEqualTo("app|CFN_STACK_SYNC");
    assertThat(cfn.gitSync.syncConfigurations().get("app|CFN_STACK_SYNC"))
        .satisfies(
            s -> {
              assertThat(s.repositoryLinkId()).isEqualTo(linkId);
              assertThat(s.branch()).isEqualTo("main");
              assertThat(s.configFile()).isEqualTo("deployments/app.yaml");
              // The role made for the stack, created before the sync configuration.
              assertThat(s.roleArn())
                  .startsWith("arn:aws:iam::123456789012:role/Lifecycle-AppSyncRole");
            });

    // The sync configuration depends on the link: it goes first, so the link can go.
    deleteStack("DELETE_COMPLETE");
    assertThat(cfn.gitSync.links()).isEmpty();
    assertThat(cfn.gitSync.syncConfigurations()).isEmpty();
  }

  @Test
  void aBranchAndKeyChangeUpdateInPlace() {
    String connection = availableConnection();
    deploy(GitSyncApp.on(connection), "CREATE_COMPLETE");
    String link = cfn.physicalId(GitSyncApp.LINK);

    DeployResult r =
        deploy(GitSyncApp.on(connection).key(KEY).branch("release"), "UPDATE_COMPLETE");

    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId(GitSyncApp.LINK)).isEqualTo(link);
    assertThat(cfn.physicalId(GitSyncApp.SYNC)).isEqualTo("app|CFN_STACK_SYNC");
    assertThat(cfn.gitSync.links())
        .singleElement()
        .satisfies(l -> assertThat(l.encryptionKeyArn()).isEqualTo(KEY));
    assertThat(cfn.gitSync.syncConfigurations().get("app|CFN_STACK_SYNC").branch())
        .isEqualTo("release");
  }

  @Test
  void aNewStackNameReplacesTheSyncConfiguration() {
    String connection = availableConnection();
    deploy(GitSyncApp.on(connection), "CREATE_COMPLETE");

    DeployResult r = deploy(GitSyncApp.on(connection).syncing("app-2"), "UPDATE_COMPLETE");

    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId(GitSyncApp.SYNC)).isEqualTo("app-2|CFN_STACK_SYNC");
    // The old one is deleted in cleanup: the stack it synced stays, no longer synced.
    assertThat(cfn.gitSync.syncConfigurations().keySet()).containsExactly("app-2|CFN_STACK_SYNC");
  }

  @Test
  void aNewRepositoryReplacesTheLinkAndMovesTheSyncToIt() {
    String connection = availableConnection();
    deploy(GitSyncApp.on(connection), "CREATE_COMPLETE");
    String old = cfn.physicalId(GitSyncApp.LINK);

    DeployResult r = deploy(GitSyncApp.on(connection).repository("platform"), "UPDATE_COMPLETE");

    // The new link is made, the sync configuration updated in place to it (RepositoryLinkId is
    // not create-only), then the old link is deleted in cleanup, free of sync configurations.
    assertThat(r.cleanupFailures()).isEmpty();
    assertThat(cfn.physicalId(GitSyncApp.LINK)).isNotEqualTo(old);
    assertThat(cfn.physicalId(GitSyncApp.SYNC)).isEqualTo("app|CFN_STACK_SYNC");
    assertThat(cfn.gitSync.links())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.repositoryName()).isEqualTo("platform");
              assertThat(
                      cfn.gitSync.syncConfigurations().get("app|CFN_STACK_SYNC").repositoryLinkId())
                  .isEqualTo(l.id());
            });
  }

  /** What RepositoryLink's synth check prevents: a link on a connection nobody finished. */
  @Test
  void aLinkOnAPendingConnectionFailsAndRollsBack() {
    String pending =
        standIn.seedConnection(Namespace.CODECONNECTIONS, "pending", "GitHub", null, "PENDING");
    DeployResult r = deploy(GitSyncApp.on(pending), "ROLLBACK_COMPLETE");
    assertThat(r.reason()).contains("is PENDING, not AVAILABLE");
    assertThat(cfn.gitSync.links()).isEmpty();
  }

  /**
   * A link on a connection the stack makes waits for its handshake ({@code waitForAvailable}): made
   * once a person finishes it during the deploy; without one, the check's wait fails the deploy
   * before the link is made, and the rollback deletes the new connection.
   */
  @Test
  void aLinkOnANewConnectionWaitsForItsHandshake() {
    DeployResult alone = deploy(GitSyncApp.onANewConnection(), "ROLLBACK_COMPLETE");
    assertThat(alone.reason())
        .startsWith(GitSyncApp.LINK + "WaitForHandshake")
        .contains("Waited 600 s; still not AVAILABLE. Connection '" + GitSyncApp.CONNECTION_NAME);
    assertThat(cfn.gitSync.links()).isEmpty();
    assertThat(standIn.connections()).isEmpty();

    standIn.finishHandshakeAfter(GitSyncApp.CONNECTION_NAME, 3);
    deploy(GitSyncApp.onANewConnection(), "CREATE_COMPLETE");
    String connection = standIn.connections().get(0).arn();
    assertThat(cfn.gitSync.links())
        .singleElement()
        .satisfies(l -> assertThat(l.connectionArn()).isEqualTo(connection));
  }

  /**
   * What SyncConfiguration's synth check prevents: a retained sync configuration keeps its link
   * from being deleted, so the stack's deletion fails.
   */
  @Test
  void aSyncKeptOnADeletedLinkFailsTheStacksDeletion() {
    deploy(GitSyncApp.on(availableConnection()).keepingTheSyncOnDeletedLink(), "CREATE_COMPLETE");
    DeployResult r = deleteStack("DELETE_FAILED");
    assertThat(r.reason()).contains("SyncConfigurationStillExistsException");
    assertThat(cfn.gitSync.links()).hasSize(1);
    assertThat(List.copyOf(cfn.gitSync.syncConfigurations().keySet()))
        .containsExactly("app|CFN_STACK_SYNC");
  }
}
