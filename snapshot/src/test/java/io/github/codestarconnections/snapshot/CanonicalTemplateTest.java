package io.github.codestarconnections.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the canonical form replaces, drops and keeps, on templates written out by hand. */
class CanonicalTemplateTest {
  private static final String SHA_A =
      "2e093563e6f79fff37699ac654e59b63e96496fe55dd25027c94b2a8fb4fbef4";
  private static final String SHA_B =
      "933733a297be82607e58c0b6957b700fe8827d19b7f4674ab002267bd4024994";
  private static final String MD5_A = "0123456789abcdef0123456789abcdef";
  private static final String MD5_B = "fedcba9876543210fedcba9876543210";

  /** A template as the default synthesizer writes one: a function on an asset, and its version. */
  static Map<String, Object> template(String assetHash, String codeHash) {
    String version = "FnCurrentVersion6953C794" + codeHash;
    return map(
        "Parameters",
        map(
            "BootstrapVersion",
            map(
                "Type", "AWS::SSM::Parameter::Value<String>",
                "Default", "/cdk-bootstrap/hnb659fds/version")),
        "Resources",
        map(
            "Fn",
            map(
                "Type",
                "AWS::Lambda::Function",
                "Properties",
                map(
                    "Code",
                    map(
                        "S3Bucket",
                        map("Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"),
                        "S3Key",
                        assetHash + ".zip"),
                    "MemorySize",
                    1024)),
            version,
            map(
                "Type",
                "AWS::Lambda::Version",
                "Properties",
                map("FunctionName", map("Ref", "Fn"))),
            "Alias",
            map(
                "Type",
                "AWS::Lambda::Alias",
                "DependsOn",
                List.of(version),
                "Properties",
                map(
                    "FunctionVersion", map("Fn::GetAtt", List.of(version, "Version")),
                    "Description", map("Fn::Sub", "runs ${" + version + ".Version}")))),
        "Rules",
        map(
            "CheckBootstrapVersion",
            map("Assertions", List.of(map("AssertDescription", "CDK bootstrap stack version 6")))));
  }

  @Test
  void aTemplateThatDiffersOnlyInAssetAndCodeHashesHasOneCanonicalForm() {
    String a = CanonicalTemplate.of(template(SHA_A, MD5_A));
    String b = CanonicalTemplate.of(template(SHA_B, MD5_B));

    assertThat(a).isEqualTo(b);
    assertThat(a)
        .contains("\"S3Key\" : \"<asset-hash>.zip\"")
        .contains("\"FnCurrentVersion6953C794<code-hash>\" : {")
        .contains("\"FnCurrentVersion6953C794<code-hash>\",\n            \"Version\"")
        .contains("\"runs ${FnCurrentVersion6953C794<code-hash>.Version}\"")
        .doesNotContain(SHA_A)
        .doesNotContain(MD5_A);
  }

  @Test
  void theBootstrapVersionCheckIsDroppedWithTheSectionsItLeavesEmpty() {
    String canonical = CanonicalTemplate.of(template(SHA_A, MD5_A));

    assertThat(canonical)
        .doesNotContain("BootstrapVersion")
        .doesNotContain("\"Parameters\"")
        .doesNotContain("\"Rules\"");
  }

  @Test
  void theUsersOwnParametersAndRulesStay() {
    Map<String, Object> t = template(SHA_A, MD5_A);
    section(t, "Parameters").put("Stage", map("Type", "String", "Default", "prod"));
    section(t, "Rules").put("OnlyProd", map("Assertions", List.of()));
    // A parameter of that name that is not the CDK's bootstrap check is the user's.
    Map<String, Object> own = template(SHA_A, MD5_A);
    section(own, "Parameters").put("BootstrapVersion", map("Type", "String", "Default", "6"));

    assertThat(CanonicalTemplate.of(t))
        .contains("\"Stage\" : {")
        .contains("\"OnlyProd\" : {")
        .doesNotContain("CheckBootstrapVersion");
    assertThat(CanonicalTemplate.of(own))
        .contains("\"BootstrapVersion\" : {")
        .contains("\"CheckBootstrapVersion\" : {");
  }

  @Test
  void cdkMetadataAndPathAndAssetMetadataAreDroppedOtherMetadataStays() {
    Map<String, Object> t = template(SHA_A, MD5_A);
    Map<String, Object> resources = section(t, "Resources");
    resources.put(
        "CDKMetadata",
        map(
            "Type",
            "AWS::CDK::Metadata",
            "Condition",
            "CDKMetadataAvailable",
            "Properties",
            map("Analytics", "v2:deflate64:H4sIAAAA"),
            "Metadata",
            map("aws:cdk:path", "S/CDKMetadata/Default")));
    t.put("Conditions", map("CDKMetadataAvailable", map("Fn::Or", List.of())));
    resource(t, "Fn")
        .put(
            "Metadata",
            map(
                "aws:cdk:path",
                "S/Fn/Resource",
                "aws:asset:path",
                "asset." + SHA_A,
                "aws:asset:is-bundled",
                false,
                "aws:asset:property",
                "Code",
                "cdk_nag",
                map("rules_to_suppress", List.of(map("id", "AwsSolutions-L1")))));
    resource(t, "Alias").put("Metadata", map("aws:cdk:path", "S/Alias/Resource"));

    String canonical = CanonicalTemplate.of(t);

    assertThat(canonical)
        .doesNotContain("CDKMetadata")
        .doesNotContain("AWS::CDK::Metadata")
        .doesNotContain("\"Conditions\"")
        .doesNotContain("aws:cdk:path")
        .doesNotContain("aws:asset:")
        .contains("\"cdk_nag\" : {")
        .contains("\"AwsSolutions-L1\"");
    assertThat(canonical.split("\"Metadata\"", -1)).as("only Fn keeps a Metadata").hasSize(2);
  }

  @Test
  void aConditionTheMetadataResourceSharesWithAnotherResourceStays() {
    Map<String, Object> t = template(SHA_A, MD5_A);
    section(t, "Resources")
        .put("CDKMetadata", map("Type", "AWS::CDK::Metadata", "Condition", "InEu"));
    resource(t, "Fn").put("Condition", "InEu");
    t.put("Conditions", map("InEu", map("Fn::Equals", List.of("a", "b"))));

    assertThat(CanonicalTemplate.of(t)).contains("\"Conditions\" : {\n    \"InEu\"");
  }

  @Test
  void legacySynthesizerAssetParametersKeepTheirKindButNotTheirHashes() {
    Map<String, Object> a = legacyTemplate(SHA_A, "E109EC17");
    Map<String, Object> b = legacyTemplate(SHA_B, "0D5C2A11");

    assertThat(CanonicalTemplate.of(a))
        .isEqualTo(CanonicalTemplate.of(b))
        .contains("\"AssetParameters<asset-hash>S3Bucket<id-hash>\" : {")
        .contains("\"Ref\" : \"AssetParameters<asset-hash>S3Bucket<id-hash>\"");
  }

  private static Map<String, Object> legacyTemplate(String hash, String idHash) {
    String bucket = "AssetParameters" + hash + "S3Bucket" + idHash;
    return map(
        "Parameters",
        map(bucket, map("Type", "String", "Description", "S3 bucket for asset \"" + hash + "\"")),
        "Resources",
        map(
            "Fn",
            map(
                "Type",
                "AWS::Lambda::Function",
                "Properties",
                map("Code", map("S3Bucket", map("Ref", bucket))))));
  }

  @Test
  void keysThatOnlyDifferInAReplacedHashStayApart() {
    Map<String, Object> t =
        map(
            "Parameters",
            map(
                "AssetParameters" + SHA_A + "S3BucketE109EC17", map("Type", "String", "N", 2),
                "AssetParameters" + SHA_B + "S3Bucket0D5C2A11", map("Type", "String", "N", 1)));

    String canonical = CanonicalTemplate.of(t);

    assertThat(canonical)
        .contains("\"AssetParameters<asset-hash>S3Bucket<id-hash>\" : {\n      \"N\" : 1,")
        .contains("\"AssetParameters<asset-hash>S3Bucket<id-hash> (2)\" : {\n      \"N\" : 2,");
  }

  @Test
  void onlyRunsOfExactlySixtyFourLowercaseHexDigitsAreTakenForHashes() {
    String upper = SHA_A.toUpperCase();
    String sha512 = SHA_A + SHA_B;
    String short63 = SHA_A.substring(1);
    Map<String, Object> t =
        map(
            "Outputs",
            map(
                "Upper", map("Value", upper),
                "Sha512", map("Value", sha512),
                "Short", map("Value", short63),
                "Image", map("Value", "123.dkr.ecr.eu-west-1.amazonaws.com/repo:" + SHA_A),
                "Url", map("Value", "https://s3/bucket/" + SHA_B + ".json")));

    String canonical = CanonicalTemplate.of(t);

    assertThat(canonical)
        .contains(upper, sha512, short63)
        .contains("/repo:<asset-hash>\"", "/bucket/<asset-hash>.json\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyChangeOfMeaningChangesTheCanonicalForm() {
    String base = CanonicalTemplate.of(template(SHA_A, MD5_A));
    Map<String, Object> memory = template(SHA_A, MD5_A);
    ((Map<String, Object>) resource(memory, "Fn").get("Properties")).put("MemorySize", 2048);
    Map<String, Object> order = template(SHA_A, MD5_A);
    resource(order, "Alias").put("DependsOn", List.of("Fn", "FnCurrentVersion6953C794" + MD5_A));
    Map<String, Object> renamed = template(SHA_A, MD5_A);
    section(renamed, "Resources").put("Fn2", section(renamed, "Resources").remove("Fn"));
    Map<String, Object> type = template(SHA_A, MD5_A);
    resource(type, "Fn").put("Type", "AWS::Serverless::Function");

    assertThat(List.of(memory, order, renamed, type))
        .allSatisfy(t -> assertThat(CanonicalTemplate.of(t)).isNotEqualTo(base));
  }

  @Test
  void theGivenTemplateIsNotChanged() {
    Map<String, Object> t = template(SHA_A, MD5_A);
    String before = t.toString();

    CanonicalTemplate.of(t);

    assertThat(t).hasToString(before);
  }

  @Test
  @SuppressWarnings("unchecked")
  void somethingThatIsNotJsonIsRefusedNamingWhereItIs() {
    Map<String, Object> t = template(SHA_A, MD5_A);
    ((Map<String, Object>) resource(t, "Fn").get("Properties"))
        .put("Timeout", java.time.Duration.ofSeconds(3));
    Map<String, Object> nan = map("Outputs", map("X", map("Value", List.of(1, Double.NaN))));

    assertThatThrownBy(() -> CanonicalTemplate.of(t))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Resources/Fn/Properties/Timeout'")
        .hasMessageContaining("java.time.Duration");
    assertThatThrownBy(() -> CanonicalTemplate.of(nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Outputs/X/Value/1' is NaN");
  }

  /** An ordered, mutable map of alternating keys and values. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof List<?> l ? new ArrayList<>(l) : v);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(Map<String, Object> t, String name) {
    return (Map<String, Object>) t.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> resource(Map<String, Object> t, String id) {
    return (Map<String, Object>) section(t, "Resources").get(id);
  }
}
