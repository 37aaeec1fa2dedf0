package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

/**
 * What the service takes once per account and Region is checked across the whole app at synth: one
 * host per URL, one connection per name, whichever stack, stage, backend or namespace defines them.
 */
class AppWideUniquenessTest {
  private static final String ACCOUNT = "111111111111";
  private static final String REGION = "eu-west-1";
  private static final String EDIT_A_HOST =
      "https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-host-edit.html";
  private static final String API_CONNECTION =
      "https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_Connection.html";

  private final App app = new App();

  private static StackProps in(String account, String region) {
    return StackProps.builder()
        .env(Environment.builder().account(account).region(region).build())
        .build();
  }

  private Stack stack(Construct scope, String id) {
    return new Stack(scope, id, in(ACCOUNT, REGION));
  }

  private static Host.Builder host(Construct scope, String id, String endpoint) {
    return Host.Builder.create(scope, id)
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .providerEndpoint(endpoint);
  }

  private static Connection.Builder github(Construct scope, String id, String name) {
    return Connection.Builder.create(scope, id)
        .providerType(ProviderType.GITHUB)
        .connectionName(name)
        .handshakeOutput(false);
  }

  @Test
  void aSecondHostWithTheSameUrlInAnotherStackIsRefusedUnderItselfNamingTheFirst() {
    host(stack(app, "First"), "Ghes", "https://github.example.com").build();
    host(stack(app, "Second"), "Ghes", "https://github.example.com").build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Second/Ghes] Host at 'Second/Ghes': providerEndpoint 'https://github.example.com' is"
                + " the URL of Host at 'First/Ghes' too, in the same account ("
                + ACCOUNT
                + ") and Region ("
                + REGION
                + "); the service takes one host per URL (\"You cannot use the same URL for more"
                + " than one host\", Developer Tools console guide, Edit a host, "
                + EDIT_A_HOST
                + ")")
        .message()
        .doesNotContain("[First/Ghes]");
  }

  @Test
  void urlsAreComparedWithSchemeAndHostInLowerCaseAndWithoutATrailingSlash() {
    Stack stack = stack(app, "Stack");
    host(stack, "Ghes", "https://github.example.com/ghes").build();
    host(stack, "Again", "HTTPS://GitHub.Example.COM/ghes/").build();
    host(stack, "OtherPath", "https://github.example.com/GHES").build();
    host(stack, "OtherPort", "https://github.example.com:8443/ghes").build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Stack/Again] Host at 'Stack/Again': providerEndpoint"
                + " 'HTTPS://GitHub.Example.COM/ghes/' is the URL of Host at 'Stack/Ghes' too"
                + " (compared as 'https://github.example.com/ghes':")
        .message()
        .doesNotContain("[Stack/OtherPath]")
        .doesNotContain("[Stack/OtherPort]");
  }

  @Test
  void bothBackendsAndBothNamespacesShareTheUrls() {
    Stack stack = stack(app, "Stack");
    host(stack, "Custom", "https://github.example.com").build();
    host(stack, "Native", "https://github.example.com").backend(HostBackend.NATIVE).build();
    host(stack, "CodeConnections", "https://github.example.com")
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Stack/Native] Host at 'Stack/Native': providerEndpoint 'https://github.example.com'"
                + " is the URL of Host at 'Stack/Custom' too")
        .hasMessageContaining(
            "[Stack/CodeConnections] Host at 'Stack/CodeConnections': providerEndpoint"
                + " 'https://github.example.com' is the URL of Host at 'Stack/Custom' too");
  }

  @Test
  void stagesAreOneAppAndTemplateFromStackFindsTheDuplicate() {
    StageProps eu =
        StageProps.builder()
            .env(Environment.builder().account(ACCOUNT).region(REGION).build())
            .build();
    Stack dev = new Stack(new Stage(app, "Dev", eu), "Ci");
    Stack prod = new Stack(new Stage(new Stage(app, "Prod", eu), "Eu"), "Ci");
    host(dev, "Ghes", "https://github.example.com").build();
    host(prod, "Ghes", "https://github.example.com").build();

    assertThatCode(() -> Template.fromStack(dev)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Template.fromStack(prod))
        .hasMessageContaining(
            "[Prod/Eu/Ci/Ghes] Host at 'Prod/Eu/Ci/Ghes': providerEndpoint"
                + " 'https://github.example.com' is the URL of Host at 'Dev/Ci/Ghes' too");
  }

  @ParameterizedTest
  @CsvSource({"222222222222, eu-west-1", "111111111111, us-east-1"})
  void theSameUrlInAnotherAccountOrRegionIsFine(String account, String region) {
    host(stack(app, "First"), "Ghes", "https://github.example.com").build();
    host(new Stack(app, "Second", in(account, region)), "Ghes", "https://github.example.com")
        .build();

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void environmentAgnosticStacksShareTheirAccountAndRegionButNotALiteralOne() {
    host(new Stack(app, "Agnostic"), "Ghes", "https://github.example.com").build();
    host(new Stack(app, "AlsoAgnostic"), "Ghes", "https://github.example.com").build();
    host(stack(app, "Literal"), "Ghes", "https://github.example.com").build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[AlsoAgnostic/Ghes] Host at 'AlsoAgnostic/Ghes': providerEndpoint"
                + " 'https://github.example.com' is the URL of Host at 'Agnostic/Ghes' too, in the"
                + " same account (the deploying account, environment-agnostic) and Region (the"
                + " deploying Region, environment-agnostic)")
        .message()
        .doesNotContain("[Literal/Ghes]");
  }

  @Test
  void aUrlThatIsATokenIsNotCompared() {
    Stack stack = stack(app, "Stack");
    host(stack, "Ghes", Fn.importValue("GhesUrl")).build();
    host(stack, "Again", Fn.importValue("GhesUrl")).build();

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void eachAppIsCheckedOnItsOwn() {
    host(stack(app, "Stack"), "Ghes", "https://github.example.com").build();
    App other = new App();
    host(stack(other, "Stack"), "Ghes", "https://github.example.com").build();
    // A stack made without an App gets an App of its own.
    Stack alone = new Stack();
    host(alone, "Ghes", "https://github.example.com").build();

    assertThatCode(app::synth).doesNotThrowAnyException();
    assertThatCode(other::synth).doesNotThrowAnyException();
    assertThatCode(() -> Template.fromStack(alone)).doesNotThrowAnyException();

    Stack twice = new Stack();
    host(twice, "Ghes", "https://github.example.com").build();
    host(twice, "Again", "https://github.example.com").build();
    assertThatThrownBy(() -> Template.fromStack(twice))
        .hasMessageContaining("[Default/Again] Host at 'Default/Again': providerEndpoint");
  }

  @Test
  void aConstructOfTheUsersAtTheAppsIdIsReported() {
    new Construct(app, AccountWideNames.ID);

    assertThatThrownBy(
            () -> host(stack(app, "Stack"), "Ghes", "https://github.example.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Host at 'Stack/Ghes': the app already has a construct with id '"
                + AccountWideNames.ID
                + "', which this library keeps for the names of its hosts and connections; rename"
                + " it");
  }

  @Test
  void aSecondConnectionOfTheSameNameIsRefusedInEitherNamespace() {
    github(stack(app, "First"), "GitHub", "acme-github").build();
    github(stack(app, "Second"), "GitHub", "acme-github")
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Second/GitHub] Connection at 'Second/GitHub': connectionName 'acme-github' is the"
                + " name of Connection at 'First/GitHub' too, in the same account ("
                + ACCOUNT
                + ") and Region ("
                + REGION
                + "); the service refuses a second connection of a name in an account, whichever"
                + " namespace makes it (\"Connection names must be unique in an AWS account\", API"
                + " reference, Connection, "
                + API_CONNECTION
                + ")");
  }

  @Test
  void theSameNameInAnotherAccountOrAsATokenIsFine() {
    github(stack(app, "First"), "GitHub", "acme-github").build();
    github(new Stack(app, "Second", in("222222222222", REGION)), "GitHub", "acme-github").build();
    Stack third = stack(app, "Third");
    github(third, "A", Fn.importValue("Name")).build();
    github(third, "B", Fn.importValue("Name")).build();

    assertThatCode(app::synth).doesNotThrowAnyException();
  }

  @Test
  void derivedNamesCollideWhenTwoStacksOfOneNameShareAnAccountAndRegion() {
    StageProps eu =
        StageProps.builder()
            .env(Environment.builder().account(ACCOUNT).region(REGION).build())
            .build();
    StackProps named = StackProps.builder().stackName("ci").build();
    Stack blue = new Stack(new Stage(app, "Blue", eu), "Ci", named);
    Stack green = new Stack(new Stage(app, "Green", eu), "Ci", named);
    Connection first =
        Connection.Builder.create(blue, "GitHub")
            .providerType(ProviderType.GITHUB)
            .handshakeOutput(false)
            .build();
    Connection.Builder.create(green, "GitHub")
        .providerType(ProviderType.GITHUB)
        .handshakeOutput(false)
        .build();

    assertThatThrownBy(app::synth)
        .hasMessageContaining(
            "[Green/Ci/GitHub] Connection at 'Green/Ci/GitHub': connectionName '"
                + first.getConnectionName()
                + "' (the default, derived from the stack name and construct path) is the name of"
                + " Connection at 'Blue/Ci/GitHub' too");
  }
}
