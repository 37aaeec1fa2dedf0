package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

class ConnectionTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Role role() {
    return Role.Builder.create(stack, "Role")
        .assumedBy(new ServicePrincipal("codepipeline.amazonaws.com"))
        .build();
  }

  private static List<Object> useStatement(Object actions, Object resource) {
    return List.of(
        Map.of(
            "PolicyDocument",
            Match.objectLike(
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Action", actions,
                            "Effect", "Allow",
                            "Resource", resource))))));
  }

  @Test
  void githubConnectionRendersTheResourceWithItsProviderAndName() {
    Connection.Builder.create(stack, "GitHub")
        .connectionName("my-github")
        .providerType(ProviderType.GITHUB)
        .build();

    Template t = Template.fromStack(stack);
    t.resourceCountIs("AWS::CodeStarConnections::Connection", 1);
    t.hasResource(
        "AWS::CodeStarConnections::Connection",
        Map.of(
            "Properties",
            Map.of("ConnectionName", "my-github", "ProviderType", "GitHub"),
            // Kept when it leaves the stack; deleted by the rollback of the deploy that made it.
            "DeletionPolicy",
            "RetainExceptOnCreate",
            "UpdateReplacePolicy",
            "Retain"));
  }

  @Test
  void defaultNameIsUniqueAndAtMost32Characters() {
    Connection a =
        Connection.Builder.create(stack, "AVeryLongConstructIdThatGoesOnAndOnAndOn")
            .providerType(ProviderType.GITLAB)
            .build();
    Connection b =
        Connection.Builder.create(stack, "AVeryLongConstructIdThatGoesOnAndOnAndOnToo")
            .providerType(ProviderType.GITLAB)
            .build();

    assertThat(a.getConnectionName()).hasSizeBetween(1, 32);
    assertThat(b.getConnectionName()).hasSizeBetween(1, 32);
    assertThat(a.getConnectionName()).isNotEqualTo(b.getConnectionName());
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeStarConnections::Connection",
            Map.of("ConnectionName", a.getConnectionName(), "ProviderType", "GitLab"));
  }

  @Test
  void everyCloudProviderTypeRendersItsApiName() {
    for (ProviderType type : ProviderType.values()) {
      if (!type.needsHost()) {
        Stack own = new Stack(new App(), "Stack");
        Connection.Builder.create(own, "C").providerType(type).build();
        // Only the codeconnections API knows Azure DevOps, so it takes that namespace by default.
        Template.fromStack(own)
            .hasResourceProperties(
                type == ProviderType.AZURE_DEVOPS
                    ? "AWS::CodeConnections::Connection"
                    : "AWS::CodeStarConnections::Connection",
                Map.of("ProviderType", type.getApiName()));
      }
    }
    assertThat(ProviderType.AZURE_DEVOPS.getApiName()).isEqualTo("AzureDevOps");
    assertThat(ProviderType.fromApiName("GitHubEnterpriseServer"))
        .isEqualTo(ProviderType.GITHUB_ENTERPRISE_SERVER);
    assertThatThrownBy(() -> ProviderType.fromApiName("CodeCommit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'CodeCommit'")
        .hasMessageContaining("GitHubEnterpriseServer");
  }

  @Test
  void hostConnectionRendersTheHostArnAndNoProviderType() {
    IHost host =
        Host.fromHostArn(
            stack,
            "Host",
            "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1234abcd");
    Connection.Builder.create(stack, "Ghes")
        .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
        .host(host)
        .build();

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeStarConnections::Connection",
            Map.of(
                "HostArn",
                "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1234abcd",
                "ProviderType",
                Match.absent()));
  }

  @Test
  void attributesComeFromTheResource() {
    Connection c =
        Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();

    assertThat(stack.resolve(c.getConnectionArn()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId(c), "ConnectionArn")));
    assertThat(stack.resolve(c.getConnectionStatus()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId(c), "ConnectionStatus")));
    assertThat(stack.resolve(c.getOwnerAccountId()))
        .isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId(c), "OwnerAccountId")));
    assertThat(c.getServiceNamespace()).contains(ServiceNamespace.CODESTAR_CONNECTIONS);
  }

  private String logicalId(Connection c) {
    return stack.getLogicalId((software.amazon.awscdk.CfnElement) c.getNode().getDefaultChild());
  }

  @Test
  void removalPolicyCanBeDestroy() {
    Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .removalPolicy(RemovalPolicy.DESTROY)
        .build();

    Template.fromStack(stack)
        .hasResource(
            "AWS::CodeStarConnections::Connection",
            Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
  }

  @Test
  void tagsFromPropsAndFromTagsOfReachTheConnection() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", "platform");
    tags.put("cost-centre", "42");
    Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).tags(tags).build();
    Tags.of(stack).add("env", "prod");

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeStarConnections::Connection",
            Map.of(
                "Tags",
                List.of(
                    Map.of("Key", "cost-centre", "Value", "42"),
                    Map.of("Key", "env", "Value", "prod"),
                    Map.of("Key", "team", "Value", "platform"))));
  }

  @Test
  void tagsOfOnTheSameKeyWinsOverThePropsTagAsWithAnL1() {
    Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .tags(Map.of("team", "platform"))
        .build();
    Tags.of(stack).add("team", "org-wide");

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeStarConnections::Connection",
            Map.of("Tags", List.of(Map.of("Key", "team", "Value", "org-wide"))));
  }

  @Test
  void handshakeOutputCanBeLeftOut() {
    Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .handshakeOutput(false)
        .build();

    assertThat(Template.fromStack(stack).findOutputs("*")).isEmpty();
  }

  @Test
  void grantUseOnAnOwnedConnectionGrantsTheCodestarAction() {
    Connection c =
        Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();
    c.grantUse(role());

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            useStatement(
                    "codestar-connections:UseConnection",
                    Map.of("Fn::GetAtt", List.of(logicalId(c), "ConnectionArn")))
                .get(0));
  }

  @Test
  void grantUseFollowsTheImportedArnsNamespace() {
    String codestar = "arn:aws:codestar-connections:us-east-1:123456789012:connection/abc-1";
    String codeconn = "arn:aws-cn:codeconnections:cn-north-1:123456789012:connection/abc-2";
    Role role = role();
    Connection.fromConnectionArn(stack, "Old", codestar).grantUse(role);
    Connection.fromConnectionArn(stack, "New", codeconn).grantUse(role);

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            Map.of(
                "PolicyDocument",
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Action", "codestar-connections:UseConnection",
                            "Effect", "Allow",
                            "Resource", codestar),
                        Map.of(
                            "Action", "codeconnections:UseConnection",
                            "Effect", "Allow",
                            "Resource", codeconn)),
                    "Version",
                    "2012-10-17")));
  }

  @Test
  void grantUseOnATokenArnGrantsBothNamespaces() {
    IConnection c =
        Connection.fromConnectionArn(stack, "Imported", Fn.importValue("SharedConnectionArn"));
    assertThat(((ConnectionBase) c).getServiceNamespace()).isEmpty();
    c.grantUse(role());

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            useStatement(
                    List.of("codestar-connections:UseConnection", "codeconnections:UseConnection"),
                    Map.of("Fn::ImportValue", "SharedConnectionArn"))
                .get(0));
  }

  @Test
  void grantGivesAnyActions() {
    Connection c =
        Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();
    c.grant(role(), "codestar-connections:GetConnection", "codestar-connections:PassConnection");

    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::IAM::Policy",
            useStatement(
                    List.of(
                        "codestar-connections:GetConnection",
                        "codestar-connections:PassConnection"),
                    Map.of("Fn::GetAtt", List.of(logicalId(c), "ConnectionArn")))
                .get(0));
  }

  @Test
  void grantWorksForAPrincipalWithoutAPolicy() {
    Connection c =
        Connection.Builder.create(stack, "GitHub").providerType(ProviderType.GITHUB).build();
    assertThat(c.grantUse(new AccountRootPrincipal()).getSuccess()).isFalse();
  }

  @Test
  void importByArnKnowsItsNamespaceButHasNoName() {
    String arn = "arn:aws:codeconnections:eu-west-1:123456789012:connection/0b1c2d3e-aaaa";
    IConnection c = Connection.fromConnectionArn(stack, "Imported", arn);

    assertThat(((ConnectionBase) c).getServiceNamespace())
        .contains(ServiceNamespace.CODECONNECTIONS);
    assertThatThrownBy(c::getConnectionName)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Stack/Imported")
        .hasMessageContaining("fromConnectionAttributes");
  }

  @Test
  void importByAttributesNamesTheConnectionWhereItIsShown() {
    IConnection c =
        Connection.fromConnectionAttributes(
            stack,
            "Imported",
            new ConnectionAttributes(
                "arn:aws:codestar-connections:eu-west-1:123456789012:connection/x", "shared"));
    ReadinessCheck.Builder.create(stack, "Ready").connection(c).build();

    assertThat(Template.fromStack(stack).findOutputs("*").toString())
        .contains("Status of connection 'shared' (Stack/Imported)");
  }

  @Test
  void importRejectsAMalformedLiteralArn() {
    for (String bad :
        List.of(
            "not-an-arn",
            "arn:aws:codecommit:eu-west-1:123456789012:connection/x",
            "arn:aws:codestar-connections:eu-west-1:12345:connection/x",
            "arn:aws:codestar-connections:eu-west-1:123456789012:host/x",
            "arn:aws:codestar-connections:eu-west-1:123456789012:connection/")) {
      assertThatThrownBy(() -> Connection.fromConnectionArn(stack, "Bad" + bad.hashCode(), bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Connection import at 'Stack/Bad" + bad.hashCode() + "'")
          .hasMessageContaining("connectionArn '" + bad + "'")
          .hasMessageContaining("is not a connection ARN");
    }
  }

  @Test
  void nameLongerThan32IsRejected() {
    String name = "x".repeat(33);
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "GitHub")
                    .connectionName(name)
                    .providerType(ProviderType.GITHUB)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Connection at 'Stack/GitHub': connectionName '"
                + name
                + "' is 33 characters; the service allows 1 to 32");
  }

  @Test
  void emptyNameIsRejectedButATokenNameIsNot() {
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Empty")
                    .connectionName("")
                    .providerType(ProviderType.GITHUB)
                    .build())
        .hasMessageContaining("connectionName '' is 0 characters");
    Connection.Builder.create(stack, "Token")
        .connectionName(Fn.importValue("AVeryLongExportNameThatIsMuchLongerThanThirtyTwo"))
        .providerType(ProviderType.GITHUB)
        .build();
  }

  @Test
  void providerTypeOrHostIsRequired() {
    assertThatThrownBy(() -> Connection.Builder.create(stack, "Nothing").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection at 'Stack/Nothing'")
        .hasMessageContaining("neither providerType nor host");
  }

  @Test
  void selfManagedProviderWithoutAHostIsRejected() {
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Ghes")
                    .providerType(ProviderType.GITLAB_SELF_MANAGED)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("providerType GITLAB_SELF_MANAGED")
        .hasMessageContaining("needs a host");
  }

  @Test
  void cloudProviderWithAHostIsRejected() {
    IHost host =
        Host.fromHostArn(
            stack,
            "Host",
            "arn:aws:codestar-connections:eu-west-1:123456789012:host/ghes-1234abcd");
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Bad")
                    .providerType(ProviderType.GITHUB)
                    .host(host)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Connection at 'Stack/Bad'")
        .hasMessageContaining("providerType GITHUB is a cloud provider and cannot go with a host");
  }

  @Test
  void badTagsAreRejected() {
    assertThatThrownBy(() -> github("K1", Map.of("aws:owner", "me")))
        .hasMessageContaining("Connection at 'Stack/K1': tags key 'aws:owner' starts with 'aws:'");
    assertThatThrownBy(() -> github("K2", Map.of("", "v")))
        .hasMessageContaining("tags key '' is 0 characters; the service allows 1 to 128");
    assertThatThrownBy(() -> github("K3", Map.of("k".repeat(129), "v")))
        .hasMessageContaining("is 129 characters; the service allows 1 to 128");
    assertThatThrownBy(() -> github("K4", Map.of("k", "v".repeat(257))))
        .hasMessageContaining("tags value of 'k' is 257 characters; the service allows 0 to 256");
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> github("K5", many))
        .hasMessageContaining("tags has 51 tags; at most 50 are allowed");
  }

  @Test
  void tooManyTagsThroughTagsOfFailSynthesis() {
    Map<String, String> fifty = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("k" + i, "v");
    }
    github("Full", fifty);
    Tags.of(stack).add("one-more", "v");

    assertThatThrownBy(() -> app.synth())
        .hasMessageContaining("Connection at 'Stack/Full': has 51 tags");
  }

  private Connection github(String id, Map<String, String> tags) {
    return Connection.Builder.create(stack, id)
        .providerType(ProviderType.GITHUB)
        .tags(tags)
        .build();
  }

  @Test
  void aNullTagKeyOrValueIsTheLibrarysError() {
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertThatThrownBy(() -> github("NullKey", nullKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Connection at 'Stack/NullKey': tags has a null key (with value 'v'); a tag key is a"
                + " string of 1 to 128 characters");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("team", null);
    assertThatThrownBy(() -> github("NullValue", nullValue))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Connection at 'Stack/NullValue': tags value of 'team' is null; a tag value is a"
                + " string of 0 to 256 characters (\"\" for none)");
  }

  @Test
  void propsKeepTheirOwnSortedCopyOfTheTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("b", "2");
    tags.put("a", "1");
    ConnectionProps props =
        ConnectionProps.builder().providerType(ProviderType.GITHUB).tags(tags).build();
    tags.put("c", "3");
    new Connection(stack, "FromProps", props);

    // The template's order does not depend on the map's, and a later change to the map is not
    // taken.
    Template.fromStack(stack)
        .hasResourceProperties(
            "AWS::CodeStarConnections::Connection",
            Map.of(
                "Tags",
                List.of(Map.of("Key", "a", "Value", "1"), Map.of("Key", "b", "Value", "2"))));
    assertThatThrownBy(() -> props.getTags().put("d", "4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** A host of the user's own, saying its provider type through {@link IHost}. */
  private static final class OwnHost extends Resource implements IHost {
    OwnHost(Construct scope, String id) {
      super(scope, id);
    }

    @Override
    public String getHostArn() {
      return "arn:aws:codeconnections:eu-west-1:123456789012:host/own-1234abcd";
    }

    @Override
    public Optional<ProviderType> getProviderType() {
      return Optional.of(ProviderType.GITLAB_SELF_MANAGED);
    }
  }

  @Test
  void aHostOfYourOwnIsCheckedByWhatItSaysThroughIHost() {
    OwnHost host = new OwnHost(stack, "Own");
    assertThatThrownBy(
            () ->
                Connection.Builder.create(stack, "Wrong")
                    .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
                    .host(host)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Connection at 'Stack/Wrong': providerType GITHUB_ENTERPRISE_SERVER differs from the"
                + " host's GITLAB_SELF_MANAGED (Stack/Own); leave providerType out to take the"
                + " host's");

    Connection c = Connection.Builder.create(stack, "Right").host(host).build();
    assertThat(c.getProviderType()).contains(ProviderType.GITLAB_SELF_MANAGED);
  }
}
