package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostChangeTest {
  private static final VpcSpec VPC =
      new VpcSpec(
          "vpc-0123abcd",
          List.of("subnet-0123abcd", "subnet-4567abcd"),
          List.of("sg-0123abcd"),
          "CERT");

  private static HostSpec spec(
      String name, String type, String endpoint, VpcSpec vpc, Map<String, String> tags) {
    return new HostSpec(name, type, endpoint, vpc, tags);
  }

  @Test
  void nameOrTypeChangeReplaces() {
    HostSpec old = spec("a", "GitHubEnterpriseServer", "https://x", null, Map.of());
    assertThat(
            HostChange.between(
                    old, spec("b", "GitHubEnterpriseServer", "https://x", null, Map.of()))
                .kind())
        .isEqualTo(HostChange.Kind.REPLACE);
    assertThat(
            HostChange.between(old, spec("a", "GitLabSelfManaged", "https://x", null, Map.of()))
                .kind())
        .isEqualTo(HostChange.Kind.REPLACE);
  }

  @Test
  void removingTheVpcReplacesBecauseUpdateHostCannot() {
    HostSpec old = spec("a", "GitHubEnterpriseServer", "https://x", VPC, Map.of());
    assertThat(
            HostChange.between(
                    old, spec("a", "GitHubEnterpriseServer", "https://x", null, Map.of()))
                .kind())
        .isEqualTo(HostChange.Kind.REPLACE);
  }

  @Test
  void endpointAndVpcChangesUpdateInPlaceWithOnlyWhatChanged() {
    HostSpec old = spec("a", "GitHubEnterpriseServer", "https://x", VPC, Map.of());
    HostChange endpoint =
        HostChange.between(old, spec("a", "GitHubEnterpriseServer", "https://y", VPC, Map.of()));
    assertThat(endpoint.kind()).isEqualTo(HostChange.Kind.UPDATE_IN_PLACE);
    assertThat(endpoint.providerEndpoint()).isEqualTo("https://y");
    assertThat(endpoint.vpc()).isNull();
    VpcSpec newCert = new VpcSpec(VPC.vpcId(), VPC.subnetIds(), VPC.securityGroupIds(), "OTHER");
    HostChange cert =
        HostChange.between(
            old, spec("a", "GitHubEnterpriseServer", "https://x", newCert, Map.of()));
    assertThat(cert.kind()).isEqualTo(HostChange.Kind.UPDATE_IN_PLACE);
    assertThat(cert.providerEndpoint()).isNull();
    assertThat(cert.vpc()).isEqualTo(newCert);
  }

  @Test
  void reorderedIdsAreNoChange() {
    HostSpec old = spec("a", "GitHubEnterpriseServer", "https://x", VPC, Map.of());
    VpcSpec reordered =
        new VpcSpec(
            "vpc-0123abcd",
            List.of("subnet-4567abcd", "subnet-0123abcd"),
            List.of("sg-0123abcd"),
            "CERT");
    assertThat(
            HostChange.between(
                    old, spec("a", "GitHubEnterpriseServer", "https://x", reordered, Map.of()))
                .kind())
        .isEqualTo(HostChange.Kind.NONE);
  }

  @Test
  void tagDiffIgnoresTheMarker() {
    HostSpec old =
        spec(
            "a",
            "GitHub",
            "https://x",
            null,
            Map.of("keep", "1", "change", "1", "drop", "1", MarkerTag.KEY, "r1"));
    HostSpec wanted =
        spec("a", "GitHub", "https://x", null, Map.of("keep", "1", "change", "2", "add", "3"));
    HostChange c = HostChange.between(old, wanted);
    assertThat(c.kind()).isEqualTo(HostChange.Kind.NONE);
    assertThat(c.tagsToSet()).isEqualTo(Map.of("change", "2", "add", "3"));
    assertThat(c.tagsToRemove()).containsExactly("drop");
  }

  @Test
  void vpcToStringHidesTheCertificate() {
    assertThat(VPC.toString()).doesNotContain("CERT").contains("(redacted)");
  }
}
