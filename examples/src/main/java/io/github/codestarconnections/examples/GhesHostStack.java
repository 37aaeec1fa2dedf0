package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.Host;
import io.github.codestarconnections.HostProviderSettings;
import io.github.codestarconnections.ProviderType;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * A GitHub Enterprise Server reachable only inside a VPC: a host in that VPC (with the private CA's
 * certificate) and a connection on the host. After deploy, set the host up in the console, then
 * finish the connection's handshake.
 */
public class GhesHostStack extends Stack {
  /** The private CA certificate of the example's GitHub Enterprise Server (illustrative). */
  static final String PRIVATE_CA =
      "-----BEGIN CERTIFICATE-----\n"
          + "MIIBszCCAVmgAwIBAgIUExampleExampleExampleExampleExampleMAoGCCqGSM49\n"
          + "-----END CERTIFICATE-----\n";

  /**
   * The VPC the example's GitHub Enterprise Server lives in: two isolated subnets, no NAT.
   *
   * @param stack the stack
   * @return the VPC
   */
  static Vpc isolatedVpc(Construct stack) {
    return Vpc.Builder.create(stack, "Vpc")
        .maxAzs(2)
        .natGateways(0)
        .subnetConfiguration(
            java.util.List.of(
                SubnetConfiguration.builder()
                    .name("Isolated")
                    .subnetType(SubnetType.PRIVATE_ISOLATED)
                    .cidrMask(24)
                    .build()))
        .build();
  }

  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public GhesHostStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("GitHub Enterprise Server host in a VPC, and a connection on it")
            .build());

    Vpc vpc = isolatedVpc(this);

    // Before the stack's first Host, which builds the provider: a VPC host takes minutes to set up
    // its network, so poll from every 20 s for up to 40 min; and start the provider's Java
    // functions from a SnapStart snapshot instead of a cold JVM.
    HostProviderSettings.Builder.create(this)
        .queryInterval(Duration.seconds(20))
        .totalTimeout(Duration.minutes(40))
        .snapStart(true)
        .build();

    Host ghes =
        Host.Builder.create(this, "Ghes")
            .hostName("examples-ghes")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            .providerEndpoint("https://github.example.internal")
            .vpc(vpc)
            .tlsCertificate(PRIVATE_CA)
            .tags(Map.of("team", "platform"))
            .build();

    Connection.Builder.create(this, "GhesConnection")
        .connectionName("examples-ghes")
        .host(ghes)
        .build();

    CfnOutput.Builder.create(this, "HostArn")
        .description(
            "Set this host up in the console (Settings, Hosts) before using the connection")
        .value(ghes.getHostArn())
        .build();
  }
}
