package io.github.codestarconnections;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.regioninfo.RegionInfo;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Builds every console address this library prints, and the handshake output that shows one: the
 * Developer Tools console's connections page, {@code
 * https://<console>/codesuite/settings/connections?region=<region>}, where a person finishes a
 * pending connection ("Update pending connection") or, on its Hosts tab, sets up a host.
 *
 * <p>Why the list page and not a page of its own per connection: the AWS documentation gives only
 * this page ("Open the AWS Developer Tools console at
 * https://console.aws.amazon.com/codesuite/settings/connections", in
 * https://docs.aws.amazon.com/dtconsole/latest/userguide/connections-update.html and, for hosts,
 * connections-host-view.html). Deep links seen in public code disagree with each other ( {@code
 * .../settings/<account>/<region>/connections/<id>} before the 2024 rename, {@code
 * .../settings/<account>/<region>/codeconnections/connections/<id>} after it) and are not
 * documented, so a person is told the page and the name to choose rather than given a link that may
 * lead nowhere.
 *
 * <p>The console's domain depends on the partition: {@code console.aws.amazon.com}, {@code
 * console.amazonaws.cn} (aws-cn), {@code console.amazonaws-us-gov.com} (aws-us-gov). A stack with a
 * literal region gets the literal domain; an environment-agnostic stack gets two CloudFormation
 * conditions on {@code AWS::Partition}, shared by the stack, which fall back to the aws domain for
 * any other partition.
 */
final class ConsoleAddress {
  /** The construct id of a stack's partition conditions. */
  static final String CONDITIONS_ID = "CodeStarConnectionsConsolePartition";

  static final String AWS = "console.aws.amazon.com";
  static final String CHINA = "console.amazonaws.cn";
  static final String GOV_CLOUD = "console.amazonaws-us-gov.com";

  private ConsoleAddress() {}

  /**
   * The connections page of the console in the region of a construct's stack.
   *
   * @param scope a construct in the stack
   * @param asking the construct asking, for the message of a construct at the conditions' id
   * @return the address: literal, or a token the deployment resolves
   */
  static String connectionsPage(IConstruct scope, Owner asking) {
    Stack stack = Stack.of(scope);
    String region = stack.getRegion();
    return connectionsPage(domain(stack, region, asking), region);
  }

  private static String connectionsPage(String domain, String region) {
    return "https://" + domain + "/codesuite/settings/connections?region=" + region;
  }

  /**
   * The stack output {@code HandshakeUrl} of a new connection: the connections page, and in its
   * description the connection's name and what to do there.
   *
   * @param connection the connection, the output's parent
   * @param path its construct path
   * @param stack its stack's checks, which know the region and the console domain
   * @param name its name (a token when one was given)
   * @param owner the connection, for messages
   * @return the output
   */
  static CfnOutput handshakeOutput(
      Construct connection, String path, StackChecks stack, String name, Owner owner) {
    return CfnOutput.Builder.create(connection, "HandshakeUrl")
        .description(
            "Connection "
                + (JsiiShortcuts.isUnresolved(name) ? "" : "'" + name + "' ")
                + "("
                + path
                + ") is PENDING after deploy: open this address, choose the connection by name,"
                + " then 'Update pending connection' and authorize the provider")
        .value(connectionsPage(stack.consoleDomain(owner), stack.region()))
        .build();
  }

  /**
   * The console's domain for a stack: literal when its region is known, else by condition.
   *
   * @param stack the stack
   * @param region its region, read once by the caller
   * @param asking the construct asking, for the message of a construct at the conditions' id
   * @return the domain: literal, or a token
   */
  static String domain(Stack stack, String region, Owner asking) {
    if (!JsiiShortcuts.isUnresolved(region)) {
      String partition = RegionInfo.get(region).getPartition();
      if (partition != null) {
        return forPartition(partition);
      }
    }
    return Conditions.of(stack, asking).domain();
  }

  /**
   * The console's domain in a partition.
   *
   * @param partition e.g. {@code aws-cn}
   * @return the domain; the aws one for partitions without a console of their own known here
   */
  static String forPartition(String partition) {
    return switch (partition) {
      case "aws-cn" -> CHINA;
      case "aws-us-gov" -> GOV_CLOUD;
      default -> AWS;
    };
  }

  /** The two conditions an environment-agnostic stack chooses its console domain by. */
  static final class Conditions extends Construct {
    private final String domain;

    private Conditions(Stack stack) {
      super(stack, CONDITIONS_ID);
      CfnCondition china =
          CfnCondition.Builder.create(this, "China")
              .expression(Fn.conditionEquals(Aws.PARTITION, "aws-cn"))
              .build();
      CfnCondition govCloud =
          CfnCondition.Builder.create(this, "GovCloud")
              .expression(Fn.conditionEquals(Aws.PARTITION, "aws-us-gov"))
              .build();
      this.domain =
          Token.asString(
              Fn.conditionIf(
                  china.getLogicalId(),
                  CHINA,
                  Fn.conditionIf(govCloud.getLogicalId(), GOV_CLOUD, AWS)));
    }

    static Conditions of(Stack stack, Owner asking) {
      Conditions found =
          ReservedChild.find(
              stack, CONDITIONS_ID, Conditions.class, "its console address conditions", asking);
      return found != null ? found : new Conditions(stack);
    }

    String domain() {
      return domain;
    }
  }
}
