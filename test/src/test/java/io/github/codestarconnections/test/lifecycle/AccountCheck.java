package io.github.codestarconnections.test.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInConnection;
import io.github.codestarconnections.test.standin.StandInHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario ends with: exactly the hosts and connections the user expects in the account,
 * none leaked, none lost, each with exactly the user's tags (no marker of the handler's).
 */
final class AccountCheck {
  private final CodeStarConnectionsStandIn standIn;
  private final CloudFormation cfn;
  private final List<String> hosts = new ArrayList<>();
  private final List<String> connections = new ArrayList<>();

  private AccountCheck(CodeStarConnectionsStandIn standIn, CloudFormation cfn) {
    this.standIn = standIn;
    this.cfn = cfn;
  }

  static AccountCheck of(CodeStarConnectionsStandIn standIn, CloudFormation cfn) {
    return new AccountCheck(standIn, cfn);
  }

  /** Expects every host and connection of the app, as the app declares them. */
  AccountCheck app(LifecycleApp app) {
    app.hosts().forEach(this::host);
    app.connections().forEach(c -> connection(c, app));
    return this;
  }

  /** Expects a host as declared (its VPC, subnets and groups as the stack made them). */
  AccountCheck host(HostDef h) {
    StringBuilder b = new StringBuilder();
    b.append(h.namespace().getArnService())
        .append(' ')
        .append(h.name())
        .append(' ')
        .append(h.type().getApiName())
        .append(' ')
        .append(h.endpoint());
    if (h.vpc() != null) {
      String vpcPrefix = "Vpc" + h.vpc();
      TreeSet<String> subnets = new TreeSet<>();
      for (int i = 1; i <= (h.firstSubnetOnly() ? 1 : 2); i++) {
        subnets.add(cfn.physicalId(vpcPrefix + "IsolatedSubnet" + i + "Subnet"));
      }
      TreeSet<String> groups = new TreeSet<>();
      if (h.groups() == null) {
        groups.add(cfn.physicalId(h.id() + "SecurityGroup"));
      } else {
        h.groups().forEach(g -> groups.add(cfn.physicalId("Group" + g)));
      }
      b.append(" vpc=")
          .append(cfn.physicalId(vpcPrefix))
          .append(" subnets=")
          .append(subnets)
          .append(" groups=")
          .append(groups)
          .append(" certificate=")
          .append(h.certificate());
    }
    b.append(" tags=").append(new TreeMap<>(h.tags()));
    hosts.add(b.toString());
    return this;
  }

  /** Expects a connection as declared in an app (its host by the app's host name). */
  AccountCheck connection(ConnectionDef c, LifecycleApp app) {
    String hostName = null;
    for (HostDef h : app.hosts()) {
      if (h.id().equals(c.hostId())) {
        hostName = h.name();
      }
    }
    connections.add(
        c.namespace().getArnService()
            + " "
            + c.name()
            + " "
            + (hostName == null ? c.type().getApiName() : "host=" + hostName)
            + " tags="
            + new TreeMap<>(c.tags()));
    return this;
  }

  /** Checks the account once the service has finished what it was doing (see settle). */
  void verify() {
    standIn.settle();
    List<String> actualHosts = new ArrayList<>();
    Map<String, String> hostNames = new TreeMap<>();
    for (StandInHost h : standIn.hosts()) {
      hostNames.put(h.arn(), h.name());
      StringBuilder b = new StringBuilder();
      b.append(h.arn().split(":")[2])
          .append(' ')
          .append(h.name())
          .append(' ')
          .append(h.providerType())
          .append(' ')
          .append(h.providerEndpoint());
      if (h.vpcId() != null) {
        String certificate = null;
        for (Map.Entry<String, String> c : LifecycleApp.CERTIFICATES.entrySet()) {
          if (c.getValue().equals(h.tlsCertificate())) {
            certificate = c.getKey();
          }
        }
        b.append(" vpc=")
            .append(h.vpcId())
            .append(" subnets=")
            .append(new TreeSet<>(h.subnetIds()))
            .append(" groups=")
            .append(new TreeSet<>(h.securityGroupIds()))
            .append(" certificate=")
            .append(certificate);
      }
      b.append(" tags=").append(new TreeMap<>(h.tags()));
      actualHosts.add(b.toString());
    }
    List<String> actualConnections = new ArrayList<>();
    for (StandInConnection c : standIn.connections()) {
      actualConnections.add(
          c.arn().split(":")[2]
              + " "
              + c.name()
              + " "
              + (c.hostArn() == null ? c.providerType() : "host=" + hostNames.get(c.hostArn()))
              + " tags="
              + new TreeMap<>(c.tags()));
    }
    assertThat(actualHosts).as("hosts in the account").containsExactlyInAnyOrderElementsOf(hosts);
    assertThat(actualConnections)
        .as("connections in the account")
        .containsExactlyInAnyOrderElementsOf(connections);
    assertThat(standIn.violations()).as("requests that broke the service model").isEmpty();
  }
}
