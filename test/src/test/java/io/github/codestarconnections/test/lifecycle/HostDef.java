package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.HostBackend;
import io.github.codestarconnections.ProviderType;
import io.github.codestarconnections.ServiceNamespace;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;

/**
 * A host as the user declares it.
 *
 * @param id the construct id
 * @param name the host name
 * @param type the provider type
 * @param endpoint the provider endpoint
 * @param vpc null, "A" or "B"
 * @param firstSubnetOnly whether only the VPC's first isolated subnet is selected
 * @param groups null for the group the library makes, else "A1", "A2", "B1"
 * @param certificate null, "A" or "B"
 * @param tags the user's tags
 * @param namespace the API namespace
 * @param removal the removal policy, or null for the library's default
 * @param backend the backend
 */
public record HostDef(
    String id,
    String name,
    ProviderType type,
    String endpoint,
    String vpc,
    boolean firstSubnetOnly,
    List<String> groups,
    String certificate,
    Map<String, String> tags,
    ServiceNamespace namespace,
    RemovalPolicy removal,
    HostBackend backend) {

  /**
   * A GitHub Enterprise Server host without VPC or tags, with the library's default removal policy.
   *
   * @param id the construct id
   * @param name the host name
   * @param endpoint the endpoint
   * @return the host
   */
  public static HostDef ghes(String id, String name, String endpoint) {
    return new HostDef(
        id,
        name,
        ProviderType.GITHUB_ENTERPRISE_SERVER,
        endpoint,
        null,
        false,
        null,
        null,
        Map.of(),
        ServiceNamespace.CODESTAR_CONNECTIONS,
        null,
        HostBackend.CUSTOM_RESOURCE);
  }

  /** With another name. */
  public HostDef named(String n) {
    return new HostDef(
        id,
        n,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        tags,
        namespace,
        removal,
        backend);
  }

  /** With another provider type. */
  public HostDef typed(ProviderType t) {
    return new HostDef(
        id,
        name,
        t,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        tags,
        namespace,
        removal,
        backend);
  }

  /** With another endpoint. */
  public HostDef at(String e) {
    return new HostDef(
        id,
        name,
        type,
        e,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        tags,
        namespace,
        removal,
        backend);
  }

  /** In a VPC ("A" or "B", null for none), every isolated subnet, the library's own group. */
  public HostDef inVpc(String v) {
    return new HostDef(
        id, name, type, endpoint, v, false, null, certificate, tags, namespace, removal, backend);
  }

  /** With only the VPC's first subnet. */
  public HostDef firstSubnet() {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        true,
        groups,
        certificate,
        tags,
        namespace,
        removal,
        backend);
  }

  /** With the stack's groups (A1, A2, B1). */
  public HostDef groups(String... g) {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        List.of(g),
        certificate,
        tags,
        namespace,
        removal,
        backend);
  }

  /** With a certificate ("A" or "B"). */
  public HostDef certificate(String c) {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        c,
        tags,
        namespace,
        removal,
        backend);
  }

  /** With these tags. */
  public HostDef tagged(Map<String, String> t) {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        t,
        namespace,
        removal,
        backend);
  }

  /** In a namespace. */
  public HostDef in(ServiceNamespace n) {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        tags,
        n,
        removal,
        backend);
  }

  /** With a removal policy. */
  public HostDef removal(RemovalPolicy r) {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        tags,
        namespace,
        r,
        backend);
  }

  /** On the native backend ({@code AWS::CodeConnections::Host}, codeconnections namespace). */
  public HostDef nativeBackend() {
    return new HostDef(
        id,
        name,
        type,
        endpoint,
        vpc,
        firstSubnetOnly,
        groups,
        certificate,
        tags,
        ServiceNamespace.CODECONNECTIONS,
        removal,
        HostBackend.NATIVE);
  }
}
