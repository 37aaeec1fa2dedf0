package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.constructs.IConstruct;

/**
 * What leaves the stack with a {@link Host}, and when: its removal policy, which the security group
 * made for it (and that group's rule resources, whenever they are added) follows, and the check
 * that a deleted host has no retained connection on it.
 *
 * <p>Why the group follows the host: a retained host keeps its network interfaces, and EC2 refuses
 * to delete a group that interfaces use (DeleteSecurityGroup: DependencyViolation,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html), so a
 * retained host with a deleted group fails the stack's deletion. A replaced group is always
 * deleted: CloudFormation updates the host to the new group first.
 */
final class HostRemoval implements IAspect {
  private final Host host;
  private final CfnResource hostResource;
  private final List<Connection> connections = new ArrayList<>();
  private final StackChecks stackChecks;
  private RemovalPolicy policy;
  private int watched = -1;

  /**
   * Follows a host; the group made for it (if any) follows its policy from now on.
   *
   * @param host the host
   * @param hostResource its CloudFormation resource
   * @param ownGroup the group made for it, or null
   * @param policy its removal policy
   * @param stackChecks the stack's check at synth, which runs {@link #conflicts} once a connection
   *     is on the host
   */
  HostRemoval(
      Host host,
      CfnResource hostResource,
      SecurityGroup ownGroup,
      RemovalPolicy policy,
      StackChecks stackChecks) {
    this.host = host;
    this.hostResource = hostResource;
    this.stackChecks = stackChecks;
    this.policy = policy;
    if (ownGroup != null) {
      Aspects.of(ownGroup).add(this);
    }
  }

  /** The policy now: later calls of {@code applyRemovalPolicy} win, as CDK has it. */
  void policy(RemovalPolicy p) {
    this.policy = p;
  }

  /** A connection of this library made on the host: checked once the tree is complete. */
  void connection(Connection c) {
    connections.add(c);
    if (connections.size() == 1) {
      // The host's options are taken now and read with every other host's in one call at synth.
      watched = stackChecks.watch(hostResource.getCfnOptions());
      // Checked at synth, since removal policies may be applied after construction; in the
      // stack's one check, not a validation of the host's own (which would cost five jsii round
      // trips), and reported under the host.
      stackChecks.alsoCheck(host, this::conflicts);
    }
  }

  /** Applies the host's policy to the group's resources when the tree is synthesized. */
  @Override
  public void visit(IConstruct node) {
    if (node instanceof CfnResource r) {
      r.applyRemovalPolicy(policy);
      r.addOverride("UpdateReplacePolicy", "Delete");
    }
  }

  /**
   * A host CloudFormation would delete, with a connection it would keep: the service deletes a host
   * only once no connection uses it ("Before you delete a host, all connections associated to the
   * host must be deleted", DeleteHost in both models), so that host could never go.
   */
  List<String> conflicts() {
    List<String> out = new ArrayList<>();
    String hostPolicy = stackChecks.deletionPolicy(watched);
    if (hostPolicy != null && !"Delete".equals(hostPolicy)) {
      return out;
    }
    for (Connection c : connections) {
      if (!deletes((CfnResource) c.getNode().getDefaultChild())) {
        out.add(
            new Owner("Host", host)
                + ": has removalPolicy DESTROY, but Connection at '"
                + c.getNode().getPath()
                + "' on it is retained (removalPolicy RETAIN_ON_UPDATE_OR_DELETE, the default for"
                + " connections, or RETAIN). The service deletes a host only once no connection"
                + " uses it, so this host could never be deleted: give the connection"
                + " removalPolicy(RemovalPolicy.DESTROY), or the host RETAIN_ON_UPDATE_OR_DELETE");
      }
    }
    return out;
  }

  private static boolean deletes(CfnResource r) {
    CfnDeletionPolicy p = r.getCfnOptions().getDeletionPolicy();
    return p == null || p == CfnDeletionPolicy.DELETE;
  }
}
