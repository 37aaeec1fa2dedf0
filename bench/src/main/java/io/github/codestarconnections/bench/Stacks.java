package io.github.codestarconnections.bench;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.Host;
import io.github.codestarconnections.ProviderType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.AssetHashType;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.LogOptions;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.codestarconnections.CfnConnection;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.CfnRolePolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.constructs.Construct;

/**
 * The benchmark's stacks: n hosts, each with a connection on it, written once with this library's
 * L2s and once by hand with L1s, {@code CustomResource} and a hand-made {@code Provider}. Both give
 * the same template (same construct paths, so the same logical ids), which {@link SynthBenchmark}
 * checks, so the timing difference is the L2s' own cost.
 */
final class Stacks {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";
  static final Map<String, String> TAGS = Map.of("team", "platform");

  private Stacks() {}

  /** How the stack is written. */
  enum Style {
    L2,
    L1
  }

  /** What each of the n units holds. */
  enum Shape {
    /** A host and a connection on it. */
    HOST_AND_CONNECTION,
    /** A host alone. */
    HOST,
    /** A host in a VPC (one VPC shared by all) and a connection on it. */
    VPC_HOST_AND_CONNECTION
  }

  static App app(Path outdir) {
    return new App(AppProps.builder().outdir(outdir.toString()).build());
  }

  static Stack stack(App app) {
    return new Stack(
        app,
        "Bench",
        StackProps.builder()
            .env(Environment.builder().account(ACCOUNT).region(REGION).build())
            .build());
  }

  /** Adds n units of the given shape to the stack, written in the given style. */
  static void populate(Stack stack, Style style, Shape shape, int n) {
    IVpc vpc = shape == Shape.VPC_HOST_AND_CONNECTION ? vpc(stack) : null;
    L1Provider provider = null;
    for (int i = 0; i < n; i++) {
      String name = "ghes-" + i;
      String endpoint = "https://github" + i + ".example.com";
      String hostArn;
      if (style == Style.L2) {
        Host host =
            Host.Builder.create(stack, "Host" + i)
                .hostName(name)
                .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
                .providerEndpoint(endpoint)
                .vpc(vpc)
                .tags(TAGS)
                .build();
        if (shape != Shape.HOST) {
          Connection.Builder.create(stack, "Connection" + i)
              .connectionName(name)
              .host(host)
              .tags(TAGS)
              .build();
        }
        continue;
      }
      if (provider == null) {
        provider = new L1Provider(stack, "CodeStarConnectionsHostProvider");
      }
      hostArn = l1Host(stack, "Host" + i, provider, name, endpoint, vpc);
      if (shape != Shape.HOST) {
        l1Connection(stack, "Connection" + i, name, hostArn);
      }
    }
  }

  static IVpc vpc(Stack stack) {
    return Vpc.Builder.create(stack, "Vpc")
        .maxAzs(2)
        .natGateways(1)
        .subnetConfiguration(
            List.of(
                SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).build(),
                SubnetConfiguration.builder()
                    .name("Private")
                    .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                    .build()))
        .build();
  }

  // ---- The same resources by hand -----------------------------------------------------------

  private static String l1Host(
      Stack stack, String id, L1Provider provider, String name, String endpoint, IVpc vpc) {
    if (vpc != null) {
      throw new UnsupportedOperationException("the L1 side covers hosts without a VPC");
    }
    Construct scope = new Construct(stack, id);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("Name", name);
    properties.put("ProviderType", "GitHubEnterpriseServer");
    properties.put("ProviderEndpoint", endpoint);
    properties.put("Tags", List.of(Map.of("Key", "team", "Value", "platform")));
    CustomResource resource =
        CustomResource.Builder.create(scope, "Resource")
            .serviceToken(provider.serviceToken)
            .resourceType("Custom::CodeStarConnectionsHost")
            .properties(properties)
            .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
            .build();
    CfnResource cfn = (CfnResource) resource.getNode().getDefaultChild();
    cfn.getCfnOptions().setUpdateReplacePolicy(CfnDeletionPolicy.DELETE);
    // The handler may change and tag this host only (its ARN is host/<name>-<id>): one policy per
    // handler role, made before the host and deleted after it. A role policy needs a name unique
    // per role, here taken from the construct path.
    String hosts =
        stack.formatArn(
            ArnComponents.builder()
                .service("codestar-connections")
                .resource("host")
                .resourceName(name + "-*")
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    String policyName = "CodeStarConnectionsHost-" + digest(scope.getNode().getPath(), name);
    cfn.addResourceDependency(
        rolePolicy(
            scope,
            "OnEventAccess",
            policyName,
            provider.onEventRole,
            List.of("UpdateHost", "TagResource", "UntagResource", "ListTagsForResource"),
            hosts));
    cfn.addResourceDependency(
        rolePolicy(
            scope,
            "IsCompleteAccess",
            policyName,
            provider.isCompleteRole,
            List.of("ListTagsForResource", "UntagResource"),
            hosts));
    return resource.getRef(); // the physical id is the host ARN
  }

  private static CfnRolePolicy rolePolicy(
      Construct scope, String id, String name, Role role, List<String> actions, String hosts) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Effect", "Allow");
    statement.put("Action", actions.stream().map(a -> "codestar-connections:" + a).toList());
    statement.put("Resource", hosts);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(statement));
    return CfnRolePolicy.Builder.create(scope, id)
        .policyName(name)
        .roleName(role.getRoleName())
        .policyDocument(document)
        .build();
  }

  private static String digest(String path, String name) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest((path + "\n" + name).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void l1Connection(Stack stack, String id, String name, String hostArn) {
    Construct scope = new Construct(stack, id);
    CfnConnection connection =
        CfnConnection.Builder.create(scope, "Resource")
            .connectionName(name)
            .hostArn(hostArn)
            .tags(List.of(CfnTag.builder().key("team").value("platform").build()))
            .build();
    connection.applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
    // Replaced with its host, the connection is useless and would keep the old host from going.
    connection.addOverride("UpdateReplacePolicy", "Delete");
    CfnOutput.Builder.create(scope, "HandshakeUrl")
        .description(
            "Connection '"
                + name
                + "' ("
                + scope.getNode().getPath()
                + ") is PENDING after deploy: open this address, choose the connection by name,"
                + " then 'Update pending connection' and authorize the provider")
        .value(
            "https://console.aws.amazon.com/codesuite/settings/connections?region="
                + stack.getRegion())
        .build();
  }

  /** The provider as a user would write it without the library: same functions, same IAM. */
  private static final class L1Provider extends Construct {
    final String serviceToken;
    final Role onEventRole;
    final Role isCompleteRole;

    L1Provider(Construct scope, String id) {
      super(scope, id);
      Function onEvent =
          function(
              "OnEvent",
              "io.github.codestarconnections.lambda.OnEventHandler::handleRequest",
              "create, update and delete");
      Function isComplete =
          function(
              "IsComplete",
              "io.github.codestarconnections.lambda.IsCompleteHandler::handleRequest",
              "wait for");
      LogGroup frameworkLogs = logGroup("FrameworkLogs");
      Role frameworkOnEventRole = lambdaRole("FrameworkOnEventRole", frameworkLogs);
      Role frameworkWaiterRole = lambdaRole("FrameworkWaiterRole", frameworkLogs);
      this.onEventRole = (Role) onEvent.getRole();
      this.isCompleteRole = (Role) isComplete.getRole();
      String hosts =
          Stack.of(this)
              .formatArn(
                  ArnComponents.builder()
                      .service("codestar-connections")
                      .resource("host")
                      .resourceName("*")
                      .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                      .build());
      // What every host needs; each host adds a policy of its own for the actions that change it.
      allow(onEvent, List.of("CreateHost", "ListHosts", "ListConnections"), "*");
      allow(onEvent, List.of("GetHost", "DeleteHost"), hosts);
      allow(isComplete, List.of("ListHosts", "ListConnections"), "*");
      allow(isComplete, List.of("GetHost", "DeleteHost"), hosts);
      this.serviceToken =
          Provider.Builder.create(this, "Provider")
              .onEventHandler(onEvent)
              .isCompleteHandler(isComplete)
              .queryInterval(Duration.seconds(30))
              .totalTimeout(Duration.minutes(30))
              .logGroup(frameworkLogs)
              .frameworkOnEventRole(frameworkOnEventRole)
              .frameworkCompleteAndTimeoutRole(frameworkWaiterRole)
              .disableWaiterStateMachineLogging(false)
              .waiterStateMachineLogOptions(
                  LogOptions.builder()
                      .destination(logGroup("WaiterLogs"))
                      .level(LogLevel.ALL)
                      .includeExecutionData(false)
                      .build())
              .build()
              .getServiceToken();
    }

    private Role lambdaRole(String id, LogGroup logs) {
      Role role =
          Role.Builder.create(this, id)
              .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
              .build();
      logs.grantWrite(role);
      return role;
    }

    private Function function(String id, String handler, String what) {
      LogGroup logs = logGroup(id + "Logs");
      Map<String, String> env = new LinkedHashMap<>();
      env.put("CODESTAR_CONNECTIONS_NAMESPACE", "codestar-connections");
      env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
      return Function.Builder.create(this, id)
          .description(
              "codestarconnections-cdk: "
                  + what
                  + " CodeStar Connections hosts (codestar-connections)")
          .runtime(Runtime.JAVA_21)
          .handler(handler)
          .code(HandlerJar.code())
          .memorySize(1024)
          .timeout(Duration.minutes(2))
          .environment(env)
          .logGroup(logs)
          .role(lambdaRole(id + "Role", logs))
          .build();
    }

    private LogGroup logGroup(String id) {
      return LogGroup.Builder.create(this, id)
          .retention(RetentionDays.ONE_MONTH)
          .removalPolicy(RemovalPolicy.DESTROY)
          .build();
    }

    private static void allow(Function fn, List<String> actions, String resource) {
      fn.addToRolePolicy(
          PolicyStatement.Builder.create()
              .actions(actions.stream().map(a -> "codestar-connections:" + a).toList())
              .resources(List.of(resource))
              .build());
    }
  }

  /** The handler jar lib ships, extracted the way a user without the library would ship it. */
  static final class HandlerJar {
    private static final String RESOURCE =
        "/io/github/codestarconnections/handler/host-handler.jar";
    private static Path dir;
    private static String sha256;

    private HandlerJar() {}

    static synchronized Code code() {
      if (dir == null) {
        try (InputStream in = Stacks.class.getResourceAsStream(RESOURCE)) {
          byte[] jar = in.readAllBytes();
          sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
          dir = Files.createTempDirectory("bench-l1-handler");
          Files.createDirectories(dir.resolve("lib"));
          Files.write(dir.resolve("lib").resolve("host-handler.jar"), jar);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
      return Code.fromAsset(
          dir.toString(),
          AssetOptions.builder().assetHashType(AssetHashType.CUSTOM).assetHash(sha256).build());
    }
  }
}
