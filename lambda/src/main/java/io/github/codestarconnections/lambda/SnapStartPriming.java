package io.github.codestarconnections.lambda;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * The handler's SnapStart runtime hook
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html), registered with
 * org.crac's global context once per container, where the clients are built.
 *
 * <p>{@link #beforeCheckpoint} runs before Lambda snapshots the initialized environment, and primes
 * what can be primed without a network call: the container credentials provider made (no
 * credentials read), one Create event through {@link OnEventHandler} and its isComplete through
 * {@link IsCompleteHandler} (event parser, decisions, response shaping, log line), then the
 * operations a Create does not reach, all over a client built as the container's (same marshalling,
 * endpoint rules, signing, retry strategy and timeouts) that signs with placeholder credentials and
 * is answered in the JVM by {@link PrimingHttpClient}. A failure only costs the priming: it is
 * logged, never thrown, so a publish never fails for it.
 *
 * <p>{@link #afterRestore} has nothing to renew, by construction: credentials are read when a call
 * signs ({@link HandlerCredentials}), and priming never resolved any; no connection was opened and
 * no name resolved before the snapshot; the handler keeps no random state, the SDK's invocation ids
 * come from {@code SecureRandom} and its retry jitter from {@link RestoreSafeBackoff}, which AWS
 * lists as unique across restores. It logs one line, so a restored environment can be told from a
 * cold one.
 */
final class SnapStartPriming implements Resource {
  static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
  static final String SNAP_START = "snap-start";

  /** Strongly held: org.crac keeps registered resources only weakly. */
  private static SnapStartPriming registered;

  private final Namespace namespace;
  private final Region region;
  private final PrintStream log;

  /**
   * @param namespace the container's namespace
   * @param region the container's region
   * @param log where the hook's own line goes
   */
  SnapStartPriming(Namespace namespace, Region region, PrintStream log) {
    this.namespace = namespace;
    this.region = region;
    this.log = log;
  }

  /**
   * Registers the container's hook on a SnapStart function, whose initialization Lambda marks with
   * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}
   * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html); other functions
   * never run the hooks, and do not load org.crac.
   *
   * @param env the environment
   * @param namespace the namespace whose clients were built
   * @param region their region
   * @return whether the hook is registered
   */
  static boolean registerOn(Map<String, String> env, Namespace namespace, Region region) {
    if (!SNAP_START.equals(env.get(INITIALIZATION_TYPE))) {
      return false;
    }
    register(namespace, region);
    return true;
  }

  /**
   * Registers the container's hook, once: later calls (another namespace's clients) keep the first.
   *
   * @param namespace the namespace whose clients were built
   * @param region their region
   * @return the registered hook
   */
  static synchronized SnapStartPriming register(Namespace namespace, Region region) {
    if (registered == null) {
      registered = new SnapStartPriming(namespace, region, System.out);
      Core.getGlobalContext().register(registered);
    }
    return registered;
  }

  /**
   * A client builder of the container's, changed to sign with placeholder credentials and to be
   * answered by a {@link PrimingHttpClient}: nothing it sends leaves the JVM.
   *
   * @param builder the builder as {@link ServiceClients} configures it
   * @param answers the in-JVM answers
   * @param <B> the builder type
   * @return the same builder
   */
  static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B offline(
      B builder, PrimingHttpClient answers) {
    // Placeholder credentials: the primed requests are signed but never sent.
    return builder
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSNAPSTARTPRIMING", "placeholder")))
        .httpClientBuilder(defaults -> answers);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    long start = System.nanoTime();
    LogLine line = new LogLine().put("handler", "snapStart").put("hook", "beforeCheckpoint");
    try {
      line.put("primed", prime());
    } catch (RuntimeException e) {
      line.put("failed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    line.put("ms", (System.nanoTime() - start) / 1_000_000).writeTo(log);
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    new LogLine().put("handler", "snapStart").put("hook", "afterRestore").writeTo(log);
  }

  /**
   * Runs the priming.
   *
   * @return the operations the in-JVM client answered, in order
   */
  List<String> prime() {
    String arn =
        "arn:aws:"
            + namespace.arnService()
            + ":"
            + region.id()
            + ":000000000000:host/"
            + PrimingHttpClient.HOST_NAME
            + "-00000000";
    // The container credentials provider a SnapStart function signs with, made (not asked) now.
    HandlerCredentials.SHARED.prepare();
    PrimingHttpClient answers = new PrimingHttpClient(arn);
    try (ServiceClients.ClosableApi offline = ServiceClients.open(namespace, region, answers)) {
      HostApi api = offline.api();
      PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
      Map<String, Object> create = event("Create", null);
      new OnEventHandler(api, discard, Duration.ZERO).handleRequest(create, null);
      new IsCompleteHandler(api, discard).handleRequest(event("Create", arn), null);
      api.listTags(arn);
      api.tagResource(arn, Map.of("team", "platform"));
      api.untagResource(arn, List.of("team"));
      api.updateHost(arn, PrimingHttpClient.PROVIDER_ENDPOINT, null);
      api.deleteHost(arn);
    }
    return answers.answered();
  }

  /** An event as the CDK Provider framework passes it, for the host the answers describe. */
  private static Map<String, Object> event(String requestType, String physicalId) {
    Map<String, Object> vpc = new LinkedHashMap<>();
    vpc.put("VpcId", "vpc-0123456789abcdef0");
    vpc.put("SubnetIds", List.of("subnet-0123456789abcdef0"));
    vpc.put("SecurityGroupIds", List.of("sg-0123456789abcdef0"));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("ServiceToken", "arn:aws:lambda:us-east-1:000000000000:function:priming");
    properties.put("Name", PrimingHttpClient.HOST_NAME);
    properties.put("ProviderType", PrimingHttpClient.PROVIDER_TYPE);
    properties.put("ProviderEndpoint", PrimingHttpClient.PROVIDER_ENDPOINT);
    properties.put("VpcConfiguration", vpc);
    properties.put("Tags", List.of(Map.of("Key", "team", "Value", "platform")));
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", requestType);
    e.put("RequestId", "snapstart-priming");
    e.put(
        "StackId", "arn:aws:cloudformation:us-east-1:000000000000:stack/SnapStartPriming/priming");
    e.put("LogicalResourceId", "Priming");
    e.put("ResourceType", "Custom::CodeStarConnectionsHost");
    e.put("ResourceProperties", properties);
    if (physicalId != null) {
      e.put("PhysicalResourceId", physicalId);
    }
    return e;
  }
}
