package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.IResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codepipeline.Artifact;

/** An import made from a literal ARN reports the owner's account and region, as aws-cdk's do. */
class ImportEnvironmentTest {
  private static final String HOST =
      "arn:aws:codeconnections:eu-west-1:210987654321:host/ghes-1a2b3c4d";
  private static final String CONNECTION =
      "arn:aws:codestar-connections:eu-central-1:210987654321:connection/0b1c2d3e";

  private final Stack stack =
      new Stack(
          new App(),
          "Stack",
          StackProps.builder()
              .env(Environment.builder().account("123456789012").region("us-east-1").build())
              .build());

  private static void assertEnvironment(IResource r, String account, String region) {
    assertThat(r.getEnv().getAccount()).isEqualTo(account);
    assertThat(r.getEnv().getRegion()).isEqualTo(region);
  }

  @Test
  void literalArnsGiveTheOwnersAccountAndRegion() {
    assertEnvironment(Host.fromHostArn(stack, "Host", HOST), "210987654321", "eu-west-1");
    assertEnvironment(
        Connection.fromConnectionArn(stack, "Connection", CONNECTION),
        "210987654321",
        "eu-central-1");
    assertEnvironment(
        Connection.fromConnectionAttributes(
            stack, "Named", new ConnectionAttributes(CONNECTION, "github")),
        "210987654321",
        "eu-central-1");
  }

  @Test
  void tokenArnsKeepTheImportingStacksEnvironment() {
    assertEnvironment(
        Host.fromHostArn(stack, "Host", Fn.importValue("HostArn")), "123456789012", "us-east-1");
    assertEnvironment(
        Host.fromHostArnParameter(stack, "Ssm", "/ci/hosts/ghes"), "123456789012", "us-east-1");
    assertEnvironment(
        Connection.fromConnectionArnParameter(stack, "Conn", "/ci/connections/github"),
        "123456789012",
        "us-east-1");
  }

  @Test
  void aPipelineStillUsesAConnectionOfAnotherAccountAndRegion() {
    // Connections are global: a pipeline in any region may use one made elsewhere.
    IConnection shared = Connection.fromConnectionArn(stack, "Shared", CONNECTION);
    Artifact source = new Artifact("Source");
    ConnectionSourceActionTest.pipeline(
        stack, ConnectionSourceActionTest.source(shared, source).build(), source);

    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(u -> assertThat(u.resource()).isEqualTo(CONNECTION));
  }
}
