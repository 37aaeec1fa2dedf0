package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.ConnectionLookupProps;
import io.github.codestarconnections.ConnectionSourceAction;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ReadinessCheck;
import io.github.codestarconnections.ReadinessMode;
import io.github.codestarconnections.Rerun;
import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.PipelineProject;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeBuildAction;

/**
 * A pipeline stack of another app than the connection's, as a user writes one: it finds its
 * connection by name ({@link Connection#fromConnectionName}), and may check its status first.
 * Described by value, synthesized once per JVM.
 *
 * @param connectionName the name to look up
 * @param namespace the namespace to narrow the lookup to, or null
 * @param check the readiness check's mode, or null for no check
 * @param rerun the value of {@link Rerun#CONTEXT_KEY} for reads that re-run at every deployment, or
 *     null for reads that run on change only
 */
public record PipelineApp(
    String connectionName, ServiceNamespace namespace, ReadinessMode check, String rerun) {
  /** The logical id prefix of the pipeline. */
  static final String PIPELINE = "Pipeline";

  private static final Map<PipelineApp, Map<String, Object>> TEMPLATES = new ConcurrentHashMap<>();

  /**
   * A pipeline on the connection of that name, nothing else.
   *
   * @param connectionName the name
   * @return the app
   */
  public static PipelineApp lookingUp(String connectionName) {
    return new PipelineApp(connectionName, null, null, null);
  }

  /** The same app, looking only in a namespace. */
  PipelineApp in(ServiceNamespace ns) {
    return new PipelineApp(connectionName, ns, check, rerun);
  }

  /** The same app with a readiness check of the connection. */
  PipelineApp checking(ReadinessMode mode) {
    return new PipelineApp(connectionName, namespace, mode, rerun);
  }

  /** The same app, its reads re-run at every deployment with this context value. */
  PipelineApp rerun(String value) {
    return new PipelineApp(connectionName, namespace, check, value);
  }

  /**
   * The stack's template, synthesized on first use.
   *
   * @return the template (shared: never change it)
   */
  public Map<String, Object> template() {
    return TEMPLATES.computeIfAbsent(this, PipelineApp::synthesize);
  }

  private static Map<String, Object> synthesize(PipelineApp spec) {
    App app =
        App.Builder.create()
            .context(spec.rerun == null ? Map.of() : Map.of(Rerun.CONTEXT_KEY, spec.rerun))
            .build();
    Stack stack = new Stack(app, LifecycleApp.STACK);
    Rerun rerun = spec.rerun == null ? Rerun.ON_CHANGE : Rerun.EVERY_DEPLOY;
    IConnection github =
        spec.namespace == null && rerun == Rerun.ON_CHANGE
            ? Connection.fromConnectionName(stack, "GitHub", spec.connectionName)
            : Connection.fromConnectionLookup(
                stack,
                "GitHub",
                ConnectionLookupProps.builder()
                    .connectionName(spec.connectionName)
                    .serviceNamespace(spec.namespace)
                    .rerun(rerun)
                    .build());
    ReadinessCheck ready = null;
    if (spec.check != null) {
      ReadinessCheck.Builder b =
          ReadinessCheck.Builder.create(stack, "GitHubReady")
              .connection(github)
              .mode(spec.check)
              .rerun(rerun);
      if (spec.check == ReadinessMode.WAIT_FOR_AVAILABLE) {
        b.timeout(Duration.minutes(5));
      }
      ready = b.build();
    }
    Artifact source = new Artifact("Source");
    PipelineProject build =
        PipelineProject.Builder.create(stack, "Build")
            .buildSpec(
                BuildSpec.fromObject(
                    Map.of("version", "0.2", "phases", Map.of("build", Map.of("commands", "ls")))))
            .build();
    Pipeline pipeline =
        Pipeline.Builder.create(stack, PIPELINE)
            .pipelineType(PipelineType.V2)
            .crossAccountKeys(false)
            .stages(
                List.of(
                    StageProps.builder()
                        .stageName("Source")
                        .actions(
                            List.of(
                                ConnectionSourceAction.Builder.create()
                                    .actionName("GitHub")
                                    .connection(github)
                                    .owner("acme")
                                    .repo("app")
                                    .branch("main")
                                    .output(source)
                                    .build()))
                        .build(),
                    StageProps.builder()
                        .stageName("Build")
                        .actions(
                            List.of(
                                CodeBuildAction.Builder.create()
                                    .actionName("Build")
                                    .project(build)
                                    .input(source)
                                    .build()))
                        .build()))
            .build();
    if (ready != null) {
      // What the README advises: no pipeline on a connection the check refused.
      pipeline.getNode().addDependency(ready);
    }
    return Template.fromStack(stack).toJSON();
  }
}
