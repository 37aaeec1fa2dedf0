package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * CloudFormation's own handlers for the native types the apps use. Connections and {@code
 * AWS::CodeConnections::Host} call the stand-in as the deployer (allowed everything), as
 * CloudFormation's handlers do with the caller's rights. EC2 VPCs, subnets and security groups get
 * ids that pass the host model's patterns; a security group a host still uses cannot be deleted.
 * IAM roles and policies feed the stand-in's IAM check. CodeBuild projects and source credentials
 * check their connection as CodeBuild does ({@link CodeBuildProjects}). The Git sync types follow
 * the service's rules in {@link GitSyncResources}. Every other type is a no-op with a made-up
 * physical id and attributes.
 */
final class NativeResources {
  private final CodeStarConnectionsStandIn standIn;
  private final IamAccount iam;
  private final NativeConnectivity connectivity;
  private final CodeBuildProjects codeBuild;
  private final GitSyncResources gitSync;
  private final Set<String> failing;
  private int sequence;

  NativeResources(
      CodeStarConnectionsStandIn standIn,
      StandInClients deployer,
      IamAccount iam,
      GitSyncResources gitSync,
      Set<String> failingLogicalIds) {
    this.standIn = standIn;
    this.iam = iam;
    this.connectivity = new NativeConnectivity(deployer);
    this.codeBuild = new CodeBuildProjects(standIn);
    this.gitSync = gitSync;
    this.failing = failingLogicalIds;
  }

  Deployed create(String logicalId, Map<String, Object> definition, Map<String, Object> props) {
    String type = Templates.type(definition);
    failIfScripted(logicalId, type, null);
    Map<String, Object> attributes = new LinkedHashMap<>();
    String physicalId =
        switch (type) {
          case "AWS::EC2::VPC" -> {
            String id = hexId("vpc-");
            attributes.put("VpcId", id);
            attributes.put("CidrBlock", props.get("CidrBlock"));
            attributes.put("DefaultSecurityGroup", hexId("sg-"));
            attributes.put("DefaultNetworkAcl", hexId("acl-"));
            yield id;
          }
          case "AWS::EC2::Subnet" -> {
            String id = hexId("subnet-");
            attributes.put("SubnetId", id);
            attributes.put("AvailabilityZone", props.get("AvailabilityZone"));
            attributes.put("VpcId", props.get("VpcId"));
            yield id;
          }
          case "AWS::EC2::SecurityGroup" -> {
            String id = hexId("sg-");
            attributes.put("GroupId", id);
            attributes.put("VpcId", props.get("VpcId"));
            yield id;
          }
          case "AWS::IAM::Role" -> {
            String name = name(logicalId, 64);
            attributes.put("Arn", IamAccount.roleArn(name));
            attributes.put("RoleId", hexId("AROA").toUpperCase(Locale.ROOT));
            iam.putRole(name, props.get("Policies"));
            yield name;
          }
          case "AWS::IAM::Policy" -> {
            iam.putPolicy(logicalId, props.get("Roles"), props.get("PolicyDocument"));
            yield name(logicalId, 128);
          }
          case "AWS::IAM::RolePolicy" -> {
            // Its primary identifier is PolicyName and RoleName (registry schema): an old and a new
            // one exist side by side while it is replaced.
            String id = props.get("PolicyName") + "|" + props.get("RoleName");
            iam.putPolicy(id, List.of(props.get("RoleName")), props.get("PolicyDocument"));
            yield id;
          }
          case "AWS::Lambda::Function" -> {
            String name = name(logicalId, 64);
            attributes.put(
                "Arn", "arn:aws:lambda:us-east-1:" + Intrinsics.ACCOUNT + ":function:" + name);
            yield name;
          }
          case "AWS::StepFunctions::StateMachine" -> {
            String arn =
                "arn:aws:states:us-east-1:"
                    + Intrinsics.ACCOUNT
                    + ":stateMachine:"
                    + name(logicalId, 80);
            attributes.put("Arn", arn);
            yield arn;
          }
          case "AWS::CodeStarConnections::Connection", "AWS::CodeConnections::Connection" -> {
            String arn = connectivity.createConnection(type, props);
            attributes.putAll(connectivity.connectionAttributes(type, arn));
            yield arn;
          }
          case "AWS::CodeConnections::Host" -> {
            String arn = connectivity.createHost(props);
            attributes.put("HostArn", arn);
            yield arn;
          }
          case "AWS::CodeBuild::Project" -> {
            codeBuild.create(logicalId, props);
            yield name(logicalId, 64);
          }
          case "AWS::CodeBuild::SourceCredential" -> {
            codeBuild.putCredential(props);
            yield "arn:aws:codebuild:us-east-1:" + Intrinsics.ACCOUNT + ":token/" + hexId("");
          }
          case GitSyncResources.LINK, GitSyncResources.SYNC ->
              gitSync.create(type, props, attributes);
          default -> name(logicalId, 64);
        };
    return new Deployed(logicalId, definition, physicalId, props, attributes);
  }

  /** An in-place update: the physical id stays. */
  void update(Deployed current, Map<String, Object> props) {
    failIfScripted(current.logicalId, current.type(), current.physicalId);
    switch (current.type()) {
      case "AWS::IAM::Role" -> iam.putRole(current.physicalId, props.get("Policies"));
      case "AWS::IAM::Policy" ->
          iam.putPolicy(current.logicalId, props.get("Roles"), props.get("PolicyDocument"));
      case "AWS::IAM::RolePolicy" ->
          iam.putPolicy(
              current.physicalId, List.of(props.get("RoleName")), props.get("PolicyDocument"));
      case "AWS::CodeStarConnections::Connection", "AWS::CodeConnections::Connection" ->
          connectivity.retag(current.type(), current.physicalId, current.properties, props);
      case "AWS::CodeConnections::Host" ->
          connectivity.updateHost(current.physicalId, current.properties, props);
      case "AWS::CodeBuild::Project" ->
          codeBuild.update(current.logicalId, current.properties, props);
      case "AWS::CodeBuild::SourceCredential" -> {
        codeBuild.deleteCredential(current.properties);
        codeBuild.putCredential(props);
      }
      case GitSyncResources.LINK, GitSyncResources.SYNC ->
          gitSync.update(current.type(), current.physicalId, props, current.attributes);
      default -> {
        // Nothing the stand-in or the IAM check sees.
      }
    }
    current.properties = props;
  }

  void delete(Deployed d) {
    switch (d.type()) {
      case "AWS::EC2::SecurityGroup" -> {
        // EC2 refuses to delete a group that network interfaces still use (DeleteSecurityGroup,
        // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html:
        // DependencyViolation).
        List<String> users = standIn.hostsUsingSecurityGroup(d.physicalId);
        if (!users.isEmpty()) {
          throw new ResourceFailed(
              d.physicalId,
              "resource "
                  + d.physicalId
                  + " has a dependent object (DependencyViolation): network interfaces of "
                  + users);
        }
      }
      case "AWS::IAM::Role" -> iam.removeRole(d.physicalId);
      case "AWS::IAM::Policy" -> iam.removePolicy(d.logicalId);
      case "AWS::IAM::RolePolicy" -> iam.removePolicy(d.physicalId);
      case "AWS::CodeStarConnections::Connection", "AWS::CodeConnections::Connection" ->
          connectivity.deleteConnection(d.type(), d.physicalId);
      case "AWS::CodeConnections::Host" -> connectivity.deleteHost(d.physicalId);
      case "AWS::CodeBuild::SourceCredential" -> codeBuild.deleteCredential(d.properties);
      case GitSyncResources.LINK, GitSyncResources.SYNC -> gitSync.delete(d.type(), d.physicalId);
      default -> {
        // Nothing to do.
      }
    }
  }

  /** Fn::GetAtt of an attribute the handler did not set: a stable made-up value. */
  Object attribute(Deployed d, String name) {
    return d.attributes.computeIfAbsent(
        name,
        n -> {
          if (!n.equals("Arn")) {
            return d.physicalId + "." + n;
          }
          String[] t = d.type().split("::");
          return switch (d.type()) {
            case "AWS::Logs::LogGroup" ->
                "arn:aws:logs:us-east-1:"
                    + Intrinsics.ACCOUNT
                    + ":log-group:"
                    + d.physicalId
                    + ":*";
            default ->
                "arn:aws:"
                    + t[1].toLowerCase(Locale.ROOT)
                    + ":us-east-1:"
                    + Intrinsics.ACCOUNT
                    + ":"
                    + t[2].toLowerCase(Locale.ROOT)
                    + "/"
                    + d.physicalId;
          };
        });
  }

  private void failIfScripted(String logicalId, String type, String physicalId) {
    if (type.equals(CloudFormationRules.FAILING_TYPE) || failing.contains(logicalId)) {
      throw new ResourceFailed(physicalId, "scripted failure of " + logicalId + " (" + type + ")");
    }
  }

  private String hexId(String prefix) {
    return prefix + String.format("%017x", 0x0abc00000000L + (++sequence));
  }

  /** A name as CloudFormation generates one: stack, logical id and a random-looking suffix. */
  private String name(String logicalId, int max) {
    String base = LifecycleApp.STACK + "-" + logicalId;
    String suffix = "-" + String.format("%012X", 0x5EED00000000L + (++sequence));
    return (base.length() + suffix.length() > max ? base.substring(0, max - suffix.length()) : base)
        + suffix;
  }

  static ResourceFailed failure(String physicalId, AwsServiceException e) {
    return new ResourceFailed(
        physicalId, e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
  }
}
