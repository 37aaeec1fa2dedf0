package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codestarconnections.CfnConnection;

/**
 * A tag key starting with {@code aws:} is refused however it reaches a connection or host: the
 * props refuse it at construction, and one from {@code Tags.of} (which aws-cdk passes to the
 * template unchecked) is refused at synth, under the construct that would carry it.
 */
class ReservedTagKeyTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private static final String RULE =
      "starts with 'aws:' (in any letter case), which is reserved for AWS's own tags: a tag key"
          + " \"cannot be prefixed with aws:\" (the registry schemas of"
          + " AWS::CodeStarConnections::Connection and AWS::CodeConnections::Connection; AWS's"
          + " tagging rules, https://docs.aws.amazon.com/general/latest/gr/aws_tagging.html)";

  @Test
  void awsCdkItselfPassesAnAwsKeyFromTagsOfIntoTheTemplate() {
    // What the check makes up for: an L1 takes the key from Tags.of without a word.
    CfnConnection.Builder.create(stack, "L1").connectionName("l1").providerType("GitHub").build();
    Tags.of(stack).add("aws:team", "platform");

    assertThat(
            Template.fromStack(stack)
                .findResources("AWS::CodeStarConnections::Connection")
                .values()
                .iterator()
                .next()
                .get("Properties"))
        .isEqualTo(
            Map.of(
                "ConnectionName",
                "l1",
                "ProviderType",
                "GitHub",
                "Tags",
                List.of(Map.of("Key", "aws:team", "Value", "platform"))));
  }

  @ParameterizedTest
  @EnumSource(ServiceNamespace.class)
  void aConnectionTaggedAwsThroughTagsOfIsRefusedAtSynthUnderItself(ServiceNamespace namespace) {
    Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .serviceNamespace(namespace)
        .handshakeOutput(false)
        .build();
    Tags.of(stack).add("AWS:team", "platform");

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Stack/GitHub] Connection at 'Stack/GitHub': tag key 'AWS:team' (added through"
                + " Tags.of or getTags()) "
                + RULE
                + ": aws-cdk's Tags.of writes such a key into the template unchecked; remove it"
                + " from this construct, e.g. Tags.of(construct).remove(\"AWS:team\")");
  }

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void aHostTaggedAwsThroughTagsOfIsRefusedAtSynthUnderItself(HostBackend backend) {
    Host.Builder.create(stack, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://github.example.com")
        .backend(backend)
        .build();
    Tags.of(stack).add("aws:team", "platform");

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Stack/Ghes] Host at 'Stack/Ghes': tag key 'aws:team' (added through Tags.of or"
                + " getTags()) "
                + RULE);
  }

  @Test
  void theKeyRemovedFromTheConstructPasses() {
    Connection github =
        Connection.Builder.create(stack, "GitHub")
            .providerType(ProviderType.GITHUB)
            .handshakeOutput(false)
            .build();
    Tags.of(stack).add("aws:team", "platform");
    Tags.of(github).remove("aws:team");

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void thePropsRefuseTheKeyAtConstructionWithTheSameRule() {
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "GitHub")
                    .providerType(ProviderType.GITHUB)
                    .tags(Map.of("aws:team", "platform"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Connection at 'Stack/GitHub': tags key 'aws:team' " + RULE);
  }
}
