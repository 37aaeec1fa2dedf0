package io.github.codestarconnections.examples;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.Host;
import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ProviderType;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * {@link GhesHostStack} on the other backend: the same GitHub Enterprise Server host in a VPC, made
 * by CloudFormation's own {@code AWS::CodeConnections::Host}, and a connection on it (which takes
 * the host's {@code codeconnections} namespace). The stack holds no Lambda, no provider and no
 * state machine; the deploying role needs the host type's permissions instead (README, "Choosing a
 * backend").
 */
public class GhesNativeHostStack extends Stack {
  /**
   * Defines the stack.
   *
   * @param scope the app
   * @param id the stack id
   */
  public GhesNativeHostStack(Construct scope, String id) {
    super(
        scope,
        id,
        StackProps.builder()
            .description(
                "GitHub Enterprise Server host in a VPC (AWS::CodeConnections::Host), and a"
                    + " connection on it")
            .build());

    Vpc vpc = GhesHostStack.isolatedVpc(this);

    // --- snippet: native-host
    Host ghes =
        Host.Builder.create(this, "Ghes")
            .hostName("examples-ghes-native")
            .providerType(ProviderType.GITHUB_ENTERPRISE_SERVER)
            // Not GhesHost's URL: the service allows one host per URL in an account and region.
            .providerEndpoint("https://github-native.example.internal")
            .vpc(vpc)
            .tlsCertificate(GhesHostStack.PRIVATE_CA)
            .tags(Map.of("team", "platform"))
            .backend(HostBackend.NATIVE) // AWS::CodeConnections::Host: no provider in the stack
            .build();

    Connection.Builder.create(this, "GhesConnection") // codeconnections, as its host
        .connectionName("examples-ghes-native")
        .host(ghes)
        .build();
    // --- end snippet

    CfnOutput.Builder.create(this, "HostArn")
        .description(
            "Set this host up in the console (Settings, Hosts) before using the connection")
        .value(ghes.getHostArn())
        .build();
  }
}
