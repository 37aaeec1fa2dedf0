/**
 * Snapshot tests of CDK stacks that a library upgrade does not break: {@link
 * io.github.codestarconnections.snapshot.CanonicalTemplate} (a template's canonical JSON), {@link
 * io.github.codestarconnections.snapshot.CdkJson} (the context {@code cdk synth} gives the app),
 * and the java-snapshot-testing glue ({@link
 * io.github.codestarconnections.snapshot.TemplateSnapshotExtension}). A test-scoped artifact:
 * nothing here belongs on an app's runtime classpath.
 */
package io.github.codestarconnections.snapshot;
