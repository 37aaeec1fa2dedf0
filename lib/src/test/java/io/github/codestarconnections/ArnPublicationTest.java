package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ssm.StringParameter;

class ArnPublicationTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Connection connection() {
    return Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .handshakeOutput(false)
        .build();
  }

  private Host host() {
    return Host.Builder.create(stack, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .build();
  }

  private Object arnOf(Connection c) {
    return Map.of(
        "Fn::GetAtt",
        List.of(
            stack.getLogicalId((software.amazon.awscdk.CfnElement) c.getNode().getDefaultChild()),
            "ConnectionArn"));
  }

  @Test
  void connectionExportsItsArnUnderTheGivenName() {
    Connection c = connection();
    CfnOutput out = c.exportConnectionArn("Shared-GitHub:Arn");

    assertThat(out.getExportName()).isEqualTo("Shared-GitHub:Arn");
    Map<String, Map<String, Object>> outputs =
        Template.fromStack(stack)
            .findOutputs("*", Map.of("Export", Map.of("Name", "Shared-GitHub:Arn")));
    assertThat(outputs).hasSize(1);
    assertThat(outputs.values().iterator().next().get("Value")).isEqualTo(arnOf(c));
  }

  @Test
  void connectionPublishesItsArnAsAnSsmStringParameter() {
    Connection c = connection();
    StringParameter p = c.publishConnectionArnParameter("/ci/connections/github");

    assertThat(p.getNode().getPath()).startsWith("Stack/GitHub/");
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::SSM::Parameter",
            Map.of(
                "Name",
                "/ci/connections/github",
                "Type",
                "String",
                "Value",
                arnOf(c),
                "Tier",
                "Standard"));
  }

  @Test
  void hostPublishesItsArnBothWaysAndImportsFromTheParameter() {
    Host h = host();
    h.exportHostArn("GhesHostArn");
    h.publishHostArnParameter("/ci/hosts/ghes");

    Template t = Template.fromStack(stack);
    assertThat(t.findOutputs("*", Map.of("Export", Map.of("Name", "GhesHostArn")))).hasSize(1);
    t.hasResourceProperties(
        "AWS::SSM::Parameter",
        Map.of("Name", "/ci/hosts/ghes", "Value", Map.of("Ref", Match.stringLikeRegexp("Ghes.*"))));

    Stack consumer = new Stack(app, "Consumer");
    IHost imported = Host.fromHostArnParameter(consumer, "Ghes", "/ci/hosts/ghes");
    assertThat(consumer.resolve(imported.getHostArn()).toString())
        .contains("SsmParameterValuecihostsghes");
  }

  @Test
  void namesAreCheckedAgainstTheServicesRules() {
    Connection c = connection();

    assertThatThrownBy(() -> c.exportConnectionArn("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Connection at 'Stack/GitHub': exportName 'has space' is not a valid CloudFormation"
                + " export name; it must be 1 to 255 characters of A-Z, a-z, 0-9, ':' and '-'");
    assertThatThrownBy(() -> c.exportConnectionArn("x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(it is 256)");
    assertThatThrownBy(() -> c.publishConnectionArnParameter("/ci/conn#1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameterName '/ci/conn#1' is not a valid SSM parameter name");
    assertThatThrownBy(() -> c.publishConnectionArnParameter("/aws/ci"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("begins with 'aws' or 'ssm'");
    assertThatThrownBy(() -> c.publishConnectionArnParameter(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 2048");
    assertThatThrownBy(() -> Connection.fromConnectionArnParameter(stack, "Bad", "ssm-thing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection import at 'Stack/Bad'");
    assertThatThrownBy(() -> Host.fromHostArnParameter(stack, "Bad", "a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Host import at 'Stack/Bad'");
  }

  @Test
  void publishingTheSameNameTwiceIsRejectedWithTheName() {
    Connection c = connection();
    c.exportConnectionArn("GitHubArn");
    c.publishConnectionArnParameter("/ci/github");

    assertThatThrownBy(() -> c.exportConnectionArn("GitHubArn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exportName 'GitHubArn' is already published by this construct");
    assertThatThrownBy(() -> c.publishConnectionArnParameter("/ci/github"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameterName '/ci/github' is already published");
  }
}
