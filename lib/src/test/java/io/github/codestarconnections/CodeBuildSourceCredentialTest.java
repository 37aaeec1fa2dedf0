package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

class CodeBuildSourceCredentialTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private static Stack stackIn(Construct scope, String id, String account, String region) {
    return new Stack(
        scope,
        id,
        StackProps.builder()
            .env(Environment.builder().account(account).region(region).build())
            .build());
  }

  @Test
  void rendersTheConnectionAsTheServerTypesCredential() {
    Connection gitLab =
        Connection.Builder.create(stack, "GitLab").providerType(ProviderType.GITLAB).build();

    CodeBuildSourceCredential credential =
        CodeBuildSourceCredential.Builder.create(stack, "Credential").connection(gitLab).build();

    assertThat(credential.getServerType()).isEqualTo("GITLAB");
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeBuild::SourceCredential",
            Map.of(
                "AuthType",
                "CODECONNECTIONS",
                "ServerType",
                "GITLAB",
                "Token",
                Map.of(
                    "Fn::GetAtt",
                    List.of(
                        stack.getLogicalId((CfnElement) gitLab.getNode().getDefaultChild()),
                        "ConnectionArn"))));
    assertThat(stack.resolve(credential.getCredentialArn()))
        .isEqualTo(
            Map.of("Ref", stack.getLogicalId((CfnElement) credential.getNode().getDefaultChild())));
  }

  @Test
  void anImportNamesItsProviderAndHostsGiveTheirs() {
    IConnection imported =
        Connection.fromConnectionArn(stack, "Imported", CodeBuildSourceTest.CODESTAR_ARN);

    assertThatThrownBy(
            () ->
                CodeBuildSourceCredential.Builder.create(stack, "Bad").connection(imported).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "CodeBuildSourceCredential at 'Stack/Bad': providerType is required: the provider of"
                + " connection at 'Stack/Imported' is not known at synth (an import, or a"
                + " connection on an imported host)");
    CodeBuildSourceCredential bitbucket =
        CodeBuildSourceCredential.Builder.create(stack, "Bitbucket")
            .connection(imported)
            .providerType(ProviderType.BITBUCKET)
            .build();
    assertThat(bitbucket.getServerType()).isEqualTo("BITBUCKET");

    Host ghes =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .build();
    Connection onHost = Connection.Builder.create(stack, "OnHost").host(ghes).build();
    assertThat(
            CodeBuildSourceCredential.Builder.create(stack, "Ghe")
                .connection(onHost)
                .build()
                .getServerType())
        .isEqualTo("GITHUB_ENTERPRISE");
  }

  @Test
  void refusesAzureDevOpsAndAMismatchedProvider() {
    Connection azure =
        Connection.Builder.create(stack, "Azure").providerType(ProviderType.AZURE_DEVOPS).build();
    Connection gitHub =
        Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();

    assertThatThrownBy(
            () -> CodeBuildSourceCredential.Builder.create(stack, "A").connection(azure).build())
        .hasMessageStartingWith(
            "CodeBuildSourceCredential at 'Stack/A': providerType AZURE_DEVOPS has no CodeBuild"
                + " source type");
    assertThatThrownBy(
            () ->
                CodeBuildSourceCredential.Builder.create(stack, "B")
                    .connection(gitHub)
                    .providerType(ProviderType.GITLAB)
                    .build())
        .hasMessage(
            "CodeBuildSourceCredential at 'Stack/B': providerType GITLAB differs from the"
                + " provider of connection at 'Stack/GitHub', GITHUB");
    assertThatThrownBy(() -> new CodeBuildSourceCredential(stack, "C", null))
        .hasMessageContaining("CodeBuildSourceCredential at 'Stack/C': connection is required");
  }

  @Test
  void twoForTheSameServerTypeInOneAccountAndRegionFailAtSynth() {
    Stack one = stackIn(app, "One", "111111111111", "eu-west-1");
    Stack two = stackIn(app, "Two", "111111111111", "eu-west-1");
    Stack elsewhere = stackIn(app, "Elsewhere", "111111111111", "us-east-1");
    for (Stack s : List.of(one, two, elsewhere)) {
      IConnection c = Connection.fromConnectionArn(s, "C", CodeBuildSourceTest.CODESTAR_ARN);
      CodeBuildSourceCredential.Builder.create(s, "Credential")
          .connection(c)
          .providerType(ProviderType.GITHUB)
          .build();
    }

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "CodeBuildSourceCredential at 'Two/Credential': a CodeBuildSourceCredential for GITHUB"
                + " is already defined at 'One/Credential' for what may be the same account and"
                + " region; there is one default credential per server type per account and"
                + " region: keep one of them")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Elsewhere/Credential"));
  }

  @Test
  void aSecondCredentialIsReportedUnderItselfAcrossStagesWithTheRuleAndItsSource() {
    Stage prod = new Stage(app, "Prod");
    for (Construct scope : List.of(app, prod)) {
      Stack s = stackIn(scope, "Ci", "111111111111", "eu-west-1");
      CodeBuildSourceCredential.Builder.create(s, "Credential")
          .connection(Connection.fromConnectionArn(s, "C", CodeBuildSourceTest.CODESTAR_ARN))
          .providerType(ProviderType.GITHUB)
          .build();
    }

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Prod/Ci/Credential] CodeBuildSourceCredential at 'Prod/Ci/Credential': a"
                + " CodeBuildSourceCredential for GITHUB is already defined at 'Ci/Credential'")
        .hasMessageContaining(
            "keep one of them (CodeBuild overwrites it on import: ImportSourceCredentials'"
                + " shouldOverwrite defaults to true, and AWS::CodeBuild::SourceCredential cannot"
                + " set it, https://docs.aws.amazon.com/codebuild/latest/APIReference/"
                + "API_ImportSourceCredentials.html)")
        .message()
        .doesNotContain("[Ci/Credential]");
  }

  /**
   * A credential is replaced without an error, so an account or region unknown at synth may be any
   * other: stricter than host URLs and connection names, which the service refuses loudly.
   */
  @Test
  void anEnvironmentAgnosticStackMayBeTheAccountOfAnyOther() {
    Stack pinned = stackIn(app, "Pinned", "111111111111", "eu-west-1");
    Stack agnostic = new Stack(app, "Agnostic");
    for (Stack s : List.of(pinned, agnostic)) {
      CodeBuildSourceCredential.Builder.create(s, "Credential")
          .connection(Connection.fromConnectionArn(s, "C", CodeBuildSourceTest.CODESTAR_ARN))
          .providerType(ProviderType.GITHUB)
          .build();
    }

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Agnostic/Credential] CodeBuildSourceCredential at 'Agnostic/Credential': a"
                + " CodeBuildSourceCredential for GITHUB is already defined at"
                + " 'Pinned/Credential' for what may be the same account and region");
  }

  @Test
  void differentServerTypesAndAccountsDoNotConflict() {
    Stack one = stackIn(app, "One", "111111111111", "eu-west-1");
    Stack other = stackIn(app, "Other", "222222222222", "eu-west-1");
    IConnection a = Connection.fromConnectionArn(one, "A", CodeBuildSourceTest.CODESTAR_ARN);
    CodeBuildSourceCredential.Builder.create(one, "GitHub")
        .connection(a)
        .providerType(ProviderType.GITHUB)
        .build();
    CodeBuildSourceCredential.Builder.create(one, "GitLab")
        .connection(a)
        .providerType(ProviderType.GITLAB)
        .build();
    IConnection b = Connection.fromConnectionArn(other, "B", CodeBuildSourceTest.CODESTAR_ARN);
    CodeBuildSourceCredential.Builder.create(other, "GitHub")
        .connection(b)
        .providerType(ProviderType.GITHUB)
        .build();

    app.synth();
    assertThat(Template.fromStack(one).findResources("AWS::CodeBuild::SourceCredential"))
        .hasSize(2);
  }
}
