package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ShellStep;

class ConnectionSourceTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private List<UseConnectionStatements.Use> synth(CodePipelineSource source) {
    CodePipeline.Builder.create(stack, "Pipeline")
        .synth(
            ShellStep.Builder.create("Synth")
                .input(source)
                .commands(List.of("npx cdk synth"))
                .build())
        .build();
    return UseConnectionStatements.of(Template.fromStack(stack));
  }

  @Test
  void codeconnectionsConnectionGrantsOnlyItsPrefixAndConfiguresTheAction() {
    Connection c =
        Connection.Builder.create(stack, "C")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    List<UseConnectionStatements.Use> uses = synth(ConnectionSource.of(c, "acme/service", "main"));

    Map<String, Object> arnRef =
        Map.of(
            "Fn::GetAtt",
            List.of(
                stack.getLogicalId(
                    (software.amazon.awscdk.CfnElement) c.getNode().getDefaultChild()),
                "ConnectionArn"));
    assertThat(uses)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions()).containsExactly("codeconnections:UseConnection");
              assertThat(u.resource()).isEqualTo(arnRef);
            });
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodePipeline::Pipeline",
            Map.of(
                "Stages",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Name",
                                "Source",
                                "Actions",
                                List.of(
                                    Match.objectLike(
                                        Map.of(
                                            "Name",
                                            "acme_service",
                                            "ActionTypeId",
                                            Match.objectLike(
                                                Map.of("Provider", "CodeStarSourceConnection")),
                                            "Configuration",
                                            Map.of(
                                                "ConnectionArn",
                                                arnRef,
                                                "FullRepositoryId",
                                                "acme/service",
                                                "BranchName",
                                                "main"))))))))));
  }

  @Test
  void ssmImportedConnectionGrantsBothPrefixesOnTheParameterValue() {
    IConnection c = Connection.fromConnectionArnParameter(stack, "C", "/ci/connections/github");

    List<UseConnectionStatements.Use> uses = synth(ConnectionSource.of(c, "acme/service", "main"));

    assertThat(uses)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions())
                  .containsExactly(
                      "codestar-connections:UseConnection", "codeconnections:UseConnection");
              assertThat(u.resource()).isInstanceOf(Map.class);
              assertThat(((Map<?, ?>) u.resource()).get("Ref").toString())
                  .startsWith("SsmParameterValueciconnectionsgithub");
            });
  }

  @Test
  void ssmImportWithAKnownNamespaceGrantsOnlyThatPrefix() {
    IConnection c =
        Connection.fromConnectionArnParameter(
            stack, "C", "/ci/connections/github", ServiceNamespace.CODESTAR_CONNECTIONS);

    assertThat(synth(ConnectionSource.of(c, "acme/service", "main")))
        .singleElement()
        .satisfies(
            u -> assertThat(u.actions()).containsExactly("codestar-connections:UseConnection"));
  }

  @Test
  void cloneOutputGrantsTheSynthProjectToo() {
    IConnection c =
        Connection.fromConnectionArn(stack, "C", ConnectionSourceActionTest.CODECONNECTIONS_ARN);

    List<UseConnectionStatements.Use> uses =
        synth(
            ConnectionSource.Builder.create(c, "acme/service", "main")
                .actionName("GitHub")
                .codeBuildCloneOutput(true)
                .triggerOnPush(false)
                .build());

    assertThat(uses).hasSize(2);
    assertThat(uses)
        .allSatisfy(u -> assertThat(u.actions()).containsExactly("codeconnections:UseConnection"));
    assertThat(uses)
        .extracting(UseConnectionStatements.Use::policy)
        .anySatisfy(p -> assertThat(p).contains("Source"))
        .anySatisfy(p -> assertThat(p).contains("Synth"));
  }

  @Test
  void rejectsBadRepoStringsAndBranchesEarly() {
    IConnection c =
        Connection.fromConnectionArn(stack, "C", ConnectionSourceActionTest.CODESTAR_ARN);

    assertThatThrownBy(() -> ConnectionSource.of(c, "service", "main"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ConnectionSource 'service' on connection at 'Stack/C'")
        .hasMessageContaining("is not 'owner/repo'");
    assertThatThrownBy(() -> ConnectionSource.of(c, "acme/", "main"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repoString 'acme/' is not 'owner/repo'");
    assertThatThrownBy(() -> ConnectionSource.of(c, "acme/service", "bad branch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branch 'bad branch' is not a valid Git branch name");
    assertThatThrownBy(() -> ConnectionSource.of((IConnection) null, "acme/service", "main"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection is required");
  }
}
