package io.github.codestarconnections.test.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.codestarconnections.Connection;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.RepositoryLink;
import io.github.codestarconnections.SyncConfiguration;
import io.github.codestarconnections.SyncTrigger;
import io.github.codestarconnections.lambda.Namespace;
import io.github.codestarconnections.test.standin.ServiceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * The limits RepositoryLink and SyncConfiguration check at synth are the service models' (both
 * namespaces', which agree): lib takes a value at each limit and refuses one past it; the enums it
 * renders are the models'. Skips, saying so, without ../shared/reference (the stand-in serves no
 * Git sync shapes).
 */
class GitSyncRuleAgreementTest {
  private static ServiceModel codestar;
  private static ServiceModel code;

  private final Stack stack = new Stack(new App(), "Stack");
  private final IConnection github =
      Connection.fromConnectionArn(
          stack,
          "GitHub",
          "arn:aws:codeconnections:us-east-1:123456789012:connection/"
              + "11111111-2222-3333-4444-555555555555");
  private int ids;

  @BeforeAll
  static void models() throws IOException {
    String notChecked = "the Git sync limits lib checks against the service models";
    codestar = official(Namespace.CODESTAR_CONNECTIONS, notChecked);
    code = official(Namespace.CODECONNECTIONS, notChecked);
  }

  /** The official botocore model of a namespace; skips, saying so, without the reference data. */
  private static ServiceModel official(Namespace namespace, String notChecked) throws IOException {
    Path file = ReferenceData.require(ServiceModel.referenceFile(namespace), notChecked);
    return ServiceModel.of(namespace, new ObjectMapper().readTree(file.toFile()));
  }

  private static int limit(String shape) {
    int max = codestar.max(shape);
    assertThat(code.max(shape)).as(shape + " in both models").isEqualTo(max);
    return max;
  }

  private static void agree(String shape, IntConsumer lib) {
    int max = limit(shape);
    assertThatCode(() -> lib.accept(max))
        .as("lib at " + shape + " " + max)
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> lib.accept(max + 1))
        .as("lib past " + shape)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is " + (max + 1) + " characters; the service allows 1 to " + max);
  }

  private String id() {
    return "R" + ids++;
  }

  private RepositoryLink.Builder link() {
    return RepositoryLink.Builder.create(stack, id())
        .connection(github)
        .ownerId("acme")
        .repositoryName("infrastructure");
  }

  private SyncConfiguration.Builder sync() {
    return SyncConfiguration.Builder.create(stack, id())
        .repositoryLink(link().build())
        .branch("main")
        .deploymentFile("deployments/app.yaml")
        .stackName("app" + ids);
  }

  @Test
  void theLengthsAreTheModels() {
    agree("OwnerId", n -> link().ownerId("o".repeat(n)).build());
    agree("RepositoryName", n -> link().repositoryName("r".repeat(n)).build());
    agree("BranchName", n -> sync().branch("b".repeat(n)).build());
    agree("ResourceName", n -> sync().stackName("s".repeat(n)).build());
  }

  @Test
  void theEnumsAreTheModels() {
    for (ServiceModel model : List.of(codestar, code)) {
      assertThat(model.enumValues("SyncConfigurationType")).containsExactly("CFN_STACK_SYNC");
      assertThat(model.enumValues("PublishDeploymentStatus"))
          .containsExactlyInAnyOrder("ENABLED", "DISABLED");
      assertThat(model.enumValues("TriggerResourceUpdateOn"))
          .containsExactlyInAnyOrderElementsOf(
              Arrays.stream(SyncTrigger.values()).map(Enum::name).toList());
    }
    // PullRequestComment, which the library does not offer, is the codeconnections model's alone.
    assertThat(code.enumValues("PullRequestComment")).isNotEmpty();
    assertThat(codestar.enumValues("PullRequestComment")).isEmpty();
  }
}
