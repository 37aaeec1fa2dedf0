package io.github.codestarconnections;

/**
 * What makes a {@link Host} in CloudFormation: this library's custom resource, or CloudFormation's
 * own {@code AWS::CodeConnections::Host}.
 *
 * <p>Both take the same props and give the same {@link IHost}. Changing a deployed host's backend
 * replaces the host (a new logical id, a new host to set up in the console): see the README's
 * "Switching backend or namespace" before switching.
 */
public enum HostBackend {
  /**
   * A custom resource ({@code Custom::CodeStarConnectionsHost}) served by this library's Java
   * Lambda handler through the CDK Provider framework: one provider per stack and namespace (two
   * Java functions, the framework's three functions and a Step Functions waiter, their roles and
   * log groups). Works in both namespaces, {@link ServiceNamespace#CODESTAR_CONNECTIONS} and {@link
   * ServiceNamespace#CODECONNECTIONS}.
   */
  CUSTOM_RESOURCE,

  /**
   * CloudFormation's own resource type {@code AWS::CodeConnections::Host} (the L1 {@code CfnHost}):
   * no Lambda, no provider, no IAM role in the stack; CloudFormation's handler calls the service
   * with the deploying role's rights. {@link ServiceNamespace#CODECONNECTIONS} only: there is no
   * {@code AWS::CodeStarConnections::Host}.
   */
  NATIVE
}
