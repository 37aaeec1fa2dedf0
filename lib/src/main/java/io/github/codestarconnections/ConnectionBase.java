package io.github.codestarconnections;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.Construct;

/**
 * What owned and imported connections share: the grants, written once.
 *
 * <p>Extend it only through {@link Connection}; it is public so that its methods show in the IDE.
 */
public abstract class ConnectionBase extends Resource implements IConnection {
  /** The action CodePipeline and CodeBuild need to fetch source through a connection. */
  static final String USE_CONNECTION = "UseConnection";

  ConnectionBase(Construct scope, String id, ResourceProps props) {
    super(scope, id, props);
  }

  /**
   * The namespace of this connection's ARN, when it is known at synth.
   *
   * @return the namespace; empty for an imported token ARN
   */
  public abstract Optional<ServiceNamespace> getServiceNamespace();

  @Override
  public Grant grantUse(IGrantable grantee) {
    List<ServiceNamespace> namespaces =
        getServiceNamespace()
            .map(List::of)
            .orElseGet(() -> Arrays.asList(ServiceNamespace.values()));
    return grant(
        grantee, namespaces.stream().map(ns -> ns.action(USE_CONNECTION)).toArray(String[]::new));
  }

  @Override
  public Grant grant(IGrantable grantee, String... actions) {
    return Grant.addToPrincipal(
        GrantOnPrincipalOptions.builder()
            .grantee(grantee)
            .actions(Arrays.asList(actions))
            .resourceArns(List.of(getConnectionArn()))
            .build());
  }
}
