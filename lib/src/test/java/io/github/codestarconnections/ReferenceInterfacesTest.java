package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.interfaces.codeconnections.ConnectionReference;
import software.amazon.awscdk.interfaces.codeconnections.IConnectionRef;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.codeconnections.CfnConnection;
import software.amazon.awscdk.services.codeconnections.CfnConnectionProps;
import software.amazon.awscdk.services.codeconnections.CfnHost;
import software.amazon.awscdk.services.codeconnections.CfnHostProps;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codestarconnections.CfnRepositoryLink;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * aws-cdk's resource reference interfaces: this library's L2s are them (read back through the jsii
 * kernel by aws-cdk's own {@code arnFor...} functions), and every API of the library takes the L1s
 * and any other implementer, reading namespace, provider and environment from them.
 */
class ReferenceInterfacesTest {
  private static final String CODESTAR_ARN = ConnectionSourceActionTest.CODESTAR_ARN;
  private static final String OTHER_ENV_ARN =
      "arn:aws:codeconnections:eu-central-1:210987654321:connection/0b1c2d3e";

  private final App app = new App();
  private final Stack stack =
      new Stack(
          app,
          "Stack",
          StackProps.builder()
              .env(Environment.builder().account("123456789012").region("us-east-1").build())
              .build());

  private software.amazon.awscdk.services.codestarconnections.CfnConnection codeStarL1(
      String id, String providerType) {
    return software.amazon.awscdk.services.codestarconnections.CfnConnection.Builder.create(
            stack, id)
        .connectionName(id.toLowerCase())
        .providerType(providerType)
        .build();
  }

  private CfnConnection codeConnectionsL1(String id, String providerType) {
    return new CfnConnection(
        stack,
        id,
        CfnConnectionProps.builder()
            .connectionName(id.toLowerCase())
            .providerType(providerType)
            .build());
  }

  private CfnHost hostL1(String id) {
    return new CfnHost(
        stack,
        id,
        CfnHostProps.builder()
            .name(id.toLowerCase())
            .providerType("GitHubEnterpriseServer")
            .providerEndpoint("https://github.example.com")
            .build());
  }

  private Object getAtt(CfnElement l1, String attribute) {
    return Map.of("Fn::GetAtt", List.of(stack.getLogicalId(l1), attribute));
  }

  /** What an L1's reference gives as its ARN: its Ref (aws-cdk's choice for these types). */
  private Object ref(CfnElement l1) {
    return Map.of("Ref", stack.getLogicalId(l1));
  }

  // ---- Our L2s are aws-cdk's references ---------------------------------------------------------

  @Test
  void awsCdkReadsOurConnectionsHostsAndLinksAsItsReferences() {
    Connection codestar =
        Connection.Builder.create(stack, "CodeStar").providerType(ProviderType.GITHUB).build();
    Connection codeconnections =
        Connection.Builder.create(stack, "CodeConnections")
            .providerType(ProviderType.GITLAB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    Host host =
        Host.Builder.create(stack, "Ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .build();
    IRepositoryLink link =
        RepositoryLink.fromRepositoryLinkArn(
            stack,
            "Link",
            "arn:aws:codestar-connections:us-east-1:123456789012:repository-link/"
                + "be8f2017-b016-4a77-87b4-608054f70e77");

    // aws-cdk's static functions read the reference through the jsii kernel.
    assertThat(
            stack.resolve(
                software.amazon.awscdk.services.codestarconnections.CfnConnection.arnForConnection(
                    codestar)))
        .isEqualTo(getAtt((CfnElement) codestar.getNode().getDefaultChild(), "ConnectionArn"));
    assertThat(
            stack.resolve(CfnConnection.arnForConnection(codeconnections.toCodeConnectionsRef())))
        .isEqualTo(
            getAtt((CfnElement) codeconnections.getNode().getDefaultChild(), "ConnectionArn"));
    assertThat(stack.resolve(CfnHost.arnForHost(host)))
        .isEqualTo(
            Map.of("Ref", stack.getLogicalId((CfnElement) host.getNode().getDefaultChild())));
    assertThat(CfnHost.arnForHost(Host.fromHostArn(stack, "Imported", ImportedHostArn.CODESTAR)))
        .isEqualTo(ImportedHostArn.CODESTAR);
    assertThat(CfnRepositoryLink.arnForRepositoryLink(link)).isEqualTo(link.getRepositoryLinkArn());
  }

  /** Kept here so that the host ARN reads as what it is. */
  private static final class ImportedHostArn {
    static final String CODESTAR =
        "arn:aws:codestar-connections:us-east-1:123456789012:host/ghes-1a2b3c4d";
  }

  @Test
  void theCodeConnectionsViewIsMadeOnceAndLeadsBackToTheConnection() {
    Connection c =
        Connection.Builder.create(stack, "C")
            .providerType(ProviderType.GITHUB)
            .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
            .build();
    IConnectionRef view = c.toCodeConnectionsRef();

    assertThat(c.toCodeConnectionsRef()).isSameAs(view);
    assertThat(Connection.fromConnectionRef(view)).isSameAs(c);
    assertThat(view.getNode().getPath()).isEqualTo("Stack/C/AsCodeConnectionsRef");
    assertThat(view.getEnv().getAccount()).isEqualTo("123456789012");
    // The view adds nothing to the template.
    assertThat(Template.fromStack(stack).toJSON().get("Resources").toString())
        .doesNotContain("AsCodeConnectionsRef");
  }

  // ---- L1s and other implementers, given to every API
  // --------------------------------------------

  @Test
  void aPipelineSourceActionOnAnL1GrantsItsNamespaceOnly() {
    var codestar = codeStarL1("CodeStar", "GitHub");
    CfnConnection codeconnections = codeConnectionsL1("CodeConnections", "GitHub");
    Artifact a = new Artifact("A");
    Artifact b = new Artifact("B");
    ConnectionSourceAction first =
        ConnectionSourceAction.Builder.create()
            .actionName("CodeStar")
            .connection(codestar)
            .owner("acme")
            .repo("service")
            .branch("main")
            .output(a)
            .build();
    ConnectionSourceAction second =
        ConnectionSourceAction.Builder.create()
            .actionName("CodeConnections")
            .connection(codeconnections)
            .owner("acme")
            .repo("other")
            .branch("main")
            .output(b)
            .build();
    software.amazon.awscdk.services.codepipeline.Pipeline.Builder.create(stack, "Pipeline")
        .stages(
            List.of(
                software.amazon.awscdk.services.codepipeline.StageProps.builder()
                    .stageName("Source")
                    .actions(List.of(first, second))
                    .build(),
                software.amazon.awscdk.services.codepipeline.StageProps.builder()
                    .stageName("Build")
                    .actions(ConnectionSourceActionTest.buildStage(stack, a).getActions())
                    .build()))
        .build();

    List<String> grants = new ArrayList<>();
    UseConnectionStatements.of(Template.fromStack(stack))
        .forEach(u -> grants.add(u.actions() + " on " + u.resource()));
    assertThat(grants)
        .containsExactlyInAnyOrder(
            "[codestar-connections:UseConnection] on " + ref(codestar),
            "[codeconnections:UseConnection] on " + ref(codeconnections));
    assertThat(first.getConnection().getServiceNamespace())
        .contains(ServiceNamespace.CODESTAR_CONNECTIONS);
    assertThat(first.getConnection().getConnectionName()).isEqualTo("codestar");
    assertThat(first.getConnection().getProviderType()).contains(ProviderType.GITHUB);
  }

  @Test
  void aCdkPipelinesSourceOnAnL1GrantsItsNamespaceOnly() {
    CfnConnection l1 = codeConnectionsL1("C", "GitLab");
    software.amazon.awscdk.pipelines.CodePipeline.Builder.create(stack, "Pipeline")
        .synth(
            software.amazon.awscdk.pipelines.ShellStep.Builder.create("Synth")
                .input(ConnectionSource.of(l1, "acme/service", "main"))
                .commands(List.of("npx cdk synth"))
                .build())
        .build();

    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.actions()).containsExactly("codeconnections:UseConnection");
              assertThat(u.resource()).isEqualTo(ref(l1));
            });
  }

  @Test
  void aCodeBuildSourceOnAnL1IsCheckedAndGrantedByWhatTheL1Says() {
    var gitLab = codeStarL1("GitLab", "GitLab");
    assertThatThrownBy(
            () ->
                CodeBuildSource.gitHub(
                    CodeBuildSourceProps.builder().connection(gitLab).owner("a").repo("b").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connection is a GITLAB connection; a GITHUB source needs a GITHUB");

    Project project =
        CodeBuildSourceTest.project(
            stack,
            CodeBuildSource.fromConnection(
                CodeBuildSourceProps.builder()
                    .connection(gitLab)
                    .owner("acme")
                    .repo("service")
                    .build()));
    assertThat(project.getNode().getPath()).isEqualTo("Stack/Project");
    String policies = Template.fromStack(stack).findResources("AWS::IAM::Policy").toString();
    assertThat(policies)
        .contains("codestar-connections:GetConnectionToken")
        .doesNotContain("codeconnections:");
  }

  @Test
  void aCodeBuildCredentialTakesItsServerTypeFromTheL1() {
    CfnConnection bitbucket = codeConnectionsL1("Bitbucket", "Bitbucket");
    CodeBuildSourceCredential credential =
        CodeBuildSourceCredential.Builder.create(stack, "Credential").connection(bitbucket).build();
    assertThat(credential.getServerType()).isEqualTo("BITBUCKET");
    Template.fromStack(stack)
        .hasResourceProperties("AWS::CodeBuild::SourceCredential", Map.of("Token", ref(bitbucket)));
  }

  @Test
  void readinessChecksOfL1sReadInTheirNamespace() {
    ReadinessCheck.Builder.create(stack, "ConnectionReady")
        .connection(codeStarL1("C", "GitHub"))
        .build();
    ReadinessCheck.Builder.create(stack, "HostReady").host(hostL1("Ghes")).build();

    String policies = Template.fromStack(stack).findResources("AWS::IAM::Policy").toString();
    assertThat(policies)
        .contains("codestar-connections:GetConnection")
        .contains("codeconnections:GetHost")
        .doesNotContain("codeconnections:GetConnection")
        .doesNotContain("codestar-connections:GetHost");
  }

  @Test
  void aConnectionOnAnL1HostTakesItsNamespaceAndProvider() {
    CfnHost l1 = hostL1("Ghes");
    Connection c = Connection.Builder.create(stack, "OnHost").host(l1).build();

    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    assertThat(c.getProviderType()).contains(ProviderType.GITHUB_ENTERPRISE_SERVER);
    Template.fromStack(stack)
        .hasResourceProperties("AWS::CodeConnections::Connection", Map.of("HostArn", ref(l1)));
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Wrong")
                    .host(l1)
                    .providerType(ProviderType.GITLAB_SELF_MANAGED)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "differs from the host's GITHUB_ENTERPRISE_SERVER (Stack/Ghes/AsIHost)");
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "OldApi")
                    .host(l1)
                    .serviceNamespace(ServiceNamespace.CODESTAR_CONNECTIONS)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot take the host's codeconnections ARN");
  }

  @Test
  void aLookupOnAnL1HostFiltersByItsArn() {
    CfnHost l1 = hostL1("Ghes");
    Connection.fromConnectionLookup(
        stack, "Found", ConnectionLookupProps.builder().connectionName("ghes").host(l1).build());
    Template.fromStack(stack)
        .hasResourceProperties(
            ConnectionLookupProps.RESOURCE_TYPE, Map.of("HostArnFilter", ref(l1)));
  }

  @Test
  void grantsOnAnL1NameItsNamespace() {
    CfnConnection l1 = codeConnectionsL1("C", "GitHub");
    Role role =
        Role.Builder.create(stack, "Role")
            .assumedBy(new ServicePrincipal("codebuild.amazonaws.com"))
            .build();
    Connection.fromConnectionRef(l1).grantUse(role);
    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(u -> assertThat(u.actions()).containsExactly("codeconnections:UseConnection"));
  }

  @Test
  void anAdapterIsMadeOncePerReferenceUnderIt() {
    var l1 = codeStarL1("C", "GitHub");
    IConnection first = Connection.fromConnectionRef(l1);
    assertThat(Connection.fromConnectionRef(l1)).isSameAs(first);
    assertThat(first.getNode().getPath()).isEqualTo("Stack/C/AsIConnection");
    CfnHost host = hostL1("H");
    assertThat(Host.fromHostRef(host)).isSameAs(Host.fromHostRef(host));
    // Adapters add nothing to the template.
    assertThat(Template.fromStack(stack).toJSON().get("Resources").toString())
        .doesNotContain("AsI");
  }

  // ---- Other implementers: literal and token ARNs, other environments
  // ------------------------------

  /** A codeconnections reference of another library, as aws-cdk's own imports are made. */
  private static final class OtherLibraryConnection extends Resource implements IConnectionRef {
    private final String arn;

    OtherLibraryConnection(Construct scope, String id, String arn, boolean literal) {
      super(
          scope,
          id,
          literal
              ? ResourceProps.builder().environmentFromArn(arn).build()
              : ResourceProps.builder().build());
      this.arn = arn;
    }

    @Override
    public ConnectionReference getConnectionRef() {
      return ConnectionReference.builder().connectionArn(arn).build();
    }
  }

  @Test
  void aReferenceWithALiteralArnOfAnotherEnvironmentKeepsItsEnvironmentAndNamespace() {
    IConnection c =
        Connection.fromConnectionRef(
            new OtherLibraryConnection(stack, "Other", OTHER_ENV_ARN, true));

    assertThat(c.getEnv().getAccount()).isEqualTo("210987654321");
    assertThat(c.getEnv().getRegion()).isEqualTo("eu-central-1");
    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
    assertThat(c.getProviderType()).isEmpty();
    assertThatThrownBy(c::getConnectionName)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the reference carries only the connection's ARN");
  }

  @Test
  void anImportOfAnotherEnvironmentIsItselfWhenGivenAsAReference() {
    IConnection imported = Connection.fromConnectionArn(stack, "Imported", CODESTAR_ARN);
    software.amazon.awscdk.interfaces.codestarconnections.IConnectionRef asRef = imported;
    Artifact out = new Artifact("Source");
    ConnectionSourceAction action =
        ConnectionSourceAction.Builder.create()
            .actionName("Imported")
            .connection(asRef)
            .owner("acme")
            .repo("service")
            .branch("main")
            .output(out)
            .build();
    assertThat(action.getConnection()).isSameAs(imported);
    assertThat(imported.getEnv().getRegion()).isEqualTo("eu-west-1");
  }

  @Test
  void anL1InAStackOfAnotherEnvironmentKeepsThatEnvironment() {
    Stack other =
        new Stack(
            app,
            "Other",
            StackProps.builder()
                .env(Environment.builder().account("210987654321").region("eu-west-1").build())
                .build());
    CfnHost l1 =
        new CfnHost(
            other,
            "Ghes",
            CfnHostProps.builder()
                .name("ghes")
                .providerType("GitHubEnterpriseServer")
                .providerEndpoint("https://github.example.com")
                .build());
    IHost host = Host.fromHostRef(l1);
    assertThat(host.getEnv().getAccount()).isEqualTo("210987654321");
    assertThat(host.getEnv().getRegion()).isEqualTo("eu-west-1");
    assertThat(host.getStack()).isSameAs(other);
    assertThat(host.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
  }

  @Test
  void aTokenArnOfUnknownNamespaceGrantsBothPrefixes() {
    IConnection c =
        Connection.fromConnectionRef(
            new OtherLibraryConnection(stack, "Other", Fn.importValue("ConnectionArn"), false));
    assertThat(c.getServiceNamespace()).isEmpty();
    assertThat(c.getEnv().getAccount()).isEqualTo("123456789012");
    Role role =
        Role.Builder.create(stack, "Role")
            .assumedBy(new ServicePrincipal("codepipeline.amazonaws.com"))
            .build();
    c.grantUse(role);
    assertThat(UseConnectionStatements.of(Template.fromStack(stack)))
        .singleElement()
        .satisfies(
            u ->
                assertThat(u.actions())
                    .containsExactly(
                        "codestar-connections:UseConnection", "codeconnections:UseConnection"));
  }

  @Test
  void aLiteralArnThatIsNotAConnectionArnIsRefusedNamingTheReference() {
    OtherLibraryConnection bad =
        new OtherLibraryConnection(
            stack, "Bad", "arn:aws:codeconnections:eu-west-1:123456789012:host/h-1", false);
    assertThatThrownBy(() -> Connection.fromConnectionRef(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection reference at 'Stack/Bad/AsIConnection'")
        .hasMessageContaining("is not a connection ARN");
  }

  @Test
  void anL1WithAnUnknownProviderTypeIsRefusedNamingIt() {
    var l1 = codeStarL1("C", "Gitea");
    assertThatThrownBy(() -> Connection.fromConnectionRef(l1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection reference at 'Stack/C/AsIConnection'")
        .hasMessageContaining("providerType 'Gitea'");
  }

  /** A reference that is not a construct of this JVM: its node is another construct's. */
  private record Proxy(IConstruct of, String arn) implements IConnectionRef {
    @Override
    public software.constructs.Node getNode() {
      return of.getNode();
    }

    @Override
    public software.constructs.IConstruct with(software.constructs.IMixin... mixins) {
      return of.with(mixins);
    }

    @Override
    public software.amazon.awscdk.interfaces.ResourceEnvironment getEnv() {
      return ((Resource) of).getEnv();
    }

    @Override
    public ConnectionReference getConnectionRef() {
      return ConnectionReference.builder().connectionArn(arn).build();
    }
  }

  @Test
  void aReferenceThatIsNotAConstructGetsItsAdapterUnderItsStack() {
    Resource holder = new OtherLibraryConnection(stack, "Holder", OTHER_ENV_ARN, true);
    IConnection c = Connection.fromConnectionRef(new Proxy(holder, OTHER_ENV_ARN));
    assertThat(c.getNode().getScope()).isSameAs(stack);
    assertThat(c.getNode().getId()).startsWith("AsIConnection");
    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODECONNECTIONS);
  }
}
