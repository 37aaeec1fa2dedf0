package io.github.codestarconnections;

import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.constructs.IConstruct;

/**
 * Makes the CodeBuild projects it visits depend on a construct, once the tree is complete: a source
 * is bound before its project's {@code CfnProject} exists, and a role may be granted before its
 * projects are made. It visits the projects whose service role is a given ARN, or every one when
 * none is given.
 */
final class ProjectDependency implements IAspect {
  private final String roleArn;
  private final IConstruct target;

  /**
   * @param roleArn the projects' role ARN (the token a project renders as its {@code ServiceRole}),
   *     or null for every project visited
   * @param target what they must wait for
   */
  ProjectDependency(String roleArn, IConstruct target) {
    this.roleArn = roleArn;
    this.target = target;
  }

  @Override
  public void visit(IConstruct node) {
    if (node instanceof CfnProject project
        && (roleArn == null || roleArn.equals(project.getServiceRole()))) {
      project.getNode().addDependency(target);
    }
  }
}
