package io.github.codestarconnections;

/**
 * When Git sync begins an update of the stack it syncs ({@code TriggerResourceUpdateOn} of {@code
 * AWS::CodeStarConnections::SyncConfiguration}; CreateSyncConfiguration: "When to trigger Git sync
 * to begin the stack update"). Git sync watches two files of the branch, the stack deployment file
 * and the template it names (CloudFormation User Guide, "Syncing stacks with source code stored in
 * a Git repository with Git sync").
 */
public enum SyncTrigger {
  /** {@code ANY_CHANGE}: any change pushed to the branch. */
  ANY_CHANGE,
  /** {@code FILE_CHANGE}: a change to the watched files, the deployment file or its template. */
  FILE_CHANGE
}
