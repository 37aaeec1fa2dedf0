package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.EventAction;
import software.amazon.awscdk.services.codebuild.Project;

/**
 * Issue 22: what a first deploy of a new stack needs at synth. Nothing uses a connection made in
 * the same deployment while it is PENDING unless it waits for the handshake; a failed create leaves
 * no connection or host behind; a readiness check reads a host in its own Region; a GitHub global
 * webhook is not asked of CloudFormation.
 */
class FirstDeployTest {
  private static final String ARN = ConnectionSourceActionTest.CODECONNECTIONS_ARN;

  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Connection github() {
    return Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();
  }

  private static CodeBuildSourceProps.Builder webhookOn(IConnection c) {
    return CodeBuildSourceProps.builder()
        .connection(c)
        .owner("acme")
        .repo("service")
        .webhookFilters(List.of(WebhookFilterGroup.inEventOf(EventAction.PUSH)));
  }

  private Project project(CodeBuildSourceProps props) {
    return Project.Builder.create(stack, "Build")
        .source(CodeBuildSource.gitHub(props))
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
  }

  // ---- Nothing used while PENDING -------------------------------------------------------------

  @Test
  void aWebhookOnAConnectionMadeInThisAppIsRefusedAtSynthWithTheWayOut() {
    Connection c = github();
    project(webhookOn(c).build());

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining(
            "CodeBuildSource.gitHub on connection at 'Stack/GitHub': project at 'Stack/Build' has"
                + " a webhook, which CodeBuild makes through the connection when CloudFormation"
                + " creates the project (CreateWebhook)")
        .hasMessageContaining("is PENDING in the deployment that makes it")
        .hasMessageContaining(HandshakeWait.PENDING_DOC)
        .hasMessageContaining("give the source waitForAvailable(true)")
        .hasMessageContaining("WAIT_FOR_AVAILABLE");
  }

  @Test
  void aWebhookOnAConnectionOfAnotherStackOfTheAppIsRefusedToo() {
    Stack other = new Stack(app, "Connections");
    Connection c =
        Connection.Builder.create(other, "GitHub").providerType(ProviderType.GITHUB).build();
    project(webhookOn(c).build());

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining("connection at 'Connections/GitHub' is made in this app");
  }

  @Test
  void waitForAvailableMakesTheProjectWaitOnACheckOfTheConnection() {
    Connection c = github();
    Project p = project(webhookOn(c).waitForAvailable(true).build());
    Template t = Template.fromStack(stack);
    Map<String, Object> template = t.toJSON();

    ReadinessCheck check = (ReadinessCheck) p.getNode().findChild(HandshakeWait.WAIT_ID);
    assertThat(check.getMode()).isEqualTo(ReadinessMode.WAIT_FOR_AVAILABLE);
    String checkId = stack.getLogicalId((CfnElement) check.getNode().getDefaultChild());
    String projectId = stack.getLogicalId((CfnElement) p.getNode().getDefaultChild());
    assertThat(CreationOrderTest.resources(template).get(projectId).get("DependsOn"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains(checkId);
    t.hasResourceProperties(
        ReadinessCheck.RESOURCE_TYPE,
        Map.of(
            "Mode",
            "WAIT_FOR_AVAILABLE",
            "ResourceArn",
            Map.of(
                "Fn::GetAtt",
                List.of(
                    stack.getLogicalId((CfnElement) c.getNode().getDefaultChild()),
                    "ConnectionArn"))));
    // cdk deploy prints it before the deploy starts: where the person goes while it waits.
    Annotations.fromStack(stack)
        .hasInfo(
            "/Stack/Build/" + HandshakeWait.WAIT_ID,
            Match.stringLikeRegexp(
                "While the stack deploys, this check waits up to 600 s for connection .* to be"
                    + " AVAILABLE\\. Meanwhile, open .*'Update pending connection'.*"));
  }

  @Test
  void aCheckTheUserMadeAndTheProjectDependsOnIsAWaitToo() {
    Connection c = github();
    ReadinessCheck ready =
        ReadinessCheck.Builder.create(stack, "Ready")
            .connection(c)
            .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
            .build();
    Project p = project(webhookOn(c).build());
    p.getNode().addDependency(ready);

    Template.fromStack(stack).resourceCountIs("AWS::CodeBuild::Project", 1);
  }

  @Test
  void aCheckThatDoesNotWaitOrReadsAnotherConnectionIsNoWait() {
    Connection c = github();
    Connection other =
        Connection.Builder.create(stack, "Other").providerType(ProviderType.GITHUB).build();
    ReadinessCheck report = ReadinessCheck.Builder.create(stack, "Report").connection(c).build();
    ReadinessCheck otherWait =
        ReadinessCheck.Builder.create(stack, "OtherWait")
            .connection(other)
            .mode(ReadinessMode.WAIT_FOR_AVAILABLE)
            .build();
    Project p = project(webhookOn(c).build());
    p.getNode().addDependency(report, otherWait);

    assertThatThrownBy(() -> Template.fromStack(stack)).hasMessageContaining("waitForAvailable");
  }

  @Test
  void aConnectionMadeElsewhereOrAProjectWithoutWebhookIsNotRefused() {
    IConnection imported = Connection.fromConnectionArn(stack, "Imported", ARN);
    project(webhookOn(imported).build());
    Connection c = github();
    Project.Builder.create(stack, "NoWebhook")
        .source(
            CodeBuildSource.gitHub(
                CodeBuildSourceProps.builder().connection(c).owner("acme").repo("svc").build()))
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();

    Template.fromStack(stack).resourceCountIs("AWS::CodeBuild::Project", 2);
  }

  @Test
  void projectsOnTheDefaultCredentialDependOnItAndAWebhookOnANewConnectionMustWait() {
    IConnection imported = Connection.fromConnectionArn(stack, "Imported", ARN);
    CodeBuildSourceCredential credential =
        CodeBuildSourceCredential.Builder.create(stack, "Credential")
            .connection(imported)
            .providerType(ProviderType.GITHUB)
            .build();
    Project reads =
        Project.Builder.create(stack, "Reads")
            .source(
                software.amazon.awscdk.services.codebuild.Source.gitHub(
                    software.amazon.awscdk.services.codebuild.GitHubSourceProps.builder()
                        .owner("acme")
                        .repo("service")
                        .webhook(true)
                        .build()))
            .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
            .build();
    Project ownAuth = project(webhookOn(imported).build());
    Map<String, Map<String, Object>> resources =
        CreationOrderTest.resources(Template.fromStack(stack).toJSON());

    String credentialId = stack.getLogicalId((CfnElement) credential.getNode().getDefaultChild());
    assertThat(
            resources
                .get(stack.getLogicalId((CfnElement) reads.getNode().getDefaultChild()))
                .get("DependsOn"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .contains(credentialId);
    assertThat(
            resources
                .get(stack.getLogicalId((CfnElement) ownAuth.getNode().getDefaultChild()))
                .toString())
        .doesNotContain(credentialId);

    // The same on a connection made in this app: the webhook must wait for the handshake.
    App app2 = new App();
    Stack s2 = new Stack(app2, "S2");
    Connection own =
        Connection.Builder.create(s2, "GitHub").providerType(ProviderType.GITHUB).build();
    CodeBuildSourceCredential.Builder.create(s2, "Credential").connection(own).build();
    Project.Builder.create(s2, "Reads")
        .source(
            software.amazon.awscdk.services.codebuild.Source.gitHub(
                software.amazon.awscdk.services.codebuild.GitHubSourceProps.builder()
                    .owner("acme")
                    .repo("service")
                    .webhook(true)
                    .build()))
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
    assertThatThrownBy(() -> Template.fromStack(s2))
        .hasMessageContaining(
            "CodeBuildSourceCredential at 'S2/Credential': project at 'S2/Reads' reads through this"
                + " default credential and has a webhook")
        .hasMessageContaining(
            "make it depend on a ReadinessCheck of the connection in mode" + " WAIT_FOR_AVAILABLE");
  }

  // ---- A failed create leaves nothing behind ---------------------------------------------------

  @Test
  void connectionsAndHostsAreKeptExceptByTheRollbackOfTheirOwnCreate() {
    Connection c = github();
    Host ghes =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .build();
    Connection onGhes = Connection.Builder.create(stack, "OnGhes").host(ghes).build();
    Map<String, Map<String, Object>> resources =
        CreationOrderTest.resources(Template.fromStack(stack).toJSON());

    // UpdateReplacePolicy: Retain, as aws-cdk has RETAIN_ON_UPDATE_OR_DELETE; Delete for a replaced
    // host, which is useless, and for a connection replaced with its host.
    Map<software.constructs.IConstruct, String> updateReplace =
        Map.of(c, "Retain", ghes, "Delete", onGhes, "Delete");
    updateReplace.forEach(
        (construct, policy) ->
            assertThat(
                    resources.get(
                        stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild())))
                .as(construct.getNode().getPath())
                .containsEntry("DeletionPolicy", "RetainExceptOnCreate")
                .containsEntry("UpdateReplacePolicy", policy));
  }

  @Test
  void aDestroyedHostWithAConnectionOfTheDefaultPolicyIsStillRefused() {
    Host ghes =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    Connection.Builder.create(stack, "OnGhes").host(ghes).build();

    assertThatThrownBy(() -> Template.fromStack(stack))
        .hasMessageContaining(
            "has removalPolicy DESTROY, but Connection at 'Stack/OnGhes' on it is retained"
                + " (removalPolicy RETAIN_ON_UPDATE_OR_DELETE, the default for connections, or"
                + " RETAIN)");
  }

  // ---- Honest readiness ------------------------------------------------------------------------

  @Test
  void aCheckOfAHostInAnotherRegionIsRefusedWhenBothRegionsAreKnown() {
    Stack inIreland = regional("Ireland", "eu-west-1");
    IHost frankfurt =
        Host.fromHostArn(
            inIreland, "Ghes", "arn:aws:codeconnections:eu-central-1:123456789012:host/ghes-1a2b");

    assertThatThrownBy(
            () -> ReadinessCheck.Builder.create(inIreland, "Ready").host(frankfurt).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "ReadinessCheck at 'Ireland/Ready': host at 'Ireland/Ghes' is in Region eu-central-1,"
                + " the check's stack in eu-west-1; hosts are regional (\"You use host resources"
                + " only in the Region where they were created\"")
        .hasMessageContaining("make the check in a stack of eu-central-1");

    // The same Region, or a Region unknown at synth, is fine.
    IHost local =
        Host.fromHostArn(
            inIreland, "Local", "arn:aws:codeconnections:eu-west-1:123456789012:host/ghes-1a2b");
    ReadinessCheck.Builder.create(inIreland, "LocalReady").host(local).build();
    IHost elsewhere =
        Host.fromHostArn(
            stack, "Elsewhere", "arn:aws:codeconnections:eu-central-1:123456789012:host/ghes-1a2b");
    ReadinessCheck.Builder.create(stack, "AgnosticReady").host(elsewhere).build();
  }

  private Stack regional(String id, String region) {
    return new Stack(
        app,
        id,
        StackProps.builder()
            .env(Environment.builder().account("123456789012").region(region).build())
            .build());
  }

  // ---- A GitHub global webhook is made by hand -------------------------------------------------

  @Test
  void aGlobalScopeWithoutWebhookGivesTheScopedLocationAndNoTriggers() {
    IConnection c = Connection.fromConnectionArn(stack, "C", ARN);
    Project.Builder.create(stack, "Runner")
        .source(
            CodeBuildSource.gitHub(
                CodeBuildSourceProps.builder()
                    .connection(c)
                    .webhook(false)
                    .webhookScope(WebhookScope.gitHubGlobal("acme-enterprise"))
                    .build()))
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeBuild::Project",
            Map.of(
                "Source",
                Match.objectLike(
                    Map.of("Location", CodeBuildSource.DEFAULT_WEBHOOK_SOURCE_LOCATION)),
                "Triggers",
                Match.absent()));
  }
}
