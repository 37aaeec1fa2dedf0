package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.PipelineProject;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.IAction;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageOptions;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeBuildAction;

class ConnectionSourceActionTest {
  static final String CODESTAR_ARN =
      "arn:aws:codestar-connections:eu-west-1:123456789012:connection/11111111-2222-3333-4444-555555555555";
  static final String CODECONNECTIONS_ARN =
      "arn:aws:codeconnections:eu-west-1:123456789012:connection/11111111-2222-3333-4444-555555555555";

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  static ConnectionSourceAction.Builder source(IConnection connection, Artifact output) {
    return ConnectionSourceAction.Builder.create()
        .actionName("Source")
        .connection(connection)
        .owner("acme")
        .repo("service")
        .branch("main")
        .output(output);
  }

  static Pipeline pipeline(Stack stack, IAction source, Artifact input) {
    Pipeline.Builder b = Pipeline.Builder.create(stack, "Pipeline").pipelineType(PipelineType.V2);
    StageProps sourceStage =
        StageProps.builder().stageName("Source").actions(List.of(source)).build();
    return b.stages(List.of(sourceStage, buildStage(stack, input))).build();
  }

  /** A stage with a CodeBuild action (project {@code Project}) reading the input. */
  static StageOptions buildStage(Stack stack, Artifact input) {
    IAction build =
        CodeBuildAction.Builder.create()
            .actionName("Build")
            .project(new PipelineProject(stack, "Project"))
            .input(input)
            .build();
    return StageOptions.builder().stageName("Build").actions(List.of(build)).build();
  }

  private List<UseConnectionStatements.Use> usesFor(IConnection connection, boolean clone) {
    Artifact out = new Artifact("Source");
    pipeline(stack, source(connection, out).codeBuildCloneOutput(clone).build(), out);
    return UseConnectionStatements.of(Template.fromStack(stack));
  }

  @Test
  void ownedCodestarConnectionGrantsOnlyTheCodestarActionToTheSourceRole() {
    Connection c = Connection.Builder.create(stack, "C").providerType(ProviderType.GITHUB).build();

    List<UseConnectionStatements.Use> uses = usesFor(c, false);

    assertThat(uses).hasSize(1);
    assertThat(uses.get(0).actions()).containsExactly("codestar-connections:UseConnection");
    assertThat(uses.get(0).resource())
        .isEqualTo(
            Map.of(
                "Fn::GetAtt",
                List.of(
                    stack.getLogicalId(
                        (software.amazon.awscdk.CfnElement) c.getNode().getDefaultChild()),
                    "ConnectionArn")));
    assertThat(uses.get(0).policy()).startsWith("PipelineSourceCodePipelineActionRole");
  }

  @Test
  void ownedCodeconnectionsConnectionGrantsOnlyTheCodeconnectionsAction() {
    Connection c =
        Connection.Builder.create(stack, "C")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    List<UseConnectionStatements.Use> uses = usesFor(c, false);

    assertThat(uses).hasSize(1);
    assertThat(uses.get(0).actions()).containsExactly("codeconnections:UseConnection");
  }

  @Test
  void importedArnsGrantTheirOwnPrefix() {
    IConnection codestar = Connection.fromConnectionArn(stack, "Codestar", CODESTAR_ARN);
    assertThat(usesFor(codestar, false))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions()).containsExactly("codestar-connections:UseConnection");
              assertThat(u.resource()).isEqualTo(CODESTAR_ARN);
            });

    Stack other = new Stack(new App(), "Other");
    IConnection cc = Connection.fromConnectionArn(other, "Cc", CODECONNECTIONS_ARN);
    Artifact out = new Artifact("Source");
    pipeline(other, source(cc, out).build(), out);
    assertThat(UseConnectionStatements.of(Template.fromStack(other)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions()).containsExactly("codeconnections:UseConnection");
              assertThat(u.resource()).isEqualTo(CODECONNECTIONS_ARN);
            });
  }

  @Test
  void aTokenArnFromAnExportGrantsBothPrefixes() {
    IConnection imported =
        Connection.fromConnectionArn(stack, "Imported", Fn.importValue("SharedConnectionArn"));

    assertThat(usesFor(imported, false))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions())
                  .containsExactly(
                      "codestar-connections:UseConnection", "codeconnections:UseConnection");
              assertThat(u.resource()).isEqualTo(Map.of("Fn::ImportValue", "SharedConnectionArn"));
            });
  }

  @Test
  void rendersTheActionConfigurationLikeAwsCdk() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    Artifact out = new Artifact("Source");
    pipeline(
        stack,
        source(c, out).triggerOnPush(false).variablesNamespace("SourceVariables").build(),
        out);

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodePipeline::Pipeline",
            Map.of(
                "Stages",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "Name",
                            "Source",
                            "Actions",
                            List.of(
                                Match.objectLike(
                                    Map.of(
                                        "ActionTypeId",
                                        Map.of(
                                            "Category",
                                            "Source",
                                            "Owner",
                                            "AWS",
                                            "Provider",
                                            "CodeStarSourceConnection",
                                            "Version",
                                            "1"),
                                        "Configuration",
                                        Map.of(
                                            "ConnectionArn",
                                            CODESTAR_ARN,
                                            "FullRepositoryId",
                                            "acme/service",
                                            "BranchName",
                                            "main",
                                            "DetectChanges",
                                            false),
                                        "Namespace",
                                        "SourceVariables",
                                        "OutputArtifacts",
                                        List.of(Map.of("Name", "Source"))))))))));
  }

  @Test
  void cloneOutputAlsoGrantsTheCodeBuildProjectsThatReadIt() {
    Connection c =
        Connection.Builder.create(stack, "C")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();

    List<UseConnectionStatements.Use> uses = usesFor(c, true);

    assertThat(uses).hasSize(2);
    assertThat(uses)
        .allSatisfy(u -> assertThat(u.actions()).containsExactly("codeconnections:UseConnection"));
    assertThat(uses)
        .extracting(UseConnectionStatements.Use::policy)
        .anySatisfy(p -> assertThat(p).startsWith("PipelineSourceCodePipelineActionRole"))
        .anySatisfy(p -> assertThat(p).startsWith("ProjectRoleDefaultPolicy"));
    Template.fromStack(stack)
        .hasResourceProperties(
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
                                                Map.of(
                                                    "OutputArtifactFormat",
                                                    "CODEBUILD_CLONE_REF")))))))))));
  }

  @Test
  void variablesAreCodePipelineExpressions() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    Artifact out = new Artifact("Source");
    ConnectionSourceAction action = source(c, out).variablesNamespace("Src").build();

    pipeline(stack, action, out);

    assertThat(stack.resolve(action.getVariables().getCommitId())).isEqualTo("#{Src.CommitId}");
    assertThat(stack.resolve(action.getVariables().getBranchName())).isEqualTo("#{Src.BranchName}");
    assertThat(action.getConnection()).isSameAs(c);
  }

  @Test
  void rejectsBadOwnerRepoAndBranchEarly() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    Artifact out = new Artifact("Source");

    assertThatThrownBy(() -> source(c, out).owner("acme inc").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ConnectionSourceAction 'Source': owner 'acme inc'");
    assertThatThrownBy(() -> source(c, out).repo("acme/service").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repo 'acme/service' is not a repository name");
    assertThatThrownBy(() -> source(c, out).branch("feature..x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branch 'feature..x' is not a valid Git branch name");
    assertThatThrownBy(() -> source(c, out).branch(null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("branch is null; it is required");
    assertThatThrownBy(() -> source(null, out).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection is required");
  }

  @Test
  void acceptsGitLabSubgroupsAndSlashBranches() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    Artifact out = new Artifact("Source");
    pipeline(stack, source(c, out).owner("group/subgroup").branch("release/1.x").build(), out);

    Template.fromStack(stack)
        .hasResourceProperties(
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
                                                Map.of(
                                                    "FullRepositoryId",
                                                    "group/subgroup/service",
                                                    "BranchName",
                                                    "release/1.x")))))))))));
  }
}
