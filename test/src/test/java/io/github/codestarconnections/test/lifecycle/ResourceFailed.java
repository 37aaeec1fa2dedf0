package io.github.codestarconnections.test.lifecycle;

/** A resource operation that failed, with the physical id the failure reported, if any. */
final class ResourceFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient String physicalId;

  ResourceFailed(String physicalId, String reason) {
    super(reason);
    this.physicalId = physicalId;
  }
}
