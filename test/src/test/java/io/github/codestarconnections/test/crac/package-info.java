/**
 * A stand-in of the runtime side of org.crac: what Lambda's Java runtime provides to run
 * SnapStart's hooks. org.crac delegates to the package named by the {@code org.crac.Core.Compat}
 * system property, reflecting on its {@code Core}, {@code Context}, {@code Resource}, {@code
 * CheckpointException} and {@code RestoreException}; set it to this package, and {@link
 * io.github.codestarconnections.test.crac.Core#getGlobalContext()} runs the registered hooks when
 * asked, as Lambda does before a snapshot and after a restore.
 */
package io.github.codestarconnections.test.crac;
