package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.test.standin.StandInClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

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
  @AwaitsLibFix(
      "item 8: a DESTROY host with a RETAIN connection on it can never be deleted; refuse the"
          + " combination at synth")
  void aDestroyedHostWithARetainedConnectionIsRefusedAtSynth() {
    LifecycleApp app =
        app(
            ghes().removal(RemovalPolicy.DESTROY),
            ConnectionDef.onHost("GhesConnection", "lifecycle-ghes", "Ghes"));
    assertThatThrownBy(app::template).hasMessageContaining("removalPolicy");
  }

  @Test
  @AwaitsLibFix(
      "item 13: the security group made for a VPC host also needs inbound rules (webhooks come in"
          + " through the host's VPC endpoint)")
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
    assertThat(group.get("SecurityGroupIngress")).asList().isNotEmpty();
  }

  @Test
  @AwaitsLibFix(
      "item 14: the handler roles' host actions must be scoped to the stack's hosts (host/<name>-*)"
          + " where the names are known at synth")
  void theHandlerRoleCannotTouchAnotherStacksHost() {
    deploy(app(ghes()), "CREATE_COMPLETE");
    String foreign =
        standIn.seedHost(
            io.github.codestarconnections.lambda.Namespace.CODESTAR_CONNECTIONS,
            "someone-elses",
            "GitHubEnterpriseServer",
            "https://elsewhere.example.com",
            Map.of());
    try (StandInClients role = new StandInClients(standIn, cfn.roleOf("OnEventHandler"))) {
      assertThatThrownBy(() -> role.codeStar().deleteHost(b -> b.hostArn(foreign)))
          .isInstanceOf(AwsServiceException.class)
          .hasMessageContaining("not authorized");
    }
    assertThat(standIn.hosts()).hasSize(2);
  }
}
