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
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codestarconnections.CfnRepositoryLink;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

class SyncConfigurationTest {
  private static final String CONNECTION =
      "arn:aws:codeconnections:us-east-1:123456789012:connection/11111111-2222-3333-4444-555555555555";

  private final App app = new App();
  private final Stack stack =
      new Stack(
          app,
          "Platform",
          StackProps.builder()
              .env(Environment.builder().account("123456789012").region("us-east-1").build())
              .build());
  private final RepositoryLink link =
      RepositoryLink.Builder.create(stack, "Infra")
          .connection(Connection.fromConnectionArn(stack, "GitHub", CONNECTION))
          .ownerId("acme")
          .repositoryName("infrastructure")
          .build();

  private SyncConfiguration.Builder sync(String id) {
    return SyncConfiguration.Builder.create(stack, id)
        .repositoryLink(link)
        .branch("main")
        .deploymentFile("deployments/app.yaml")
        .stackName("app");
  }

  private Map<String, Object> resource(String logicalId) {
    return CodeBuildSourceTest.castMap(
        CodeBuildSourceTest.castMap(Template.fromStack(stack).toJSON().get("Resources"))
            .get(logicalId));
  }

  private Map<String, Object> properties(SyncConfiguration s) {
    return CodeBuildSourceTest.castMap(
        resource(stack.getLogicalId((CfnElement) s.getNode().getDefaultChild())).get("Properties"));
  }

  private String logicalId(software.constructs.IConstruct c) {
    return stack.getLogicalId((CfnElement) c.getNode().getDefaultChild());
  }

  @Test
  void rendersTheSyncConfigurationOnTheLink() {
    SyncConfiguration s =
        sync("App")
            .publishDeploymentStatus(true)
            .triggerResourceUpdateOn(SyncTrigger.FILE_CHANGE)
            .build();

    Map<String, Object> props = properties(s);
    assertThat(props)
        .containsEntry("Branch", "main")
        .containsEntry("ConfigFile", "deployments/app.yaml")
        .containsEntry("ResourceName", "app")
        .containsEntry("SyncType", "CFN_STACK_SYNC")
        .containsEntry("PublishDeploymentStatus", "ENABLED")
        .containsEntry("TriggerResourceUpdateOn", "FILE_CHANGE")
        .containsEntry(
            "RepositoryLinkId", Map.of("Fn::GetAtt", List.of(logicalId(link), "RepositoryLinkId")))
        .containsEntry("RoleArn", Map.of("Fn::GetAtt", List.of(logicalId(s.getRole()), "Arn")));
    assertThat(resource(logicalId(s)).get("DeletionPolicy")).isEqualTo("Delete");
    // aws-cdk's reference: the L1's primary identifier (ResourceName|SyncType), from its Ref.
    assertThat(stack.resolve(s.getSyncConfigurationRef().getResourceName()))
        .isEqualTo(
            Map.of(
                "Fn::Select",
                List.of(0, Map.of("Fn::Split", List.of("|", Map.of("Ref", logicalId(s)))))));
    assertThat(stack.resolve(s.getOwnerId()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId(s), "OwnerId")));
  }

  @Test
  void unsetOptionsAreLeftToTheService() {
    Map<String, Object> props = properties(sync("App").publishDeploymentStatus(false).build());
    assertThat(props).containsEntry("PublishDeploymentStatus", "DISABLED");
    assertThat(props).doesNotContainKey("TriggerResourceUpdateOn");
  }

  @Test
  void theRoleIsTrustedByGitSyncForThisAccountAndConnectionOnly() {
    SyncConfiguration s = sync("App").build();
    Map<String, Object> role =
        CodeBuildSourceTest.castMap(resource(logicalId(s.getRole())).get("Properties"));
    Map<String, Object> trust =
        CodeBuildSourceTest.castMap(
            ((List<?>)
                    CodeBuildSourceTest.castMap(role.get("AssumeRolePolicyDocument"))
                        .get("Statement"))
                .get(0));
    assertThat(trust.get("Principal"))
        .isEqualTo(Map.of("Service", "cloudformation.sync.codeconnections.amazonaws.com"));
    assertThat(trust.get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of("aws:SourceAccount", "123456789012"),
                "ArnLike",
                Map.of(
                    "aws:SourceArn",
                    List.of(
                        "arn:aws:codestar-connections:us-east-1:123456789012:connection/"
                            + "11111111-2222-3333-4444-555555555555",
                        CONNECTION))));
  }

  @Test
  void theRoleMayChangeSetsOfTheSyncedStackAlone() {
    SyncConfiguration s = sync("App").build();
    Map<String, Object> role =
        CodeBuildSourceTest.castMap(resource(logicalId(s.getRole())).get("Properties"));
    String policies = role.get("Policies").toString();
    List<?> statements =
        (List<?>)
            CodeBuildSourceTest.castMap(
                    CodeBuildSourceTest.castMap(((List<?>) role.get("Policies")).get(0))
                        .get("PolicyDocument"))
                .get("Statement");
    Map<String, Object> scoped = CodeBuildSourceTest.castMap(statements.get(0));
    assertThat(scoped.get("Action")).isEqualTo(GitSyncRole.STACK_ACTIONS);
    assertThat(stack.resolve(scoped.get("Resource")).toString())
        .contains(":cloudformation:us-east-1:123456789012:stack/app/*");
    Map<String, Object> managed = CodeBuildSourceTest.castMap(statements.get(2));
    assertThat(managed.get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of("events:ManagedBy", "cloudformation.sync.codeconnections.amazonaws.com")));
    assertThat(policies)
        .contains("cloudformation:ListStacks")
        .contains("cloudformation:ValidateTemplate")
        .contains("events:DescribeRule");
    assertThat(resource(logicalId(s.getRole())).get("Metadata").toString())
        .contains("AwsSolutions-IAM5")
        .contains(
            "Resource::arn:<AWS::Partition>:cloudformation:us-east-1:123456789012:stack/app/*");
  }

  @Test
  void statementsAddedLaterGoIntoTheRolesOwnPolicy() {
    SyncConfiguration s = sync("App").build();
    s.addToRolePolicy(
        software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
            .actions(List.of("sqs:CreateQueue"))
            .resources(List.of("arn:aws:sqs:us-east-1:123456789012:app-jobs"))
            .build());
    assertThat(resource(logicalId(s.getRole())).get("Properties").toString())
        .contains("sqs:CreateQueue");
    assertThat(Template.fromStack(stack).findResources("AWS::IAM::Policy")).isEmpty();
  }

  @Test
  void aTokenConnectionArnIsSplitIntoBothNamespacesForms() {
    RepositoryLink onToken =
        RepositoryLink.Builder.create(stack, "OnToken")
            .connection(
                Connection.fromConnectionArn(stack, "Imported", Fn.importValue("ConnectionArn")))
            .ownerId("acme")
            .repositoryName("other")
            .build();
    SyncConfiguration s = sync("App").repositoryLink(onToken).build();
    String trust = resource(logicalId(s.getRole())).get("Properties").toString();
    assertThat(trust)
        .contains(":codestar-connections:")
        .contains(":codeconnections:")
        .contains("Fn::Split")
        .contains("ConnectionArn");
  }

  @Test
  void anImportedLinkTrustsByAccountOnly() {
    SyncConfiguration s =
        sync("App")
            .repositoryLink(
                RepositoryLink.fromRepositoryLinkId(stack, "Imported", RepositoryLinkTest.LINK_ID))
            .build();
    String trust = resource(logicalId(s.getRole())).get("Properties").toString();
    assertThat(trust).contains("aws:SourceAccount").doesNotContain("aws:SourceArn");
  }

  @Test
  void aGivenRoleGetsThePermissionsFirst() {
    Role own =
        Role.Builder.create(stack, "Own")
            .assumedBy(new ServicePrincipal(GitSyncRole.PRINCIPAL))
            .build();
    SyncConfiguration s = sync("App").role(own).build();
    s.addToRolePolicy(
        software.amazon.awscdk.services.iam.PolicyStatement.Builder.create()
            .actions(List.of("sqs:CreateQueue"))
            .resources(List.of("arn:aws:sqs:us-east-1:123456789012:app-jobs"))
            .build());

    assertThat(s.getRole()).isSameAs(own);
    String policy = Template.fromStack(stack).findResources("AWS::IAM::Policy").toString();
    assertThat(policy)
        .contains("cloudformation:CreateChangeSet")
        .contains("stack/app/*")
        .contains("sqs:CreateQueue");
    assertThat((List<?>) resource(logicalId(s)).get("DependsOn"))
        .anySatisfy(id -> assertThat(id.toString()).startsWith("OwnDefaultPolicy"));
  }

  @Test
  void anL1LinkIsTakenAsAReference() {
    CfnRepositoryLink l1 =
        CfnRepositoryLink.Builder.create(stack, "L1")
            .connectionArn(CONNECTION)
            .ownerId("acme")
            .repositoryName("infra")
            .build();
    SyncConfiguration s = sync("App").repositoryLink(l1).build();
    assertThat(properties(s))
        .containsEntry("RepositoryLinkId", Map.of("Fn::GetAtt", List.of("L1", "RepositoryLinkId")));
  }

  @Test
  void theModelsLimitsAreChecked() {
    assertThatThrownBy(() -> sync("Long").stackName("a".repeat(101)).build())
        .hasMessageContaining("SyncConfiguration at 'Platform/Long': stackName '")
        .hasMessageContaining("is 101 characters; the service allows 1 to 100");
    assertThatThrownBy(() -> sync("Digit").stackName("1app").build())
        .hasMessageContaining("stackName '1app' is not a stack name");
    assertThatThrownBy(() -> sync("Underscore").stackName("my_app").build())
        .hasMessageContaining("stackName 'my_app' is not a stack name");
    assertThatThrownBy(() -> sync("LongBranch").branch("b".repeat(256)).build())
        .hasMessageContaining("is 256 characters; the service allows 1 to 255");
    assertThatThrownBy(() -> sync("BadBranch").branch("feature..x").build())
        .hasMessageContaining("branch 'feature..x' is not a valid Git branch name");
    assertThatThrownBy(() -> sync("NoFile").deploymentFile(null).build())
        .hasMessage(
            "SyncConfiguration at 'Platform/NoFile': deploymentFile is null; it is required");
    assertThatThrownBy(() -> sync("TwoLines").deploymentFile("a.yaml\nb.yaml").build())
        .hasMessageContaining("deploymentFile 'a.yaml\nb.yaml' has a line break");
    assertThatThrownBy(
            () -> SyncConfiguration.Builder.create(stack, "NoLink").stackName("app").build())
        .hasMessageContaining("SyncConfiguration at 'Platform/NoLink': repositoryLink is required");
    assertThatThrownBy(() -> sync("Itself").stackName("Platform").build())
        .hasMessageContaining(
            "stackName 'Platform' is the stack that holds this sync configuration");
    sync("Tokens").stackName(Fn.importValue("StackName")).branch(Fn.importValue("Branch")).build();
  }

  @Test
  void aRetainedConfigurationOnADeletedLinkIsRefused() {
    sync("Kept").removalPolicy(RemovalPolicy.RETAIN).build();
    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining(
            "SyncConfiguration at 'Platform/Kept': is retained, but its repository link at"
                + " 'Platform/Infra' is deleted with the stack");
  }

  @Test
  void bothRetainedIsFine() {
    link.applyRemovalPolicy(RemovalPolicy.RETAIN);
    SyncConfiguration s = sync("Kept").removalPolicy(RemovalPolicy.RETAIN).build();
    assertThat(resource(logicalId(s)).get("DeletionPolicy")).isEqualTo("Retain");
  }
}
