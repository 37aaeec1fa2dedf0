package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.EventAction;
import software.amazon.awscdk.services.codebuild.ISource;
import software.amazon.awscdk.services.codebuild.Project;

/** What a {@link CodeBuildSource} puts in the template, and the grants it makes. */
class CodeBuildSourceTest {
  static final String CODESTAR_ARN = ConnectionSourceActionTest.CODESTAR_ARN;
  static final String CODECONNECTIONS_ARN = ConnectionSourceActionTest.CODECONNECTIONS_ARN;

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  static Project project(Stack stack, ISource source) {
    return Project.Builder.create(stack, "Project")
        .source(source)
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
  }

  private Map<String, Object> projectProperties() {
    return Template.fromStack(stack).findResources("AWS::CodeBuild::Project").values().stream()
        .findFirst()
        .map(r -> castMap(r.get("Properties")))
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void gitHubSourceRendersLocationAuthAndGitSettings() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODECONNECTIONS_ARN);
    project(
        stack,
        CodeBuildSource.gitHub(
            CodeBuildSourceProps.builder()
                .connection(c)
                .owner("acme")
                .repo("service")
                .branchOrRef("main")
                .cloneDepth(1)
                .fetchSubmodules(true)
                .buildStatusContext("build $CODEBUILD_BUILD_NUMBER")
                .build()));

    Map<String, Object> props = projectProperties();
    assertThat(castMap(props.get("Source")))
        .containsEntry("Type", "GITHUB")
        .containsEntry("Location", "https://github.com/acme/service.git")
        .containsEntry("Auth", Map.of("Type", "CODECONNECTIONS", "Resource", CODECONNECTIONS_ARN))
        .containsEntry("GitCloneDepth", 1)
        .containsEntry("GitSubmodulesConfig", Map.of("FetchSubmodules", true))
        .containsEntry("ReportBuildStatus", true)
        .containsEntry("BuildStatusConfig", Map.of("Context", "build $CODEBUILD_BUILD_NUMBER"));
    assertThat(props).containsEntry("SourceVersion", "main").doesNotContainKey("Triggers");
  }

  @Test
  void eachProviderHasItsTypeAndLocation() {
    record Case(CodeBuildSource source, String type, String location) {}
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    CodeBuildSourceProps cloud =
        CodeBuildSourceProps.builder().connection(c).owner("acme").repo("svc").build();
    List<Case> cases =
        List.of(
            new Case(CodeBuildSource.gitHub(cloud), "GITHUB", "https://github.com/acme/svc.git"),
            new Case(CodeBuildSource.gitLab(cloud), "GITLAB", "https://gitlab.com/acme/svc.git"),
            new Case(
                CodeBuildSource.bitbucket(cloud),
                "BITBUCKET",
                "https://bitbucket.org/acme/svc.git"),
            new Case(
                CodeBuildSource.gitHubEnterprise(
                    CodeBuildSourceProps.builder()
                        .connection(c)
                        .repositoryUrl("https://github.example.com/acme/svc.git")
                        .build()),
                "GITHUB_ENTERPRISE",
                "https://github.example.com/acme/svc.git"),
            new Case(
                CodeBuildSource.gitLabSelfManaged(
                    CodeBuildSourceProps.builder()
                        .connection(c)
                        .repositoryUrl("https://gitlab.example.com/group/sub/svc")
                        .build()),
                "GITLAB_SELF_MANAGED",
                "https://gitlab.example.com/group/sub/svc"));
    for (Case k : cases) {
      assertThat(k.source().getType()).isEqualTo(k.type());
      assertThat(k.source().getLocation()).isEqualTo(k.location());
    }
  }

  @Test
  void gitLabOwnerMayHoldSubgroups() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    CodeBuildSource source =
        CodeBuildSource.gitLab(
            CodeBuildSourceProps.builder().connection(c).owner("group/sub").repo("svc").build());
    assertThat(source.getLocation()).isEqualTo("https://gitlab.com/group/sub/svc.git");
  }

  @Test
  void webhookRendersFilterGroupsBuildTypeAndEnablesBatchBuilds() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    project(
        stack,
        CodeBuildSource.gitHub(
            CodeBuildSourceProps.builder()
                .connection(c)
                .owner("acme")
                .repo("service")
                .webhookBuildType(WebhookBuildType.BUILD_BATCH)
                .webhookFilters(
                    List.of(
                        WebhookFilterGroup.inEventOf(EventAction.PUSH)
                            .andBranchIs("main")
                            .andActorAccountIs("^1234$"),
                        WebhookFilterGroup.inEventOf(
                                EventAction.PULL_REQUEST_CREATED, EventAction.PULL_REQUEST_UPDATED)
                            .andBaseBranchIs("main")
                            .andFilePathIsNot("^docs/")))
                .build()));

    Map<String, Object> props = projectProperties();
    assertThat(props.get("Triggers"))
        .isEqualTo(
            Map.of(
                "Webhook",
                true,
                "BuildType",
                "BUILD_BATCH",
                "FilterGroups",
                List.of(
                    List.of(
                        Map.of("Type", "EVENT", "Pattern", "PUSH"),
                        Map.of("Type", "HEAD_REF", "Pattern", "^refs/heads/main$"),
                        Map.of("Type", "ACTOR_ACCOUNT_ID", "Pattern", "^1234$")),
                    List.of(
                        Map.of(
                            "Type",
                            "EVENT",
                            "Pattern",
                            "PULL_REQUEST_CREATED, PULL_REQUEST_UPDATED"),
                        Map.of("Type", "BASE_REF", "Pattern", "^refs/heads/main$"),
                        Map.of(
                            "Type",
                            "FILE_PATH",
                            "Pattern",
                            "^docs/",
                            "ExcludeMatchedPattern",
                            true)))));
    // BUILD_BATCH needs the project's batch configuration (a batch service role).
    assertThat(castMap(props.get("BuildBatchConfig"))).containsKey("ServiceRole");
  }

  @Test
  void scopedWebhookUsesTheDefaultLocationAndScopeConfiguration() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    project(
        stack,
        CodeBuildSource.gitHub(
            CodeBuildSourceProps.builder()
                .connection(c)
                .webhookScope(WebhookScope.gitHubOrganization("acme"))
                .webhookFilters(
                    List.of(
                        WebhookFilterGroup.inEventOf(EventAction.WORKFLOW_JOB_QUEUED)
                            .andRepositoryNameIs("^service-.*$")))
                .build()));

    Map<String, Object> props = projectProperties();
    assertThat(castMap(props.get("Source")))
        .containsEntry("Location", "CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION");
    assertThat(castMap(props.get("Triggers")))
        .containsEntry("Webhook", true)
        .containsEntry(
            "ScopeConfiguration", Map.of("Name", "acme", "Scope", "GITHUB_ORGANIZATION"));
  }

  @Test
  void gitLabSelfManagedGroupScopeCarriesTheDomain() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    project(
        stack,
        CodeBuildSource.gitLabSelfManaged(
            CodeBuildSourceProps.builder()
                .connection(c)
                .webhookScope(WebhookScope.gitLabGroup("platform").withDomain("gitlab.example.com"))
                .build()));

    assertThat(castMap(projectProperties().get("Triggers")).get("ScopeConfiguration"))
        .isEqualTo(
            Map.of("Name", "platform", "Scope", "GITLAB_GROUP", "Domain", "gitlab.example.com"));
  }

  @Test
  void aBuildTypeAloneMakesAWebhook() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    project(
        stack,
        CodeBuildSource.gitLab(
            CodeBuildSourceProps.builder()
                .connection(c)
                .owner("acme")
                .repo("svc")
                .webhookBuildType(WebhookBuildType.BUILD)
                .build()));

    assertThat(projectProperties().get("Triggers"))
        .isEqualTo(Map.of("Webhook", true, "BuildType", "BUILD"));
  }

  @Test
  void explicitWebhookFalseIsRenderedLikeAwsCdk() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    project(
        stack,
        CodeBuildSource.bitbucket(
            CodeBuildSourceProps.builder()
                .connection(c)
                .owner("acme")
                .repo("svc")
                .webhook(false)
                .reportBuildStatus(false)
                .build()));

    Map<String, Object> props = projectProperties();
    assertThat(props.get("Triggers")).isEqualTo(Map.of("Webhook", false));
    assertThat(castMap(props.get("Source"))).containsEntry("ReportBuildStatus", false);
  }

  @Test
  void ownedCodeconnectionsConnectionGrantsTheCodeBuildActionsInItsNamespaceOnly() {
    Connection c =
        Connection.Builder.create(stack, "C")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    project(
        stack,
        CodeBuildSource.fromConnection(
            CodeBuildSourceProps.builder().connection(c).owner("acme").repo("svc").build()));

    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions())
                  .containsExactly(
                      "codeconnections:GetConnectionToken",
                      "codeconnections:GetConnection",
                      "codeconnections:UseConnection");
              assertThat(u.resource())
                  .isEqualTo(
                      Map.of(
                          "Fn::GetAtt",
                          List.of(
                              stack.getLogicalId((CfnElement) c.getNode().getDefaultChild()),
                              "ConnectionArn")));
              // Not the role's default policy, which CloudFormation makes after the project.
              assertThat(u.policy()).startsWith("ProjectRoleCodeStarConnectionsGrantsPolicy");
            });
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeBuild::Project",
            Map.of(
                "Source",
                Match.objectLike(
                    Map.of(
                        "Auth",
                        Map.of(
                            "Type",
                            "CODECONNECTIONS",
                            "Resource",
                            Map.of(
                                "Fn::GetAtt",
                                List.of(
                                    stack.getLogicalId((CfnElement) c.getNode().getDefaultChild()),
                                    "ConnectionArn")))))));
  }

  @Test
  void importedLiteralArnsGrantTheirOwnPrefix() {
    IConnection codestar = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    project(
        stack,
        CodeBuildSource.gitLab(
            CodeBuildSourceProps.builder().connection(codestar).owner("acme").repo("svc").build()));

    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions())
                  .containsExactly(
                      "codestar-connections:GetConnectionToken",
                      "codestar-connections:GetConnection",
                      "codestar-connections:UseConnection");
              assertThat(u.resource()).isEqualTo(CODESTAR_ARN);
            });
  }

  @Test
  void aTokenArnOfUnknownNamespaceGrantsBothPrefixes() {
    IConnection imported =
        Connection.fromConnectionArn(stack, "C", Fn.importValue("SharedConnectionArn"));
    project(
        stack,
        CodeBuildSource.gitHub(
            CodeBuildSourceProps.builder().connection(imported).owner("acme").repo("svc").build()));

    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions())
                  .containsExactly(
                      "codestar-connections:GetConnectionToken",
                      "codestar-connections:GetConnection",
                      "codestar-connections:UseConnection",
                      "codeconnections:GetConnectionToken",
                      "codeconnections:GetConnection",
                      "codeconnections:UseConnection");
              assertThat(u.resource()).isEqualTo(Map.of("Fn::ImportValue", "SharedConnectionArn"));
            });
  }

  @Test
  void aParameterImportOfKnownNamespaceGrantsOnlyThatPrefix() {
    IConnection imported =
        Connection.fromConnectionArnParameter(
            stack, "C", "/connections/github", ServiceNamespace.CODECONNECTIONS);
    project(
        stack,
        CodeBuildSource.gitHub(
            CodeBuildSourceProps.builder().connection(imported).owner("acme").repo("svc").build()));

    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(u -> assertThat(u.actions()).allMatch(a -> a.startsWith("codeconnections:")));
  }

  @Test
  void asSecondarySourceItKeepsItsIdentifierAndVersion() {
    IConnection c = Connection.fromConnectionArn(stack, "C", CODESTAR_ARN);
    Project p =
        project(
            stack,
            CodeBuildSource.gitHub(
                CodeBuildSourceProps.builder().connection(c).owner("acme").repo("app").build()));
    p.addSecondarySource(
        CodeBuildSource.gitLab(
            CodeBuildSourceProps.builder()
                .connection(c)
                .owner("acme")
                .repo("lib")
                .identifier("lib_src")
                .branchOrRef("v1.2.0")
                .build()));

    Map<String, Object> props = projectProperties();
    assertThat((List<?>) props.get("SecondarySources"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(castMap(s))
                    .containsEntry("SourceIdentifier", "lib_src")
                    .containsEntry("Type", "GITLAB"));
    assertThat(props.get("SecondarySourceVersions"))
        .isEqualTo(List.of(Map.of("SourceIdentifier", "lib_src", "SourceVersion", "v1.2.0")));
  }
}
