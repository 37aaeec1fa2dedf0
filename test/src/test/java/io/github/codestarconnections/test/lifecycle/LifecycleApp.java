package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;

/**
 * A CDK app built with the library as a user writes one, described by value so that each version of
 * a scenario's stack is synthesized once per JVM (see {@link #template()}).
 *
 * @param hosts the hosts
 * @param connections the connections
 * @param network whether the stack has two VPCs (A, B) and three security groups (A1, A2 in A; B1
 *     in B) for hosts to use; kept in every version of a scenario so that only hosts change
 * @param breaks whether the stack has a resource of the test-only type {@link
 *     CloudFormationRules#FAILING_TYPE} that fails after every host is deployed (a failing v2)
 */
public record LifecycleApp(
    List<HostDef> hosts, List<ConnectionDef> connections, boolean network, boolean breaks) {
  /** The stack's name. */
  public static final String STACK = "Lifecycle";

  private static final Map<LifecycleApp, Map<String, Object>> TEMPLATES = new ConcurrentHashMap<>();

  /** Two PEM certificates a host can have. */
  static final Map<String, String> CERTIFICATES =
      Map.of(
          "A",
          "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUAAAAlifecycleA\n-----END CERTIFICATE-----\n",
          "B",
          "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUBBBBlifecycleB\n-----END CERTIFICATE-----\n");

  /** Copies the lists. */
  public LifecycleApp {
    hosts = List.copyOf(hosts);
    connections = List.copyOf(connections);
  }

  /**
   * An app with these hosts and connections, without network or breaking resource.
   *
   * @param hosts the hosts
   * @param connections the connections
   * @return the app
   */
  public static LifecycleApp of(List<HostDef> hosts, List<ConnectionDef> connections) {
    return new LifecycleApp(hosts, connections, false, false);
  }

  /**
   * The same app with the network resources.
   *
   * @return the app
   */
  public LifecycleApp withNetwork() {
    return new LifecycleApp(hosts, connections, true, breaks);
  }

  /**
   * The same app with a resource that fails to deploy after every host.
   *
   * @return the failing app
   */
  public LifecycleApp breaking() {
    return new LifecycleApp(hosts, connections, network, true);
  }

  /**
   * The stack's template, synthesized on first use.
   *
   * @return the template (shared: never change it)
   */
  public Map<String, Object> template() {
    return TEMPLATES.computeIfAbsent(this, LifecycleApp::synthesize);
  }

  private static Map<String, Object> synthesize(LifecycleApp spec) {
    App app = new App();
    Stack stack = new Stack(app, STACK);
    Map<String, Vpc> vpcs = new LinkedHashMap<>();
    Map<String, ISecurityGroup> groups = new LinkedHashMap<>();
    if (spec.network) {
      vpcs.put("A", vpc(stack, "VpcA", "10.0.0.0/16"));
      vpcs.put("B", vpc(stack, "VpcB", "10.1.0.0/16"));
      groups.put("A1", group(stack, "GroupA1", vpcs.get("A")));
      groups.put("A2", group(stack, "GroupA2", vpcs.get("A")));
      groups.put("B1", group(stack, "GroupB1", vpcs.get("B")));
    }
    Map<String, Host> made = new LinkedHashMap<>();
    for (HostDef h : spec.hosts) {
      Host.Builder b =
          Host.Builder.create(stack, h.id())
              .hostName(h.name())
              .providerType(h.type())
              .providerEndpoint(h.endpoint())
              .serviceNamespace(h.namespace())
              .removalPolicy(h.removal())
              .backend(h.backend());
      if (!h.tags().isEmpty()) {
        b.tags(h.tags());
      }
      if (h.vpc() != null) {
        Vpc vpc = vpcs.get(h.vpc());
        b.vpc(vpc);
        if (h.firstSubnetOnly()) {
          b.vpcSubnets(
              SubnetSelection.builder().subnets(List.of(vpc.getIsolatedSubnets().get(0))).build());
        }
        if (h.groups() != null) {
          List<ISecurityGroup> chosen = new ArrayList<>();
          h.groups().forEach(g -> chosen.add(groups.get(g)));
          b.securityGroups(chosen);
        }
        if (h.certificate() != null) {
          b.tlsCertificate(CERTIFICATES.get(h.certificate()));
        }
      }
      made.put(h.id(), b.build());
    }
    for (ConnectionDef c : spec.connections) {
      Connection.Builder b =
          Connection.Builder.create(stack, c.id())
              .connectionName(c.name())
              .serviceNamespace(c.namespace())
              .removalPolicy(c.removal())
              .handshakeOutput(false);
      if (c.hostId() != null) {
        b.host(made.get(c.hostId()));
      } else {
        b.providerType(c.type());
      }
      if (!c.tags().isEmpty()) {
        b.tags(c.tags());
      }
      b.build();
    }
    if (spec.breaks) {
      CfnResource breaks =
          CfnResource.Builder.create(stack, "Breaks")
              .type(CloudFormationRules.FAILING_TYPE)
              .build();
      made.values().forEach(h -> breaks.getNode().addDependency(h));
    }
    return Template.fromStack(stack).toJSON();
  }

  private static Vpc vpc(Stack stack, String id, String cidr) {
    return Vpc.Builder.create(stack, id)
        .ipAddresses(IpAddresses.cidr(cidr))
        .maxAzs(2)
        .natGateways(0)
        .subnetConfiguration(
            List.of(
                SubnetConfiguration.builder()
                    .name("Isolated")
                    .subnetType(SubnetType.PRIVATE_ISOLATED)
                    .cidrMask(24)
                    .build()))
        .build();
  }

  private static ISecurityGroup group(Stack stack, String id, Vpc vpc) {
    return SecurityGroup.Builder.create(stack, id)
        .vpc(vpc)
        .description("lifecycle " + id)
        .allowAllOutbound(false)
        .build();
  }
}
