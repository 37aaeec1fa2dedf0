package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codebuild.EventAction;

/** Every input CodeBuild would reject fails when the source is made, naming what and why. */
class CodeBuildSourceRulesTest {
  private final Stack stack = new Stack(new App(), "Stack");
  private final IConnection imported =
      Connection.fromConnectionArn(stack, "Imported", CodeBuildSourceTest.CODESTAR_ARN);
  private static final String WHO = "CodeBuildSource.gitHub on connection at 'Stack/Imported': ";

  private CodeBuildSourceProps.Builder gitHubProps() {
    return CodeBuildSourceProps.builder().connection(imported).owner("acme").repo("svc");
  }

  private static CodeBuildSource gitHub(CodeBuildSourceProps.Builder b) {
    return CodeBuildSource.gitHub(b.build());
  }

  private CodeBuildSource withGroups(WebhookFilterGroup... groups) {
    return gitHub(gitHubProps().webhookFilters(java.util.Arrays.asList(groups)));
  }

  @Test
  void azureDevOpsHasNoCodeBuildSourceType() {
    Connection azure =
        Connection.Builder.create(stack, "Azure").providerType(ProviderType.AZURE_DEVOPS).build();
    CodeBuildSourceProps props =
        CodeBuildSourceProps.builder().connection(azure).owner("acme").repo("svc").build();

    assertThatThrownBy(() -> CodeBuildSource.fromConnection(props))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "CodeBuildSource.fromConnection on connection at 'Stack/Azure': providerType"
                + " AZURE_DEVOPS has no CodeBuild source type; CodeBuild takes a connection for"
                + " GITHUB, GITHUB_ENTERPRISE, GITLAB, GITLAB_SELF_MANAGED and BITBUCKET sources"
                + " only (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html)");
    assertThatThrownBy(() -> CodeBuildSource.forProvider(ProviderType.AZURE_DEVOPS, props))
        .hasMessageContaining("providerType AZURE_DEVOPS has no CodeBuild source type");
    assertThatThrownBy(() -> CodeBuildSource.gitHub(props))
        .hasMessage(
            "CodeBuildSource.gitHub on connection at 'Stack/Azure': connection is a AZURE_DEVOPS"
                + " connection; a GITHUB source needs a GITHUB connection (CodeBuild has no Azure"
                + " DevOps source type:"
                + " https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html)");
  }

  @Test
  void theFactoryMustFitAnOwnedConnectionsProvider() {
    Connection gitLab =
        Connection.Builder.create(stack, "GitLab").providerType(ProviderType.GITLAB).build();

    assertThatThrownBy(
            () ->
                CodeBuildSource.bitbucket(
                    CodeBuildSourceProps.builder()
                        .connection(gitLab)
                        .owner("acme")
                        .repo("svc")
                        .build()))
        .hasMessage(
            "CodeBuildSource.bitbucket on connection at 'Stack/GitLab': connection is a GITLAB"
                + " connection; a BITBUCKET source needs a BITBUCKET connection");
    assertThatThrownBy(() -> CodeBuildSource.fromConnection(gitHubProps().build()))
        .hasMessageContaining(
            "connection at 'Stack/Imported': the connection's provider is not known at synth");
    assertThatThrownBy(() -> CodeBuildSource.gitHub(null))
        .hasMessageContaining("CodeBuildSource.gitHub: connection is required");
  }

  @Test
  void aConnectionOnAnImportedHostHasNoKnownProvider() {
    IHost host =
        Host.fromHostArn(
            stack,
            "Host",
            "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1a2b3c4d");
    Connection onHost = Connection.Builder.create(stack, "OnHost").host(host).build();

    assertThatThrownBy(
            () ->
                CodeBuildSource.fromConnection(
                    CodeBuildSourceProps.builder()
                        .connection(onHost)
                        .repositoryUrl("https://github.example.com/acme/svc.git")
                        .build()))
        .hasMessageContaining(
            "on connection at 'Stack/OnHost': the connection's provider is not known at synth");
    assertThatCode(
            () ->
                CodeBuildSource.gitHubEnterprise(
                    CodeBuildSourceProps.builder()
                        .connection(onHost)
                        .repositoryUrl("https://github.example.com/acme/svc.git")
                        .build()))
        .doesNotThrowAnyException();
  }

  @Test
  void ownerRepoAndUrlAreChecked() {
    assertThatThrownBy(() -> gitHub(gitHubProps().owner("acme inc")))
        .hasMessageStartingWith(WHO + "owner 'acme inc' is not a repository owner");
    assertThatThrownBy(() -> gitHub(gitHubProps().repo("acme/svc")))
        .hasMessageStartingWith(WHO + "repo 'acme/svc' is not a repository name");
    assertThatThrownBy(() -> gitHub(gitHubProps().repo(null)))
        .hasMessage(WHO + "repo is null; it is required");
    assertThatThrownBy(() -> gitHub(gitHubProps().owner("group/sub")))
        .hasMessage(
            WHO
                + "owner 'group/sub' has a '/'; only GitLab has subgroups, a GITHUB owner is one"
                + " name");
    assertThatThrownBy(() -> gitHub(gitHubProps().repositoryUrl("https://github.com/a/b")))
        .hasMessageStartingWith(
            WHO
                + "repositoryUrl 'https://github.com/a/b' is for GITHUB_ENTERPRISE and"
                + " GITLAB_SELF_MANAGED sources");

    UnaryOperator<String> ghe =
        url ->
            CodeBuildSource.gitHubEnterprise(
                    CodeBuildSourceProps.builder().connection(imported).repositoryUrl(url).build())
                .getLocation();
    String gheWho = "CodeBuildSource.gitHubEnterprise on connection at 'Stack/Imported': ";
    assertThatThrownBy(() -> ghe.apply("http://github.example.com/acme/svc.git"))
        .hasMessage(
            gheWho
                + "repositoryUrl 'http://github.example.com/acme/svc.git' is not valid; it must be"
                + " the repository's HTTPS clone URL, https://<host>/<owner>/<repo>[.git]"
                + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html)");
    assertThatThrownBy(() -> ghe.apply("https://github.example.com/svc.git"))
        .hasMessageStartingWith(
            gheWho + "repositoryUrl 'https://github.example.com/svc.git' is not valid");
    assertThatThrownBy(() -> ghe.apply("https://github.example.com/a b/svc"))
        .hasMessageStartingWith(
            gheWho + "repositoryUrl 'https://github.example.com/a b/svc' is not a URL");
    assertThatThrownBy(() -> ghe.apply(null))
        .hasMessage(gheWho + "repositoryUrl is null; it is required");
    assertThatThrownBy(
            () ->
                CodeBuildSource.gitHubEnterprise(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .owner("acme")
                        .repo("svc")
                        .build()))
        .hasMessage(
            gheWho
                + "owner and repo are for cloud providers; a GITHUB_ENTERPRISE source takes"
                + " repositoryUrl, the HTTPS clone URL on your server");
  }

  @Test
  void gitSettingsAreChecked() {
    assertThatThrownBy(() -> gitHub(gitHubProps().cloneDepth(-1)))
        .hasMessage(
            WHO
                + "cloneDepth -1 is not a whole number of 0 or more"
                + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html)");
    assertThatThrownBy(() -> gitHub(gitHubProps().cloneDepth(1.5)))
        .hasMessageStartingWith(WHO + "cloneDepth 1.5 is not a whole number");
    assertThatThrownBy(() -> gitHub(gitHubProps().identifier("lib-src")))
        .hasMessageStartingWith(
            WHO
                + "identifier 'lib-src' is not a source identifier; it must be letters, digits and"
                + " underscores, fewer than 128 characters");
    assertThatThrownBy(() -> gitHub(gitHubProps().branchOrRef("my branch")))
        .hasMessageStartingWith(WHO + "branchOrRef 'my branch' is not a branch");
    assertThatThrownBy(
            () ->
                CodeBuildSource.gitLab(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .owner("acme")
                        .repo("svc")
                        .branchOrRef("pr/25")
                        .build()))
        .hasMessageContaining(
            "branchOrRef 'pr/25' is a pull request version, which CodeBuild takes for GitHub and"
                + " GitHub Enterprise Server only");
    assertThatCode(() -> gitHub(gitHubProps().branchOrRef("pr/25"))).doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                CodeBuildSource.gitLab(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .owner("acme")
                        .repo("svc")
                        .buildStatusContext("ci")
                        .build()))
        .hasMessageContaining(
            "buildStatusContext or buildStatusTargetUrl is given for a GITLAB source; CodeBuild"
                + " uses the build status configuration for GITHUB, GITHUB_ENTERPRISE and BITBUCKET"
                + " only");
  }

  @Test
  void webhookPropertiesNeedTheWebhook() {
    assertThatThrownBy(
            () ->
                gitHub(
                    gitHubProps()
                        .webhook(false)
                        .webhookFilters(List.of(WebhookFilterGroup.inEventOf(EventAction.PUSH)))))
        .hasMessage(
            WHO
                + "webhook is false, but webhookFilters, webhookScope or webhookBuildType is"
                + " given; they configure the webhook: drop them, or drop webhook(false)");
    assertThatThrownBy(
            () ->
                CodeBuildSource.gitHubEnterprise(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .repositoryUrl("https://github.example.com/acme/svc.git")
                        .webhook(true)
                        .build()))
        .hasMessageContaining(
            "webhook on a GITHUB_ENTERPRISE source; CloudFormation does not make GitHub"
                + " Enterprise Server webhooks");
  }

  @Test
  void eventsMustBeOnesCodeBuildDocumentsForTheProvider() {
    CodeBuildSourceProps bitbucket =
        CodeBuildSourceProps.builder()
            .connection(imported)
            .owner("acme")
            .repo("svc")
            .webhookFilters(
                List.of(WebhookFilterGroup.inEventOf(EventAction.PULL_REQUEST_REOPENED)))
            .build();
    assertThatThrownBy(() -> CodeBuildSource.bitbucket(bitbucket))
        .hasMessageStartingWith(
            "CodeBuildSource.bitbucket on connection at 'Stack/Imported': webhookFilters[0]"
                + " inEventOf(PULL_REQUEST_REOPENED): event PULL_REQUEST_REOPENED is not one"
                + " CodeBuild documents for BITBUCKET webhooks");
    CodeBuildSourceProps gitLab =
        CodeBuildSourceProps.builder()
            .connection(imported)
            .owner("acme")
            .repo("svc")
            .webhookFilters(List.of(WebhookFilterGroup.inEventOf(EventAction.PRERELEASED)))
            .build();
    assertThatThrownBy(() -> CodeBuildSource.gitLab(gitLab))
        .hasMessageContaining("event PRERELEASED is not one CodeBuild documents for GITLAB");
    assertThatCode(() -> withGroups(WebhookFilterGroup.inEventOf(EventAction.PRERELEASED)))
        .doesNotThrowAnyException();
  }

  @Test
  void filtersMustFitTheGroupsEvents() {
    assertThatThrownBy(
            () ->
                withGroups(WebhookFilterGroup.inEventOf(EventAction.PUSH).andBaseBranchIs("main")))
        .hasMessage(
            WHO
                + "webhookFilters[0] inEventOf(PUSH) and BASE_REF '^refs/heads/main$': BASE_REF"
                + " works with pull request events only, but the group's events are [PUSH]; split"
                + " the group"
                + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html)");
    assertThatThrownBy(
            () ->
                withGroups(
                    WebhookFilterGroup.inEventOf(EventAction.RELEASED),
                    WebhookFilterGroup.inEventOf(EventAction.PUSH).andReleaseTagIs("^v")))
        .hasMessageContaining(
            "webhookFilters[1] inEventOf(PUSH) and TAG_NAME '^v': TAG_NAME works with RELEASED and"
                + " PRERELEASED events only");
    assertThatThrownBy(
            () ->
                withGroups(WebhookFilterGroup.inEventOf(EventAction.PUSH).andWorkflowNameIs("ci")))
        .hasMessageContaining("WORKFLOW_NAME works with WORKFLOW_JOB_QUEUED events only");
    assertThatThrownBy(
            () ->
                withGroups(
                    WebhookFilterGroup.inEventOf(EventAction.WORKFLOW_JOB_QUEUED)
                        .andRepositoryNameIs("svc")))
        .hasMessageContaining(
            "REPOSITORY_NAME works with organization, global and group webhooks only");
    assertThatThrownBy(() -> withGroups(WebhookFilterGroup.inEventOf(EventAction.PUSH), null))
        .hasMessage(WHO + "webhookFilters[1] is null");
  }

  @Test
  void patternsMustBeRegularExpressionsThatNoDialectRefuses() {
    assertThatThrownBy(
            () -> withGroups(WebhookFilterGroup.inEventOf(EventAction.PUSH).andFilePathIs("src/(")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            WHO
                + "webhookFilters[0] inEventOf(PUSH) and FILE_PATH 'src/(': FILE_PATH pattern"
                + " 'src/(' is not a regular expression: Unclosed group near index 5 (the JDK's"
                + " reason); CodeBuild's webhook filters take regular expressions"
                + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html)");
    // A glob where a regular expression belongs; and a branch helper's name that breaks its
    // pattern.
    assertThatThrownBy(
            () ->
                withGroups(WebhookFilterGroup.inEventOf(EventAction.PUSH).andFilePathIs("*.java")))
        .hasMessageContaining(
            "FILE_PATH pattern '*.java' is not a regular expression: Dangling meta character '*'"
                + " near index 0");
    assertThatThrownBy(
            () -> withGroups(WebhookFilterGroup.inEventOf(EventAction.PUSH).andBranchIs("fix/(1")))
        .hasMessageContaining(
            "HEAD_REF pattern '^refs/heads/fix/(1$' is not a regular expression: Unclosed group");
    assertThatThrownBy(
            () ->
                withGroups(
                    WebhookFilterGroup.inEventOf(EventAction.PUSH).andCommitMessageIs("[z-a]")))
        .hasMessageContaining("is not a regular expression: Illegal character range");
    // CodeBuild names no dialect: what only Java's parser refuses is left to CodeBuild.
    assertThatCode(
            () ->
                withGroups(
                    WebhookFilterGroup.inEventOf(EventAction.PUSH)
                        .andFilePathIs("^src/(main|test)/")
                        .andCommitMessageIs("(?P<ticket>[A-Z]+-[0-9]+)")
                        .andActorAccountIs(Fn.importValue("Actor"))))
        .doesNotThrowAnyException();
  }

  @Test
  void groupsNeedAnEventAndPatterns() {
    assertThatThrownBy(WebhookFilterGroup::inEventOf)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "WebhookFilterGroup.inEventOf: no event given; every filter group needs an EVENT"
                + " filter with at least one event"
                + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateWebhook.html)");
    assertThatThrownBy(() -> WebhookFilterGroup.inEventOf(EventAction.PUSH).andFilePathIs(""))
        .hasMessage(
            "WebhookFilterGroup.andFilePathIs: the pattern is empty; every filter needs one"
                + " (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_WebhookFilter.html)");
    assertThatThrownBy(() -> WebhookFilterGroup.inEventOf(EventAction.PUSH).andBranchIs(null))
        .hasMessageStartingWith("WebhookFilterGroup.andBranchIs: the pattern is null");
  }

  @Test
  void scopesMustFitTheSourceType() {
    CodeBuildSourceProps.Builder scoped = CodeBuildSourceProps.builder().connection(imported);

    assertThatThrownBy(() -> gitHub(scoped.webhookScope(WebhookScope.gitLabGroup("platform"))))
        .hasMessage(
            WHO
                + "webhookScope GITLAB_GROUP 'platform' does not fit a GITHUB source; CodeBuild"
                + " has organization and global webhooks for GitHub and GitHub Enterprise Server,"
                + " group webhooks for GitLab and GitLab self-managed");
    assertThatThrownBy(
            () ->
                gitHub(
                    scoped
                        .webhookScope(WebhookScope.gitHubOrganization("acme"))
                        .owner("acme")
                        .repo("svc")))
        .hasMessageContaining(
            "webhookScope GITHUB_ORGANIZATION 'acme' is given with owner, repo or repositoryUrl");
    assertThatThrownBy(
            () ->
                gitHub(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .webhookScope(WebhookScope.gitHubOrganization("acme").withDomain("x.io"))))
        .hasMessageContaining(
            "has a domain; CodeBuild takes a domain only for GITHUB_ENTERPRISE and"
                + " GITLAB_SELF_MANAGED sources, not GITHUB");
    assertThatThrownBy(
            () ->
                CodeBuildSource.gitLabSelfManaged(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .webhookScope(WebhookScope.gitLabGroup("platform"))
                        .build()))
        .hasMessageContaining(
            "webhookScope GITLAB_GROUP 'platform' has no domain; a GITLAB_SELF_MANAGED source's"
                + " scope needs the installation's domain");
    assertThatThrownBy(
            () ->
                gitHub(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .webhookScope(WebhookScope.gitHubOrganization("acme/dev"))))
        .hasMessageContaining("a GitHub organization or enterprise name has no '/'");
    assertThatThrownBy(
            () ->
                gitHub(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .webhookScope(WebhookScope.gitHubGlobal("acme-enterprise"))
                        .webhookFilters(
                            List.of(
                                WebhookFilterGroup.inEventOf(EventAction.WORKFLOW_JOB_QUEUED)))))
        .hasMessageContaining(
            "webhookScope GITHUB_GLOBAL 'acme-enterprise' asks CloudFormation for a global"
                + " webhook, which it cannot make: \"If you are creating a global webhook, you will"
                + " need to manually create the webhook\"")
        .hasMessageContaining("webhook(false)")
        .hasMessageContaining(
            "aws codebuild create-webhook --project-name <project> --manual-creation"
                + " --scope-configuration name=acme-enterprise,scope=GITHUB_GLOBAL");
    assertThatThrownBy(
            () ->
                gitHub(
                    CodeBuildSourceProps.builder()
                        .connection(imported)
                        .webhook(false)
                        .webhookScope(WebhookScope.gitHubOrganization("acme"))))
        .hasMessageContaining("webhook is false, but webhookFilters, webhookScope");
  }
}
