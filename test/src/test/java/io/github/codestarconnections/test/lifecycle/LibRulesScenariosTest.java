package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.test.standin.StandInClients;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codestarconnections.model.Tag;

/** Issue 10's items whose fix is in lib: what the apps must show once lib has them. */
class LibRulesScenariosTest extends LifecycleScenario {

  @Test
  void azureDevOpsInTheCodestarConnectionsNamespaceIsRefusedAtSynth() {
    LifecycleApp app =
        LifecycleApp.of(
            List.of(),
            List.of(ConnectionDef.to("Ado", "lifecycle-ado", ProviderType.AZURE_DEVOPS)));
    assertThatThrownBy(app::template)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AZURE_DEVOPS");
  }

  @Test
  void aDestroyedHostWithARetainedConnectionIsRefusedAtSynth() {
    LifecycleApp app =
        app(
            ghes().removal(RemovalPolicy.DESTROY),
            ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes"));
    assertThatThrownBy(app::template).hasMessageContaining("removalPolicy");
  }

  @Test
  void theSecurityGroupMadeForAVpcHostLetsWebhooksIn() {
    Map<String, Object> template = app(ghes().inVpc("A")).withNetwork().template();
    Map<String, Object> group =
        Templates.map(
            Templates.map(
                    Templates.resources(template).entrySet().stream()
                        .filter(e -> e.getKey().startsWith("GhesSecurityGroup"))
                        .findFirst()
                        .orElseThrow()
                        .getValue())
                .get("Properties"));
    assertThat(group.get("SecurityGroupIngress"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .isNotEmpty();
  }

  /**
   * Item 14: the actions that change a host or its tags reach only the stack's own hosts
   * (host/<name>-*). GetHost and DeleteHost stay on every host of the namespace (see
   * HandlerPermissions: the examples of the ARN format disagree, so the handler must be able to
   * wait for and delete a host it made whatever its ARN).
   */
  @Test
  void theHandlerRolesCannotChangeAnotherStacksHost() {
    deploy(app(ghes()), "CREATE_COMPLETE");
    String own = cfn.physicalId("Ghes");
    String foreign =
        standIn.seedHost(
            io.github.codestarconnections.lambda.Namespace.CODESTAR_CONNECTIONS,
            "someone-elses",
            "GitHubEnterpriseServer",
            "https://elsewhere.example.com",
            Map.of());
    for (String handler : List.of("OnEventHandler", "IsCompleteHandler")) {
      try (StandInClients role = new StandInClients(standIn, cfn.roleOf(handler))) {
        var api = role.codeStar();
        assertThatThrownBy(() -> api.untagResource(b -> b.resourceArn(foreign).tagKeys("team")))
            .hasMessageContaining("not authorized");
        assertThatThrownBy(() -> api.listTagsForResource(b -> b.resourceArn(foreign)))
            .hasMessageContaining("not authorized");
        assertThat(api.listTagsForResource(b -> b.resourceArn(own)).tags()).isEmpty();
      }
    }
    try (StandInClients role = new StandInClients(standIn, cfn.roleOf("OnEventHandler"))) {
      var api = role.codeStar();
      assertThatThrownBy(
              () ->
                  api.tagResource(
                      b ->
                          b.resourceArn(foreign)
                              .tags(Tag.builder().key("team").value("mine").build())))
          .isInstanceOf(AwsServiceException.class)
          .hasMessageContaining("not authorized");
      assertThatThrownBy(
              () ->
                  api.updateHost(
                      b -> b.hostArn(foreign).providerEndpoint("https://evil.example.com")))
          .hasMessageContaining("not authorized");
    }
    assertThat(standIn.host(foreign).tags()).isEmpty();
    assertThat(standIn.host(foreign).providerEndpoint()).isEqualTo("https://elsewhere.example.com");
  }

  /**
   * Item 14: a host whose name is a token (or has characters the ARN examples do not show) cannot
   * be named at synth: the handler roles then reach every host of the namespace, and it works.
   */
  @Test
  void aHostWhoseArnIsUnknownAtSynthStillDeploysAndDeletes() {
    HostDef spaced = ghes().named("lifecycle ghes").removal(RemovalPolicy.DESTROY);
    LifecycleApp v1 = app(spaced.tagged(Map.of("team", "ci")));
    deploy(v1, "CREATE_COMPLETE");
    account().app(v1).verify();
    deleteStack("DELETE_COMPLETE");
    account().verify();
  }
}
