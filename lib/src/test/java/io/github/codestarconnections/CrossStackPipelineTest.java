package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
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

    // The connections stack exports the connection's ARN (an output of its own, beside the
    // handshake address) ...
    String connectionId = connections.getLogicalId((CfnElement) github.getNode().getDefaultChild());
    Map<String, Map<String, Object>> exports =
        Template.fromStack(connections)
            .findOutputs(
                "*",
                Map.of(
                    "Value",
                    Map.of("Fn::GetAtt", List.of(connectionId, "ConnectionArn")),
                    "Export",
                    Match.anyValue()));
    assertThat(exports).hasSize(1);
    Object exportName = ((Map<?, ?>) exports.values().iterator().next().get("Export")).get("Name");
    Map<String, Object> imported = Map.of("Fn::ImportValue", exportName);

    // ... which the pipeline stack's source action and its role's grant import, in the
    // connection's own namespace; so the pipeline stack deploys after the connections stack.
    Template pipeline = Template.fromStack(pipelines);
    assertThat(UseConnectionStatements.of(pipeline))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions()).containsExactly("codeconnections:UseConnection");
              assertThat(u.resource()).isEqualTo(imported);
            });
    pipeline.hasResourceProperties(
        "AWS::CodePipeline::Pipeline",
        Map.of(
            "Stages",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of(
                            "Actions",
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "Configuration",
                                        Match.objectLike(
                                            Map.of("ConnectionArn", imported)))))))))));
    assertThat(UseConnectionStatements.of(Template.fromStack(connections))).isEmpty();
    assertThat(pipelines.getDependencies()).containsExactly(connections);
  }
}
