package io.github.codestarconnections;

import java.util.ArrayList;
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

  /**
   * What a CodeBuild project's role needs to use a connection as its source. CodeBuild documents
   * {@code GetConnectionToken} and {@code GetConnection} for the project role
   * (https://docs.aws.amazon.com/codebuild/latest/userguide/connections-github-app.html, step 2);
   * the policy the CodeBuild console attaches for a connection ({@code
   * CodeBuildCodeConnectionsSourceCredentialsPolicy}) also has {@code UseConnection}, which
   * CodePipeline's clone output needs too. The docs disagree, so all three are granted: both
   * readings then work, on the one connection only.
   */
  static final List<String> CODEBUILD_ACTIONS =
      List.of("GetConnectionToken", "GetConnection", USE_CONNECTION);

  ConnectionBase(Construct scope, String id, ResourceProps props) {
    super(scope, id, props);
  }

  /**
   * The namespace of this connection's ARN, when it is known at synth.
   *
   * @return the namespace; empty for an imported token ARN
   */
  @Override
  public abstract Optional<ServiceNamespace> getServiceNamespace();

  @Override
  public Grant grantUse(IGrantable grantee) {
    return grantInOwnNamespace(grantee, List.of(USE_CONNECTION));
  }

  @Override
  public Grant grantCodeBuildUse(IGrantable grantee) {
    // In a policy the project depends on: CodeBuild uses the grant while the project is created.
    return grantInOwnNamespace(CodeBuildRoleGrants.principalFor(grantee), CODEBUILD_ACTIONS);
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

  /**
   * This connection as aws-cdk's reference: its ARN, in whichever namespace it was made. Declared
   * here, not as a default method of {@link IConnection}: the jsii kernel sees only methods a class
   * declares, and aws-cdk reads the reference there.
   *
   * @return the reference
   */
  @Override
  public software.amazon.awscdk.interfaces.codestarconnections.ConnectionReference
      getConnectionRef() {
    return software.amazon.awscdk.interfaces.codestarconnections.ConnectionReference.builder()
        .connectionArn(getConnectionArn())
        .build();
  }

  /**
   * Grants the named actions with the prefix of this connection's namespace, or with both prefixes
   * when the namespace is unknown: IAM matches the action's prefix with the ARN's
   * (https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html).
   */
  private Grant grantInOwnNamespace(IGrantable grantee, List<String> actionNames) {
    List<ServiceNamespace> namespaces =
        getServiceNamespace()
            .map(List::of)
            .orElseGet(() -> Arrays.asList(ServiceNamespace.values()));
    List<String> actions = new ArrayList<>();
    for (ServiceNamespace ns : namespaces) {
      for (String name : actionNames) {
        actions.add(ns.action(name));
      }
    }
    return grant(grantee, actions.toArray(String[]::new));
  }
}
