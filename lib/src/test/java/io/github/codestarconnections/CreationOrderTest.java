package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.GitHubSourceProps;
import software.amazon.awscdk.services.codebuild.Project;
import software.amazon.awscdk.services.codebuild.Source;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.actions.ManualApprovalAction;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/**
 * Every permission a resource needs while CloudFormation creates it is in a policy that resource
 * depends on (DependsOn, or a reference), so CloudFormation makes the policy first
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html).
 */
class CreationOrderTest {
  private final App app = new App();
  private final Stack stack = new Stack(app, "Stack");

  private Connection github() {
    return Connection.Builder.create(stack, "GitHub")
        .providerType(ProviderType.GITHUB)
        .serviceNamespace(ServiceNamespace.CODECONNECTIONS)
        .build();
  }

  private static CodeBuildSourceProps.Builder repo(IConnection c) {
    return CodeBuildSourceProps.builder().connection(c).owner("acme").repo("service");
  }

  private Project project(String id, software.amazon.awscdk.services.codebuild.ISource source) {
    return Project.Builder.create(stack, id)
        .source(source)
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
  }

  /** The policies that hold a connection grant for CodeBuild (GetConnectionToken). */
  private static List<String> grantPolicies(Map<String, Object> template) {
    return resources(template).entrySet().stream()
        .filter(e -> type(e.getValue()).equals("AWS::IAM::Policy"))
        .filter(e -> e.getValue().toString().contains(":GetConnectionToken"))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Test
  void aCodeBuildSourceProjectDependsOnThePolicyWithItsConnectionGrant() {
    Connection c = github();
    Project p = project("Build", CodeBuildSource.gitHub(repo(c).webhook(false).build()));
    Map<String, Object> template = Template.fromStack(stack).toJSON();

    String project = logicalId(p);
    assertThat(grantPolicies(template))
        .singleElement()
        .satisfies(
            policy -> {
              assertThat(policy).startsWith("BuildRoleCodeStarConnectionsGrantsPolicy");
              assertThat(dependencies(template, project)).contains(policy);
            });
    // The role's default policy names the project, so it comes after it: the grant is not there.
    String defaultPolicy =
        resources(template).keySet().stream()
            .filter(id -> id.startsWith("BuildRoleDefaultPolicy"))
            .findFirst()
            .orElseThrow();
    assertThat(dependencies(template, defaultPolicy)).contains(project);
    assertThat(resources(template).get(defaultPolicy).toString())
        .doesNotContain("GetConnectionToken");
  }

  @Test
  void aUsersOwnGrantToAProjectIsInThePolicyItDependsOn() {
    Connection c = github();
    Project p =
        project(
            "Build",
            Source.gitHub(
                GitHubSourceProps.builder().owner("acme").repo("service").webhook(true).build()));
    Grant grant = c.grantCodeBuildUse(p);
    Map<String, Object> template = Template.fromStack(stack).toJSON();

    assertThat(grant.getSuccess()).isTrue();
    assertThat(grant.getPrincipalStatements().get(0).toStatementJson().toString())
        .contains("codeconnections:GetConnectionToken");
    assertThat(grantPolicies(template))
        .singleElement()
        .satisfies(policy -> assertThat(dependencies(template, logicalId(p))).contains(policy));
  }

  @Test
  void aGrantToARoleOrdersEveryProjectOfThatRoleInItsStackAndNoOther() {
    Connection c = github();
    Role shared =
        Role.Builder.create(stack, "Shared")
            .assumedBy(new ServicePrincipal("codebuild.amazonaws.com"))
            .build();
    Project first = projectWithRole("First", shared);
    c.grantCodeBuildUse(shared);
    // Made after the grant: the order is settled once the tree is complete.
    Project second = projectWithRole("Second", shared);
    Project other =
        project("Other", Source.gitHub(GitHubSourceProps.builder().owner("a").repo("b").build()));
    Map<String, Object> template = Template.fromStack(stack).toJSON();

    String policy = grantPolicies(template).get(0);
    assertThat(grantPolicies(template)).containsExactly(policy);
    assertThat(policy).startsWith("SharedCodeStarConnectionsGrantsPolicy");
    assertThat(dependencies(template, logicalId(first))).contains(policy);
    assertThat(dependencies(template, logicalId(second))).contains(policy);
    assertThat(dependencies(template, logicalId(other))).doesNotContain(policy);
  }

  @Test
  void twoGrantsToOneRoleShareOnePolicy() {
    Connection c = github();
    Connection gitlab =
        Connection.Builder.create(stack, "GitLab").providerType(ProviderType.GITLAB).build();
    Project p = project("Build", CodeBuildSource.gitHub(repo(c).build()));
    gitlab.grantCodeBuildUse(p);
    Map<String, Object> template = Template.fromStack(stack).toJSON();

    assertThat(grantPolicies(template)).hasSize(1);
    assertThat(resources(template).get(grantPolicies(template).get(0)).toString())
        .contains("codeconnections:GetConnectionToken", "codestar-connections:GetConnectionToken");
  }

  @Test
  void anImportedRoleKeepsItsOwnPolicy() {
    Connection c = github();
    var imported = Role.fromRoleArn(stack, "Imported", "arn:aws:iam::123456789012:role/build");
    Grant grant = c.grantCodeBuildUse(imported);
    Map<String, Object> template = Template.fromStack(stack).toJSON();

    assertThat(grant.getSuccess()).isTrue();
    assertThat(grantPolicies(template))
        .singleElement()
        .satisfies(policy -> assertThat(policy).startsWith("ImportedPolicy"));
  }

  /**
   * The other resources that use rights at create hold: a lookup and a readiness check (their
   * handler's rights are in policies they reach through the service token, or depend on), a host
   * (its handler's), and a pipeline (its role's default policy, which aws-cdk makes it depend on).
   */
  @Test
  void lookupsChecksHostsAndPipelinesWaitForTheRightsTheyUseAtCreate() {
    IConnection looked = Connection.fromConnectionName(stack, "Looked", "acme-github");
    ReadinessCheck check =
        ReadinessCheck.Builder.create(stack, "Ready")
            .connection(looked)
            .mode(ReadinessMode.REQUIRE_AVAILABLE)
            .build();
    Host ghes =
        Host.Builder.create(stack, "Ghes")
            .hostName("ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.com")
            .build();
    Artifact source = new Artifact("Source");
    Pipeline pipeline =
        Pipeline.Builder.create(stack, "Pipeline")
            .pipelineType(PipelineType.V2)
            .stages(
                List.of(
                    StageProps.builder()
                        .stageName("Source")
                        .actions(
                            List.of(
                                ConnectionSourceAction.Builder.create()
                                    .actionName("GitHub")
                                    .connection(looked)
                                    .owner("acme")
                                    .repo("app")
                                    .branch("main")
                                    .output(source)
                                    .build()))
                        .build(),
                    StageProps.builder()
                        .stageName("Approve")
                        .actions(
                            List.of(ManualApprovalAction.Builder.create().actionName("Ok").build()))
                        .build()))
            .build();
    Map<String, Object> template = Template.fromStack(stack).toJSON();

    assertThat(dependencies(template, id(looked)))
        .containsAll(policiesAllowing(template, "codeconnections:ListConnections"));
    assertThat(dependencies(template, id(check)))
        .containsAll(policiesAllowing(template, "codeconnections:GetConnection"));
    assertThat(dependencies(template, id(ghes)))
        .containsAll(policiesAllowing(template, "codestar-connections:CreateHost"))
        .containsAll(policiesAllowing(template, "codestar-connections:UpdateHost"));
    assertThat(dependencies(template, id(pipeline)))
        .contains(
            stack.getLogicalId(
                (CfnElement)
                    pipeline
                        .getRole()
                        .getNode()
                        .findChild("DefaultPolicy")
                        .getNode()
                        .getDefaultChild()));
  }

  private String id(software.constructs.IConstruct c) {
    return stack.getLogicalId((CfnElement) c.getNode().getDefaultChild());
  }

  /**
   * The IAM policies (AWS::IAM::Policy, AWS::IAM::RolePolicy) with a statement allowing the action.
   */
  private static List<String> policiesAllowing(Map<String, Object> template, String action) {
    List<String> found =
        resources(template).entrySet().stream()
            .filter(
                e ->
                    List.of("AWS::IAM::Policy", "AWS::IAM::RolePolicy")
                        .contains(type(e.getValue())))
            .filter(e -> actions(e.getValue()).contains(action))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(found).as("policies allowing %s", action).isNotEmpty();
    return found;
  }

  @SuppressWarnings("unchecked")
  private static List<String> actions(Map<String, Object> policy) {
    Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
    Map<String, Object> document = (Map<String, Object>) props.get("PolicyDocument");
    return ((List<Object>) document.get("Statement"))
        .stream()
            .map(st -> ((Map<String, Object>) st).get("Action"))
            .flatMap(a -> a instanceof List<?> l ? l.stream() : java.util.stream.Stream.of(a))
            .map(String::valueOf)
            .toList();
  }

  private Project projectWithRole(String id, Role role) {
    return Project.Builder.create(stack, id)
        .role(role)
        .source(Source.gitHub(GitHubSourceProps.builder().owner("acme").repo(id).build()))
        .buildSpec(BuildSpec.fromSourceFilename("buildspec.yml"))
        .build();
  }

  private String logicalId(Project p) {
    return stack.getLogicalId((CfnElement) p.getNode().getDefaultChild());
  }

  // ---- Reading the template ---------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> resources(Map<String, Object> template) {
    return (Map<String, Map<String, Object>>) template.get("Resources");
  }

  static String type(Map<String, Object> resource) {
    return (String) resource.get("Type");
  }

  /**
   * Every resource a resource waits for: its DependsOn and the resources its properties refer to
   * (Ref, Fn::GetAtt), and theirs, transitively.
   */
  static Set<String> dependencies(Map<String, Object> template, String logicalId) {
    Map<String, Map<String, Object>> all = resources(template);
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(logicalId));
    while (!todo.isEmpty()) {
      Map<String, Object> r = all.get(todo.pop());
      Set<String> direct = new LinkedHashSet<>();
      references(r.get("Properties"), all.keySet(), direct);
      Object dependsOn = r.get("DependsOn");
      if (dependsOn instanceof String s) {
        direct.add(s);
      } else if (dependsOn instanceof List<?> l) {
        l.forEach(d -> direct.add((String) d));
      }
      for (String d : direct) {
        if (seen.add(d)) {
          todo.push(d);
        }
      }
    }
    return seen;
  }

  private static void references(Object value, Set<String> ids, Set<String> out) {
    if (value instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if ("Ref".equals(k) && v instanceof String s && ids.contains(s)) {
              out.add(s);
            } else if ("Fn::GetAtt".equals(k) && v instanceof List<?> l && ids.contains(l.get(0))) {
              out.add((String) l.get(0));
            } else {
              references(v, ids, out);
            }
          });
    } else if (value instanceof List<?> l) {
      l.forEach(v -> references(v, ids, out));
    }
  }
}
