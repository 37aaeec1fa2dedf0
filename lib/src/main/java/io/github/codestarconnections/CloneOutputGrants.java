package io.github.codestarconnections;

import java.util.List;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.codebuild.IProject;
import software.amazon.awscdk.services.codepipeline.ActionProperties;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.IAction;
import software.amazon.awscdk.services.codepipeline.IPipeline;
import software.amazon.awscdk.services.codepipeline.IStage;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.constructs.IConstruct;

/**
 * Once the pipeline is complete, grants {@code UseConnection} to every CodeBuild project that reads
 * the clone output: they fetch the repository themselves, through the connection.
 */
final class CloneOutputGrants implements IAspect {
  private final IPipeline pipeline;
  private final Artifact output;
  private final IConnection connection;
  private boolean done;

  CloneOutputGrants(IPipeline pipeline, Artifact output, IConnection connection) {
    this.pipeline = pipeline;
    this.output = output;
    this.connection = connection;
  }

  @Override
  public void visit(IConstruct node) {
    if (done
        || !node.getNode().getPath().equals(pipeline.getNode().getPath())
        || !(pipeline instanceof Pipeline owned)) {
      return;
    }
    done = true;
    for (IStage stage : owned.getStages()) {
      for (IAction action : stage.getActions()) {
        ActionProperties properties = action.getActionProperties();
        IResource resource = properties.getResource();
        if (resource instanceof IProject project && readsOutput(properties.getInputs())) {
          connection.grantUse(project);
        }
      }
    }
  }

  private boolean readsOutput(List<Artifact> inputs) {
    if (inputs == null) {
      return false;
    }
    for (Artifact input : inputs) {
      if (input == output
          || (input.getArtifactName() != null
              && input.getArtifactName().equals(output.getArtifactName()))) {
        return true;
      }
    }
    return false;
  }
}
