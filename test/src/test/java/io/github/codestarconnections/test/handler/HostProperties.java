package io.github.codestarconnections.test.handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds ResourceProperties the way CloudFormation delivers them (all scalars strings). */
final class HostProperties {
  static final String TLS_BODY = "MIIBszCCAVmgAwIBAgIUSECRETCERTIFICATEBODYxyz";
  static final String TLS =
      "-----BEGIN CERTIFICATE-----\n" + TLS_BODY + "\n-----END CERTIFICATE-----\n";

  private final Map<String, Object> p = new LinkedHashMap<>();

  static HostProperties host(String name) {
    HostProperties h = new HostProperties();
    h.p.put("Name", name);
    h.p.put("ProviderType", "GitHubEnterpriseServer");
    h.p.put("ProviderEndpoint", "https://ghe.example.com");
    return h;
  }

  HostProperties set(String key, Object value) {
    p.put(key, value);
    return this;
  }

  HostProperties endpoint(String url) {
    return set("ProviderEndpoint", url);
  }

  HostProperties vpc(String vpcId, String subnet, String securityGroup) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("VpcId", vpcId);
    v.put("SubnetIds", List.of(subnet));
    v.put("SecurityGroupIds", List.of(securityGroup));
    v.put("TlsCertificate", TLS);
    return set("VpcConfiguration", v);
  }

  HostProperties tags(String... keyValues) {
    List<Map<String, Object>> tags = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      tags.add(Map.of("Key", keyValues[i], "Value", keyValues[i + 1]));
    }
    return set("Tags", tags);
  }

  Map<String, Object> build() {
    return new LinkedHashMap<>(p);
  }
}
