package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The markers' proof of who wrote them, which markers a settled request removes, and properties
 * read as an earlier version recorded them.
 */
class MarkerTagTest {
  private static final String STACK =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/HostStack/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f";
  private static final String OTHER_STACK =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/HostStack/99999999-0000-11f0-9000-0a1b2c3d4e5f";
  private static final String REQUEST = "5d478078-13e9-baf0-464a-7ef285ecc786";
  private static final MarkerTag.Writer WRITER =
      new MarkerTag.Writer(STACK, "Ghes1A2B3C4D", REQUEST);
  private static final HostSpec BEFORE =
      new HostSpec("h", "GitHubEnterpriseServer", "https://x", null, Map.of("t", "1"));

  @Test
  void aValueShowsTheResourceAndRequestAndIsProvedOnItsWholeValue() {
    String value = MarkerTag.value(MarkerTag.KEY, WRITER, null);
    assertThat(value).matches("Ghes1A2B3C4D/" + REQUEST + "/[0-9a-f]{32}");
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, value, STACK, "Ghes1A2B3C4D", null))
        .hasValueSatisfying(r -> assertThat(MarkerTag.sameRequest(r, REQUEST)).isTrue());
    // Another stack's resource with the same logical id (a retained host of an earlier stack).
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, value, OTHER_STACK, "Ghes1A2B3C4D", null))
        .isEmpty();
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, value, STACK, "Other1A2B3C4D", null)).isEmpty();
    // The same value under another key proves nothing.
    assertThat(MarkerTag.writtenBy(MarkerTag.REPLACED_BY, value, STACK, "Ghes1A2B3C4D", null))
        .isEmpty();
    // Another request named with the same proof: the proof covers the request.
    String forged = value.replace(REQUEST, "00000000-0000-0000-0000-000000000000");
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, forged, STACK, "Ghes1A2B3C4D", null)).isEmpty();
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, null, STACK, "Ghes1A2B3C4D", null)).isEmpty();
  }

  @Test
  void aLongLogicalIdIsShownInPartButProvedWhole() {
    String longId = "A".repeat(200);
    String value = MarkerTag.value(MarkerTag.KEY, new MarkerTag.Writer(STACK, longId, "r"), null);
    String sameStart = "A".repeat(199) + "B";
    assertThat(value).startsWith("A".repeat(MarkerTag.LABEL_LENGTH) + "/r/");
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, value, STACK, longId, null)).isPresent();
    assertThat(MarkerTag.writtenBy(MarkerTag.KEY, value, STACK, sameStart, null)).isEmpty();
  }

  @Test
  void theLongestValueFitsTheModelsTagValue() {
    String stack =
        "arn:aws-iso-b:cloudformation:us-isob-east-1:123456789012:stack/"
            + "s".repeat(128)
            + "/4c1f7a00-0000-11f0-9000-0a1b2c3d4e5f";
    MarkerTag.Writer longest = new MarkerTag.Writer(stack, "L".repeat(255), "r".repeat(256));
    for (String key : MarkerTag.KEYS) {
      String value = MarkerTag.value(key, longest, BEFORE);
      // TagValue: 0 to 256 characters (both service models).
      assertThat(value.length()).isLessThanOrEqualTo(256);
      assertThat(MarkerTag.writtenBy(key, value, stack, "L".repeat(255), BEFORE))
          .hasValueSatisfying(r -> assertThat(MarkerTag.sameRequest(r, "r".repeat(256))).isTrue());
    }
  }

  @Test
  void aVpcAdditionIsProvedOnlyForTheHostAsItWasBefore() {
    String value = MarkerTag.value(MarkerTag.VPC_ADDED, WRITER, BEFORE);
    HostSpec sameWithOtherTags =
        new HostSpec("h", "GitHubEnterpriseServer", "https://x", null, Map.of());
    HostSpec otherEndpoint =
        new HostSpec("h", "GitHubEnterpriseServer", "https://y", null, Map.of());
    assertThat(
            MarkerTag.writtenBy(
                MarkerTag.VPC_ADDED, value, STACK, "Ghes1A2B3C4D", sameWithOtherTags))
        .isPresent();
    assertThat(
            MarkerTag.writtenBy(MarkerTag.VPC_ADDED, value, STACK, "Ghes1A2B3C4D", otherEndpoint))
        .isEmpty();
  }

  /** What earlier versions wrote carries no proof, and is trusted only as a placeholder's id. */
  @Test
  void earlierVersionsValuesProveNothingButTheirOwnRequest() {
    for (String legacy : List.of(REQUEST, "Ghes1A2B3C4D", "0123456789abcdef0123456789abcdef", "")) {
      for (String key : MarkerTag.KEYS) {
        assertThat(MarkerTag.writtenBy(key, legacy, STACK, "Ghes1A2B3C4D", BEFORE)).isEmpty();
      }
    }
    assertThat(MarkerTag.madeBy(REQUEST, WRITER)).isTrue();
    assertThat(MarkerTag.madeBy(MarkerTag.value(MarkerTag.KEY, WRITER, null), WRITER)).isTrue();
    MarkerTag.Writer other = new MarkerTag.Writer(STACK, "Ghes1A2B3C4D", "another");
    assertThat(MarkerTag.madeBy(MarkerTag.value(MarkerTag.KEY, other, null), WRITER)).isFalse();
    assertThat(MarkerTag.madeBy("another", WRITER)).isFalse();
    assertThat(MarkerTag.madeBy(null, WRITER)).isFalse();
  }

  /** A settled request takes every marker off its host but the VPC addition it made itself. */
  @Test
  void aSettledRequestKeepsOnlyItsOwnVpcAddition() {
    HostSpec withVpc =
        new HostSpec(
            "h",
            "GitHubEnterpriseServer",
            "https://x",
            new VpcSpec("vpc-0123abcd", List.of("subnet-0123abcd"), List.of("sg-0123abcd"), null),
            Map.of());
    HostEvent addition =
        new HostEvent(RequestType.UPDATE, REQUEST, STACK, "Ghes1A2B3C4D", "arn", withVpc, BEFORE);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", "ci");
    tags.put(MarkerTag.KEY, "an-old-request");
    tags.put(MarkerTag.REPLACED_BY, "Ghes1A2B3C4D");
    tags.put(MarkerTag.VPC_ADDED, MarkerTag.value(MarkerTag.VPC_ADDED, WRITER, BEFORE));
    assertThat(MarkerSettlement.toRemove(tags, addition))
        .containsExactly(MarkerTag.KEY, MarkerTag.REPLACED_BY);
    HostEvent rollback =
        new HostEvent(
            RequestType.UPDATE, "rollback", STACK, "Ghes1A2B3C4D", "arn", BEFORE, withVpc);
    assertThat(MarkerSettlement.toRemove(tags, rollback)).containsExactlyElementsOf(MarkerTag.KEYS);
    // An earlier version's digest is removed by whichever request settles next.
    tags.put(MarkerTag.VPC_ADDED, "0123456789abcdef0123456789abcdef");
    assertThat(MarkerSettlement.toRemove(tags, addition)).contains(MarkerTag.VPC_ADDED);
    assertThat(MarkerSettlement.toRemove(Map.of("team", "ci"), addition)).isEmpty();
  }

  /**
   * OldResourceProperties are read as recorded, never held to today's limits: more tags than today
   * takes (an earlier version took 199), marker keys as user tags (the first version reserved only
   * one), forms no version wrote skipped.
   */
  @Test
  void oldPropertiesAreReadNotHeldToTodaysLimits() {
    Map<String, Object> old = properties("h", 150);
    @SuppressWarnings("unchecked") // properties() builds Tags as a List<Object>
    List<Object> tags = (List<Object>) old.get("Tags");
    tags.add(Map.of("Key", MarkerTag.VPC_ADDED, "Value", "mine"));
    tags.add("not a tag");
    old.put("Unknown", "a property a later version may add");
    Map<String, Object> vpc = new LinkedHashMap<>();
    vpc.put("VpcId", "vpc-0123abcd");
    vpc.put("SubnetIds", List.of("subnet-0123abcd", 7));
    vpc.put("SecurityGroupIds", "sg-0123abcd");
    old.put("VpcConfiguration", vpc);
    Map<String, Object> event = update(properties("h", 47), old);
    HostEvent e = HostEventParser.parse(event);
    assertThat(e.oldProperties().tags()).hasSize(151).containsEntry(MarkerTag.VPC_ADDED, "mine");
    assertThat(e.oldProperties().vpc().subnetIds()).containsExactly("subnet-0123abcd");
    assertThat(e.oldProperties().vpc().securityGroupIds()).isEmpty();
    Map<String, Object> noName = properties("h", 0);
    noName.remove("Name");
    assertThat(HostEventParser.parse(update(properties("h", 0), noName)).oldProperties().name())
        .isNull();
  }

  /**
   * An Update's ResourceProperties may be CloudFormation's rollback to what an earlier version
   * took: up to 199 tags; a Create is held to today's 47.
   */
  @Test
  void anUpdateTakesAsManyTagsAsAnEarlierVersionDidACreateOnlyTodays() {
    HostEventParser.parse(update(properties("h", 199), properties("h", 47)));
    assertThatThrownBy(
            () -> HostEventParser.parse(update(properties("h", 200), properties("h", 1))))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("200 tags; at most 199")
        .hasMessageContaining("earlier version");
    Map<String, Object> create = update(properties("h", HostEventParser.MAX_USER_TAGS + 1), null);
    create.put("RequestType", "Create");
    create.remove("OldResourceProperties");
    create.remove("PhysicalResourceId");
    assertThatThrownBy(() -> HostEventParser.parse(create))
        .isInstanceOf(ResourceFailure.class)
        .hasMessageContaining("at most " + HostEventParser.MAX_USER_TAGS);
  }

  private static Map<String, Object> properties(String name, int tags) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ServiceToken", "arn:aws:lambda:us-east-1:123456789012:function:framework");
    p.put("Name", name);
    p.put("ProviderType", "GitHubEnterpriseServer");
    p.put("ProviderEndpoint", "https://x.example.com");
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < tags; i++) {
      list.add(Map.of("Key", "k" + i, "Value", "v"));
    }
    p.put("Tags", list);
    return p;
  }

  private static Map<String, Object> update(Map<String, Object> wanted, Map<String, Object> old) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("RequestType", "Update");
    e.put("RequestId", REQUEST);
    e.put("StackId", STACK);
    e.put("LogicalResourceId", "Ghes1A2B3C4D");
    e.put("PhysicalResourceId", "arn:aws:codestar-connections:us-east-1:123456789012:host/h-1");
    e.put("ResourceProperties", wanted);
    e.put("OldResourceProperties", old);
    return e;
  }
}
