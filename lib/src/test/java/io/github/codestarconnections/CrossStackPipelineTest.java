package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codepipeline.Artifact;

/** A connections stack and a pipeline stack in one app, joined by plain references. */
class CrossStackPipelineTest {
  @Test
  void aPipelineStackUsesAConnectionOfAnotherStackThroughAnImportedExport() {
    App app = new App();
    Stack connections = new Stack(app, "Connections");
    Stack pipelines = new Stack(app, "Pipelines");
    Connection github =
        Connection.Builder.create(connections, "GitHub")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    Artifact source = new Artifact("Source");
    ConnectionSourceActionTest.pipeline(
        pipelines, ConnectionSourceActionTest.source(github, source).build(), source);

    assertThat(UseConnectionStatements.of(Template.fromStack(pipelines)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions()).containsExactly("codeconnections:UseConnection");
              assertThat(u.resource()).isInstanceOf(Map.class);
              assertThat(((Map<?, ?>) u.resource()).containsKey("Fn::ImportValue")).isTrue();
            });
    assertThat(UseConnectionStatements.of(Template.fromStack(connections))).isEmpty();
    assertThat(Template.fromStack(connections).findOutputs("*")).isNotEmpty();
    assertThat(pipelines.getDependencies()).containsExactly(connections);
    assertThat(List.of(github.getServiceNamespace().orElseThrow()))
        .containsExactly(ServiceNamespace.CODECONNECTIONS);
  }
}
