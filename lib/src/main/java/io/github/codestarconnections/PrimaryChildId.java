package io.github.codestarconnections;

import software.amazon.awscdk.CfnResource;
import software.constructs.Construct;

/**
 * The construct id of the CloudFormation resource under a {@link Host} or {@link Connection}, and
 * so part of its logical id: the one place that maps what fixes a resource's type (and, for the
 * custom resource, its service token) to an id.
 *
 * <p>Why the id must follow the type and the token: CloudFormation refuses a change set that gives
 * a logical id another resource type ("Update of resource type is not permitted"; e.g.
 * aws/aws-sam-cli#6786), and fails the update of a custom resource whose {@code ServiceToken}
 * changes ("Modifying service token is not allowed"; the {@code
 * AWS::CloudFormation::CustomResource} page of the CloudFormation User Guide: "Updates are not
 * supported", aws/aws-cdk#1061, aws-cloudformation/cloudformation-coverage-roadmap#802). A new
 * logical id instead is a new resource: CloudFormation creates it, then deletes (or, under a
 * retaining removal policy, leaves) the old one.
 *
 * <p>The defaults, a custom-resource host in {@code codestar-connections} and {@code
 * AWS::CodeStarConnections::Connection}, keep {@code Resource}, the id they always had, so deployed
 * stacks do not change. Every other combination has an id of its own; since CDK finds a default
 * child only under {@code Resource} or {@code Default}, {@link #adopt} makes it the default child
 * (so {@code applyRemovalPolicy}, {@code Tags.of} and escape hatches keep working).
 */
final class PrimaryChildId {
  /** The id CDK's L2s use, kept for the defaults. */
  static final String DEFAULT = "Resource";

  /**
   * A custom-resource host served by the codeconnections provider;
   * AWS::CodeConnections::Connection.
   */
  static final String CODECONNECTIONS = "CodeConnectionsResource";

  /** AWS::CodeConnections::Host. */
  static final String NATIVE = "NativeResource";

  /** A deploy-time read served by the codestar-connections provider. */
  static final String CODESTAR_CONNECTIONS_READ = "CodeStarConnectionsResource";

  private PrimaryChildId() {}

  /**
   * The id of a host's resource: its type is the backend's, and a custom resource's token is its
   * namespace's provider.
   *
   * @param backend the host's backend
   * @param namespace the host's namespace
   * @return the child id
   */
  static String host(HostBackend backend, ServiceNamespace namespace) {
    if (backend == HostBackend.NATIVE) {
      return NATIVE;
    }
    return namespace == ServiceNamespace.CODECONNECTIONS ? CODECONNECTIONS : DEFAULT;
  }

  /**
   * The id of a connection's resource: its type is its namespace's.
   *
   * @param namespace the connection's namespace
   * @return the child id
   */
  static String connection(ServiceNamespace namespace) {
    return namespace == ServiceNamespace.CODECONNECTIONS ? CODECONNECTIONS : DEFAULT;
  }

  /**
   * The id of a deploy-time read's resource (a connection lookup, a readiness check): its token is
   * its namespace's provider, and the default is the codeconnections one (reads are new: no id of
   * the past to keep).
   *
   * @param providerNamespace the namespace of the provider serving it
   * @return the child id
   */
  static String read(ServiceNamespace providerNamespace) {
    return providerNamespace == ServiceNamespace.CODECONNECTIONS
        ? DEFAULT
        : CODESTAR_CONNECTIONS_READ;
  }

  /**
   * Makes a resource its owner's default child, where CDK would not find it by its id.
   *
   * @param owner the Host, Connection or read
   * @param id the id the resource was made under, one of those above
   * @param resource its CloudFormation resource
   */
  static void adopt(Construct owner, String id, CfnResource resource) {
    if (!DEFAULT.equals(id)) {
      owner.getNode().setDefaultChild(resource);
    }
  }
}
