package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

/** The stack-level settings of the host provider and the errors a user can make with them. */
class HostProviderSettingsTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Host ghes(String id, ServiceNamespace namespace) {
    return Host.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint("https://" + id.toLowerCase(Locale.ROOT) + ".example.com")
        .serviceNamespace(namespace)
        .build();
  }

  @Test
  void theSettingsLiveAtTheirIdAndFillInTheDefaults() {
    HostProviderSettings settings =
        HostProviderSettings.Builder.create(stack).queryInterval(Duration.seconds(90)).build();

    assertThat(stack.getNode().tryFindChild(HostProviderSettings.ID)).isSameAs(settings);
    assertThat(settings.getQueryInterval().toSeconds()).isEqualTo(90);
    // The cap follows a queryInterval above its default, so the interval stays fixed.
    assertThat(settings.getMaxQueryInterval().toSeconds()).isEqualTo(90);
    assertThat(settings.getTotalTimeout().toMinutes()).isEqualTo(30);
    assertThat(settings.isSnapStart()).isFalse();
  }

  @Test
  void bothNamespacesProvidersUseTheStacksSettings() {
    HostProviderSettings.Builder.create(stack)
        .queryInterval(Duration.seconds(15))
        .maxQueryInterval(Duration.seconds(15))
        .totalTimeout(Duration.minutes(15))
        .build();
    ghes("Old", ServiceNamespace.CODESTAR_CONNECTIONS);
    ghes("New", ServiceNamespace.CODECONNECTIONS);

    Template t = Template.fromStack(stack);
    assertThat(ProviderTemplates.waiterDefinitions(t))
        .hasSize(2)
        .allSatisfy(
            d ->
                assertThat(d)
                    .contains("\"IntervalSeconds\":15,\"MaxAttempts\":60,\"BackoffRate\":1}"));
  }

  @Test
  void settingsMadeAfterTheProviderNameTheHostThatBuiltIt() {
    ghes("First", ServiceNamespace.CODESTAR_CONNECTIONS);

    assertThatThrownBy(
            () ->
                HostProviderSettings.Builder.create(stack)
                    .queryInterval(Duration.seconds(10))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "HostProviderSettings at 'Stack/HostProviderSettings': the stack's host provider"
                + " Stack/CodeStarConnectionsHostProvider was already built, with the settings it"
                + " had then, for Host at 'Stack/First'; make HostProviderSettings before the"
                + " stack's first Host, connection lookup or ReadinessCheck");
  }

  @Test
  void aSecondSettingsConstructIsRefused() {
    HostProviderSettings.Builder.create(stack).build();

    assertThatThrownBy(() -> HostProviderSettings.Builder.create(stack).snapStart(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "HostProviderSettings at 'Stack/HostProviderSettings': the stack already has"
                + " HostProviderSettings; a stack has one");
  }

  @Test
  void aConstructOfTheUsersAtTheSettingsIdIsReported() {
    new Construct(stack, HostProviderSettings.ID);

    assertThatThrownBy(() -> HostProviderSettings.Builder.create(stack).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has a construct with id 'HostProviderSettings'");
    assertThatThrownBy(() -> ghes("Ghes", ServiceNamespace.CODESTAR_CONNECTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "Host at 'Stack/Ghes': the stack already has a construct with id"
                + " 'HostProviderSettings', which this library keeps for the host provider"
                + " settings; rename it");
  }

  @Test
  void aMaxQueryIntervalBelowTheIntervalIsRejected() {
    assertThatThrownBy(
            () ->
                HostProviderSettings.Builder.create(stack)
                    .queryInterval(Duration.seconds(30))
                    .maxQueryInterval(Duration.seconds(10))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "HostProviderSettings at 'Stack/HostProviderSettings': maxQueryInterval 10 seconds is"
                + " shorter than queryInterval 30 seconds; the waits between status checks start"
                + " at queryInterval and grow up to maxQueryInterval (give both the same value for"
                + " a fixed interval)");
  }

  @Test
  void intervalsTheWaiterCannotCountAreRejected() {
    assertThatThrownBy(
            () ->
                HostProviderSettings.Builder.create(stack)
                    .queryInterval(Duration.millis(1500))
                    .build())
        .hasMessageContaining(
            "HostProviderSettings at 'Stack/HostProviderSettings': queryInterval 1 second 500 millis is"
                + " not a whole number of seconds of at least 1");
    assertThatThrownBy(
            () ->
                HostProviderSettings.Builder.create(stack)
                    .queryInterval(Duration.seconds(0))
                    .build())
        .hasMessageContaining("queryInterval 0 seconds is not a whole number of seconds");
    assertThatThrownBy(
            () ->
                HostProviderSettings.Builder.create(stack)
                    .queryInterval(Duration.seconds(7))
                    .totalTimeout(Duration.minutes(1))
                    .build())
        .hasMessageContaining(
            "totalTimeout 1 minute is not a whole multiple of queryInterval 7 seconds; the CDK"
                + " Provider framework counts its checks as totalTimeout / queryInterval");
  }

  @Test
  void settingsInAStackWithoutACustomResourceHostFailSynthesis() {
    HostProviderSettings.Builder.create(stack).snapStart(true).build();

    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining(
            "HostProviderSettings at 'Stack/HostProviderSettings': the stack has no Host backed by"
                + " the custom resource (Custom::CodeStarConnectionsHost), so no host provider"
                + " reads these settings");
  }

  @Test
  void settingsWithAHostInTheOtherNamespaceAreUsed() {
    HostProviderSettings.Builder.create(stack).build();
    ghes("New", ServiceNamespace.CODECONNECTIONS);

    assertThatCode(app::synth).doesNotThrowAnyException();
  }
}
