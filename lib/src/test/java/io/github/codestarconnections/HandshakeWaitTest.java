package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.EventAction;
import software.amazon.awscdk.services.codebuild.GitHubSourceProps;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.codebuild.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One rule for every construct that uses a connection while CloudFormation creates it (a CodeBuild
 * webhook, a project reading through the default source credential, a repository link): on a
 * connection made in this app (an owned {@link Connection}, or an L1 {@code CfnConnection} of
 * either namespace) it is refused at synth unless it waits on a {@link ReadinessCheck} in {@code
 * WAIT_FOR_AVAILABLE} mode, which the user's own option or check gives; a {@code REQUIRE_AVAILABLE}
 * check is refused, saying why it cannot pass.
 */
class HandshakeWaitTest {
  /** How the app makes the connection. */
  enum Made {
    OWNED,
    L1_CODESTAR_CONNECTIONS,
    L1_CODECONNECTIONS;

    /** The connection as the user holds it: a Connection or an L1. */
    IConstruct make(Stack stack) {
      return switch (this) {
        case OWNED ->
            Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();
        case L1_CODESTAR_CONNECTIONS ->
            software.amazon.awscdk.services.codestarconnections.CfnConnection.Builder.create(
                    stack, "GitHub")
                .connectionName("github")
                .providerType("GitHub")
                .build();
        case L1_CODECONNECTIONS ->
            software.amazon.awscdk.services.codeconnections.CfnConnection.Builder.create(
                    stack, "GitHub")
                .connectionName("github")
                .providerType("GitHub")
                .build();
      };
    }

    /** The path the message names: the connection's, or its adapter's under the L1. */
    String path() {
      return this == OWNED ? "Stack/GitHub" : "Stack/GitHub/AsIConnection";
    }
  }

  /** What uses the connection while CloudFormation creates it. */
  enum User {
    WEBHOOK,
    CREDENTIAL_PROJECT,
    REPOSITORY_LINK
  }

  /** How the user waits. */
  enum Wait {
    NONE,
    OPTION,
    OWN_WAIT_CHECK,
    OWN_REQUIRE_CHECK
  }

  /** A stack of its own, and the users built in it. */
  private static final class Fixture {
    final App app = new App();
    final Stack stack = new Stack(app, "Stack");

    ReadinessCheck check(IConstruct connection, ReadinessMode mode) {
      ReadinessCheck.Builder b = ReadinessCheck.Builder.create(stack, "Ready").mode(mode);
      give(connection, b::connection, b::connection, b::connection);
      return b.build();
    }

    /**
     * Builds the user on the connection, waiting as told.
     *
     * @return the construct the rule is about (the project or the link)
     */
    IConstruct use(User user, IConstruct connection, Wait wait) {
      IConstruct made =
          switch (user) {
            case WEBHOOK -> {
              CodeBuildSourceProps.Builder source =
                  CodeBuildSourceProps.builder()
                      .owner("acme")
                      .repo("service")
                      .webhookFilters(List.of(WebhookFilterGroup.inEventOf(EventAction.PUSH)))
                      .waitForAvailable(wait == Wait.OPTION);
              give(connection, source::connection, source::connection, source::connection);
              yield Project.Builder.create(stack, "Build")
                  .source(CodeBuildSource.gitHub(source.build()))
                  .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
                  .build();
            }
            case CREDENTIAL_PROJECT -> {
              CodeBuildSourceCredential.Builder credential =
                  CodeBuildSourceCredential.Builder.create(stack, "Credential")
                      .providerType(ProviderType.GITHUB);
              give(
                  connection,
                  credential::connection,
                  credential::connection,
                  credential::connection);
              credential.build();
              yield Project.Builder.create(stack, "Build")
                  .source(
                      Source.gitHub(
                          GitHubSourceProps.builder()
                              .owner("acme")
                              .repo("service")
                              .webhook(true)
                              .build()))
                  .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
                  .build();
            }
            case REPOSITORY_LINK -> {
              RepositoryLink.Builder link =
                  RepositoryLink.Builder.create(stack, "Link")
                      .ownerId("acme")
                      .repositoryName("infrastructure")
                      .waitForAvailable(wait == Wait.OPTION);
              give(connection, link::connection, link::connection, link::connection);
              yield link.build();
            }
          };
      if (wait == Wait.OWN_WAIT_CHECK) {
        made.getNode().addDependency(check(connection, ReadinessMode.WAIT_FOR_AVAILABLE));
      } else if (wait == Wait.OWN_REQUIRE_CHECK) {
        made.getNode().addDependency(check(connection, ReadinessMode.REQUIRE_AVAILABLE));
      }
      return made;
    }

    /** The logical ids a construct's resource depends on in the template. */
    List<Object> dependsOn(IConstruct construct) {
      Object dependsOn =
          CreationOrderTest.resources(Template.fromStack(stack).toJSON())
              .get(logicalId(construct))
              .get("DependsOn");
      return dependsOn == null ? List.of() : List.copyOf((List<?>) dependsOn);
    }

    String logicalId(IConstruct construct) {
      return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }
  }

  /** Hands the connection, as the user holds it, to a builder's setter of its type. */
  private static void give(
      IConstruct connection,
      Consumer<IConnection> asConnection,
      Consumer<software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef> asCodeStar,
      Consumer<software.amazon.awscdk.interfaces.codeconnections.IConnectionRef>
          asCodeConnections) {
    if (connection instanceof IConnection c) {
      asConnection.accept(c);
    } else if (connection
        instanceof software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef r) {
      asCodeStar.accept(r);
    } else {
      asCodeConnections.accept(
          (software.amazon.awscdk.interfaces.codeconnections.IConnectionRef) connection);
    }
  }

  /** The connection as the library sees it: itself, or the adapter of the L1. */
  private static IConnection seen(IConstruct connection) {
    IConnection[] seen = new IConnection[1];
    give(
        connection,
        c -> seen[0] = c,
        r -> seen[0] = Connection.fromConnectionRef(r),
        r -> seen[0] = Connection.fromConnectionRef(r));
    return seen[0];
  }

  /** Who the message starts with, and what it says the use is. */
  private static String who(User user, Made made) {
    return switch (user) {
      case WEBHOOK ->
          "CodeBuildSource.gitHub on connection at '"
              + made.path()
              + "': project at 'Stack/Build' has a webhook, which CodeBuild makes through the"
              + " connection when CloudFormation creates the project (CreateWebhook)";
      case CREDENTIAL_PROJECT ->
          "CodeBuildSourceCredential at 'Stack/Credential': project at 'Stack/Build' reads through"
              + " this default credential and has a webhook";
      case REPOSITORY_LINK ->
          "RepositoryLink at 'Stack/Link': CloudFormation's handler for the link reads and uses the"
              + " connection when it creates the link";
    };
  }

  static List<Arguments> everyUserOnEveryConnectionMadeInTheApp() {
    return Arrays.stream(User.values())
        .flatMap(u -> Arrays.stream(Made.values()).map(m -> Arguments.of(u, m)))
        .toList();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("everyUserOnEveryConnectionMadeInTheApp")
  void aUseThatDoesNotWaitIsRefusedUnderItselfWithTheWayOut(User user, Made made) {
    Fixture f = new Fixture();
    f.use(user, made.make(f.stack), Wait.NONE);

    assertThatThrownBy(f.app::synth)
        .hasMessageContaining(who(user, made))
        .hasMessageContaining(
            "connection at '"
                + made.path()
                + "' is made in this app, so it is PENDING in the deployment that makes it")
        .hasMessageContaining(HandshakeWait.PENDING_DOC)
        .hasMessageContaining(
            switch (user) {
              case WEBHOOK ->
                  "Let it wait for the handshake: give the source"
                      + " waitForAvailable(true), or make it depend on a ReadinessCheck of the"
                      + " connection in mode WAIT_FOR_AVAILABLE";
              case REPOSITORY_LINK ->
                  "Let it wait for the handshake: give the link"
                      + " waitForAvailable(true), or make it depend on a ReadinessCheck of the"
                      + " connection in mode WAIT_FOR_AVAILABLE";
              case CREDENTIAL_PROJECT ->
                  "Let it wait for the handshake: make it depend on a"
                      + " ReadinessCheck of the connection in mode WAIT_FOR_AVAILABLE";
            });
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("everyUserOnEveryConnectionMadeInTheApp")
  void aUseThatDependsOnItsOwnWaitingCheckIsMade(User user, Made made) {
    Fixture f = new Fixture();
    IConstruct used = f.use(user, made.make(f.stack), Wait.OWN_WAIT_CHECK);

    f.app.synth();
    assertThat(f.dependsOn(used)).contains(f.logicalId(f.stack.getNode().findChild("Ready")));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("everyUserOnEveryConnectionMadeInTheApp")
  void aRequireAvailableCheckIsRefusedSayingWhyItCannotPass(User user, Made made) {
    Fixture f = new Fixture();
    f.use(user, made.make(f.stack), Wait.OWN_REQUIRE_CHECK);

    assertThatThrownBy(f.app::synth)
        .hasMessageContaining(who(user, made))
        .hasMessageContaining(
            "It depends on ReadinessCheck at 'Stack/Ready' in mode REQUIRE_AVAILABLE, which"
                + " cannot pass here: the connection is new, so PENDING, when the check runs; the"
                + " check fails the deploy, its rollback deletes the connection, and the retry"
                + " makes a new one, PENDING again");
  }

  @ParameterizedTest
  @EnumSource(Made.class)
  void theSourceOptionAndTheLinkOptionWaitOnACheckUnderThem(Made made) {
    Fixture f = new Fixture();
    IConstruct connection = made.make(f.stack);
    IConstruct project = f.use(User.WEBHOOK, connection, Wait.OPTION);
    IConstruct link = f.use(User.REPOSITORY_LINK, connection, Wait.OPTION);

    f.app.synth();
    for (IConstruct waiting : List.of(project, link)) {
      ReadinessCheck check = (ReadinessCheck) waiting.getNode().findChild(HandshakeWait.WAIT_ID);
      assertThat(check.getMode()).isEqualTo(ReadinessMode.WAIT_FOR_AVAILABLE);
      assertThat(check.connection()).isSameAs(seen(connection));
      assertThat(f.dependsOn(waiting)).as(waiting.getNode().getPath()).contains(f.logicalId(check));
    }
  }

  @Test
  void aRequireAvailableCheckOfAConnectionInAnotherStackFailsTheFirstDeploy() {
    Fixture f = new Fixture();
    Stack connections = new Stack(f.app, "Connections");
    f.use(User.REPOSITORY_LINK, Made.OWNED.make(connections), Wait.OWN_REQUIRE_CHECK);

    assertThatThrownBy(f.app::synth)
        .hasMessageContaining(
            "It depends on ReadinessCheck at 'Stack/Ready' in mode REQUIRE_AVAILABLE, which fails"
                + " the deploy that makes the connection (it is PENDING then)");
  }

  @Test
  void aWaitingCheckThatAScopeAboveTheUserDependsOnIsAWaitToo() {
    Fixture f = new Fixture();
    IConstruct connection = Made.L1_CODESTAR_CONNECTIONS.make(f.stack);
    Construct group = new Construct(f.stack, "Group");
    RepositoryLink.Builder.create(group, "Link")
        .connection(
            (software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef) connection)
        .ownerId("acme")
        .repositoryName("infrastructure")
        .build();
    group.getNode().addDependency(f.check(connection, ReadinessMode.WAIT_FOR_AVAILABLE));

    f.app.synth();
  }

  @ParameterizedTest
  @EnumSource(User.class)
  void aConnectionMadeElsewhereNeedsNoWait(User user) {
    Fixture f = new Fixture();
    IConnection imported =
        Connection.fromConnectionArn(f.stack, "Imported", ConnectionSourceActionTest.CODESTAR_ARN);
    f.use(user, imported, Wait.NONE);

    f.app.synth();
    assertThat(HandshakeWait.madeInThisApp(imported)).isFalse();
  }
}
