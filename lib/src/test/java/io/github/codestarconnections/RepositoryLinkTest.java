package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codestarconnections.CfnRepositoryLink;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.kms.Key;

class RepositoryLinkTest {
  static final String LINK_ID = "be8f2017-b016-4a77-87b4-608054f70e77";
  static final String LINK_ARN =
      "arn:aws:codestar-connections:eu-west-1:210987654321:repository-link/" + LINK_ID;

  private final App app = new App();
  private final Stack stack =
      new Stack(
          app,
          "Stack",
          StackProps.builder()
              .env(Environment.builder().account("123456789012").region("us-east-1").build())
              .build());
  private final IConnection github =
      Connection.fromConnectionArn(stack, "GitHub", ConnectionSourceActionTest.CODESTAR_ARN);

  private RepositoryLink.Builder link(String id) {
    return RepositoryLink.Builder.create(stack, id)
        .connection(github)
        .ownerId("acme")
        .repositoryName("infrastructure");
  }

  private Map<String, Object> properties(RepositoryLink link) {
    return CodeBuildSourceTest.castMap(
        CodeBuildSourceTest.castMap(Template.fromStack(stack).toJSON().get("Resources"))
            .get(stack.getLogicalId((CfnElement) link.getNode().getDefaultChild())));
  }

  @Test
  void rendersTheLinkWithItsKeyAndTags() {
    Key key = Key.Builder.create(stack, "Key").build();
    RepositoryLink link = link("Infra").encryptionKey(key).tags(Map.of("team", "platform")).build();
    Tags.of(stack).add("cost-centre", "ci");

    Map<String, Object> resource = properties(link);
    assertThat(resource.get("Type")).isEqualTo("AWS::CodeStarConnections::RepositoryLink");
    assertThat(resource.get("DeletionPolicy")).isEqualTo("Delete");
    Map<String, Object> props = CodeBuildSourceTest.castMap(resource.get("Properties"));
    assertThat(props.get("ConnectionArn")).isEqualTo(ConnectionSourceActionTest.CODESTAR_ARN);
    assertThat(props.get("OwnerId")).isEqualTo("acme");
    assertThat(props.get("RepositoryName")).isEqualTo("infrastructure");
    assertThat(props.get("EncryptionKeyArn"))
        .isEqualTo(
            Map.of(
                "Fn::GetAtt",
                List.of(stack.getLogicalId((CfnElement) key.getNode().getDefaultChild()), "Arn")));
    assertThat(props.get("Tags"))
        .isEqualTo(
            List.of(
                Map.of("Key", "cost-centre", "Value", "ci"),
                Map.of("Key", "team", "Value", "platform")));
    String logicalId = stack.getLogicalId((CfnElement) link.getNode().getDefaultChild());
    assertThat(stack.resolve(link.getRepositoryLinkArn()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId, "RepositoryLinkArn")));
    assertThat(stack.resolve(link.getRepositoryLinkId()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId, "RepositoryLinkId")));
    assertThat(link.getConnection()).containsSame(github);
    assertThat(stack.resolve(CfnRepositoryLink.arnForRepositoryLink(link)))
        .isEqualTo(stack.resolve(link.getRepositoryLinkArn()));
  }

  @Test
  void aRemovalPolicyIsApplied() {
    RepositoryLink link = link("Kept").removalPolicy(RemovalPolicy.RETAIN).build();
    assertThat(properties(link).get("DeletionPolicy")).isEqualTo("Retain");
  }

  @Test
  void gitSyncProvidersAreTakenAndAzureDevOpsIsNot() {
    for (ProviderType type : List.of(ProviderType.GITHUB, ProviderType.BITBUCKET)) {
      IConnection c =
          Connection.fromConnectionRef(
              software.amazon.awscdk.services.codestarconnections.CfnConnection.Builder.create(
                      stack, "L1" + type)
                  .connectionName("c" + type.ordinal())
                  .providerType(type.getApiName())
                  .build());
      assertThat(c.getProviderType()).contains(type);
    }
    Connection azure =
        Connection.Builder.create(stack, "Azure").providerType(ProviderType.AZURE_DEVOPS).build();
    assertThatThrownBy(
            () ->
                RepositoryLink.Builder.create(stack, "Bad")
                    .connection(azure)
                    .ownerId("acme")
                    .repositoryName("infra")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "RepositoryLink at 'Stack/Bad': connection at 'Stack/Azure' is a AZURE_DEVOPS"
                + " connection; Git sync supports GitHub, GitHub Enterprise Server, GitLab, GitLab"
                + " self-managed and Bitbucket repositories ("
                + GitSyncRules.PREREQUISITES
                + ")");
  }

  @Test
  void theModelsLimitsAreCheckedAndTokensPass() {
    assertThatThrownBy(() -> link("Long").ownerId("o".repeat(256)).build())
        .hasMessageContaining("RepositoryLink at 'Stack/Long': ownerId '")
        .hasMessageContaining("is 256 characters; the service allows 1 to 255");
    assertThatThrownBy(() -> link("LongRepo").repositoryName("r".repeat(129)).build())
        .hasMessageContaining("repositoryName '")
        .hasMessageContaining("is 129 characters; the service allows 1 to 128");
    assertThatThrownBy(() -> link("Slash").repositoryName("acme/infra").build())
        .hasMessageContaining("repositoryName 'acme/infra' is not a repository name");
    assertThatThrownBy(() -> link("Space").ownerId("ac me").build())
        .hasMessageContaining("ownerId 'ac me' is not a repository owner");
    assertThatThrownBy(() -> link("NoOwner").ownerId(null).build())
        .hasMessage("RepositoryLink at 'Stack/NoOwner': ownerId is null; it is required");
    assertThatThrownBy(
            () -> RepositoryLink.Builder.create(stack, "NoConnection").ownerId("a").build())
        .hasMessageContaining("RepositoryLink at 'Stack/NoConnection': connection is required");
    link("GitLabGroup").ownerId("acme/platform").build();
    link("Tokens").ownerId(Fn.importValue("Owner")).repositoryName(Fn.importValue("Repo")).build();
  }

  @Test
  void anAliasIsNotAKey() {
    Key key = Key.Builder.create(stack, "Key").build();
    Alias alias =
        Alias.Builder.create(stack, "Alias").aliasName("alias/git").targetKey(key).build();
    assertThatThrownBy(() -> link("ByAlias").encryptionKey(alias).build())
        .hasMessageContaining("encryptionKey at 'Stack/Alias' is an alias");
    assertThatThrownBy(
            () ->
                link("ByAliasArn")
                    .encryptionKey(
                        Key.fromKeyArn(
                            stack, "AliasArn", "arn:aws:kms:us-east-1:123456789012:alias/git"))
                    .build())
        .hasMessageContaining(
            "encryptionKey's ARN 'arn:aws:kms:us-east-1:123456789012:alias/git' is not a KMS key"
                + " ARN");
  }

  @Test
  void importsByArnAndByIdGiveTheIdArnAndEnvironment() {
    IRepositoryLink byArn = RepositoryLink.fromRepositoryLinkArn(stack, "ByArn", LINK_ARN);
    assertThat(byArn.getRepositoryLinkId()).isEqualTo(LINK_ID);
    assertThat(byArn.getEnv().getAccount()).isEqualTo("210987654321");
    assertThat(byArn.getEnv().getRegion()).isEqualTo("eu-west-1");
    assertThat(CfnRepositoryLink.arnForRepositoryLink(byArn)).isEqualTo(LINK_ARN);

    IRepositoryLink byId = RepositoryLink.fromRepositoryLinkId(stack, "ById", LINK_ID);
    assertThat(stack.resolve(byId.getRepositoryLinkArn()))
        .isEqualTo(
            Map.of(
                "Fn::Join",
                List.of(
                    "",
                    List.of(
                        "arn:",
                        Map.of("Ref", "AWS::Partition"),
                        ":codestar-connections:us-east-1:123456789012:repository-link/"
                            + LINK_ID))));

    IRepositoryLink byToken =
        RepositoryLink.fromRepositoryLinkArn(stack, "ByToken", Fn.importValue("LinkArn"));
    assertThat(stack.resolve(byToken.getRepositoryLinkId()).toString())
        .contains("Fn::Split")
        .contains("LinkArn");

    assertThatThrownBy(
            () ->
                RepositoryLink.fromRepositoryLinkArn(
                    stack, "Bad", ConnectionSourceActionTest.CODESTAR_ARN))
        .hasMessageContaining("RepositoryLink import at 'Stack/Bad': repository-linkArn")
        .hasMessageContaining("is not a repository-link ARN");
    assertThatThrownBy(() -> RepositoryLink.fromRepositoryLinkId(stack, "BadId", "infra"))
        .hasMessage(
            "RepositoryLink import at 'Stack/BadId': repositoryLinkId 'infra' is not a repository"
                + " link id; the service's ids are UUIDs, e.g."
                + " be8f2017-b016-4a77-87b4-608054f70e77");
  }

  @Test
  void anL1LinkIsItsOwnIdAndArn() {
    CfnRepositoryLink l1 =
        CfnRepositoryLink.Builder.create(stack, "L1")
            .connectionArn(ConnectionSourceActionTest.CODESTAR_ARN)
            .ownerId("acme")
            .repositoryName("infra")
            .build();
    IRepositoryLink link = RepositoryLink.fromRepositoryLinkRef(l1);
    assertThat(stack.resolve(link.getRepositoryLinkId()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("L1", "RepositoryLinkId")));
    assertThat(RepositoryLink.fromRepositoryLinkRef(l1)).isSameAs(link);
  }

  @Test
  void aLinkOnAConnectionMadeInTheAppWaitsForItToBeAvailable() {
    Connection made =
        Connection.Builder.create(stack, "Made").providerType(ProviderType.GITHUB).build();
    RepositoryLink.Builder.create(stack, "Early")
        .connection(made)
        .ownerId("acme")
        .repositoryName("infra")
        .build();
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining(
            "RepositoryLink at 'Stack/Early': CloudFormation's handler for the link reads and uses"
                + " the connection when it creates the link")
        .hasMessageContaining(
            "connection at 'Stack/Made' is made in this app, so it is PENDING in the deployment"
                + " that makes it")
        .hasMessageContaining("give the link waitForAvailable(true)");
  }

  @Test
  void aWaitingReadinessCheckLetsTheLinkThrough() {
    Connection made =
        Connection.Builder.create(stack, "Made").providerType(ProviderType.GITHUB).build();
    ReadinessCheck ready =
        ReadinessCheck.Builder.create(stack, "Ready")
            .connection(made)
            .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
            .build();
    RepositoryLink link =
        RepositoryLink.Builder.create(stack, "Waiting")
            .connection(made)
            .ownerId("acme")
            .repositoryName("infra")
            .build();
    link.getNode().addDependency(ready);

    Map<String, Object> resource = properties(link);
    assertThat((List<?>) resource.get("DependsOn"))
        .anySatisfy(id -> assertThat(id.toString()).startsWith("Ready"));
  }

  @Test
  void aReportingCheckOrAnotherConnectionsCheckIsNotEnough() {
    var l1 =
        software.amazon.awscdk.services.codestarconnections.CfnConnection.Builder.create(
                stack, "L1")
            .connectionName("l1")
            .providerType("GitHub")
            .build();
    Connection other =
        Connection.Builder.create(stack, "Other").providerType(ProviderType.GITHUB).build();
    ReadinessCheck report = ReadinessCheck.Builder.create(stack, "Report").connection(l1).build();
    ReadinessCheck otherReady =
        ReadinessCheck.Builder.create(stack, "OtherReady")
            .connection(other)
            .mode(ReadinessMode.REQUIRE_AVAILABLE)
            .build();
    RepositoryLink link =
        RepositoryLink.Builder.create(stack, "OnL1")
            .connection(l1)
            .ownerId("acme")
            .repositoryName("infra")
            .build();
    link.getNode().addDependency(report, otherReady);
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining("RepositoryLink at 'Stack/OnL1': ")
        .hasMessageContaining(
            "connection at 'Stack/L1/AsIConnection' is made in this app, so it is PENDING");
  }

  @Test
  void tagsFromTagsOfCountTowardsTheLimit() {
    RepositoryLink link = link("Tagged").build();
    for (int i = 0; i < 51; i++) {
      Tags.of(link).add("k" + i, "v");
    }
    assertThatThrownBy(() -> app.synth()).hasMessageContaining("RepositoryLink at 'Stack/Tagged'");
  }
}
