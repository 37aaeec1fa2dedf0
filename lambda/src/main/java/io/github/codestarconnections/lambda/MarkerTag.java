package io.github.codestarconnections.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The tags this handler puts on hosts for a while, all under the prefix {@value #PREFIX}. None
 * stays on a host once what it marks is over, so a host ends with exactly the user's tags.
 *
 * <ul>
 *   <li>{@value #KEY} = the CloudFormation RequestId of the Create (or replacing Update) that made
 *       the host, until the create is settled (isComplete removes it when the host is ready). It
 *       makes creation idempotent: before CreateHost the handler looks for a host of its own
 *       namespace with the same name, provider type and endpoint carrying this RequestId, and
 *       adopts it instead of making a second host; a host without it is never adopted.
 *   <li>{@value #REPLACED_BY} = the resource's LogicalResourceId, on the host a replacement
 *       replaces, until CloudFormation deletes it: the rollback of a completed replacement finds
 *       the original by it instead of making another host with the old name.
 *   <li>{@value #VPC_ADDED} = a digest of the host's configuration before a VPC was added to it in
 *       place, until the next Update: UpdateHost cannot remove a VPC, so the rollback of that
 *       addition is recognised by it and keeps the VPC rather than failing.
 * </ul>
 *
 * User tags may not use these keys.
 */
public final class MarkerTag {
  /** The prefix of every key the handler uses. */
  public static final String PREFIX = "codestarconnections-cdk:";

  /** The create marker's key. */
  public static final String KEY = PREFIX + "request";

  /** The replaced host's marker key. */
  public static final String REPLACED_BY = PREFIX + "replaced-by";

  /** The in-place VPC addition's marker key. */
  public static final String VPC_ADDED = PREFIX + "vpc-added";

  /** Every marker key. */
  public static final List<String> KEYS = List.of(KEY, REPLACED_BY, VPC_ADDED);

  private MarkerTag() {}

  /**
   * What {@value #VPC_ADDED} records of a host's configuration without a VPC.
   *
   * @param spec the configuration
   * @return 32 hex digits of a SHA-256 over name, provider type and endpoint
   */
  public static String digest(HostSpec spec) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (spec.name() + "\n" + spec.providerType() + "\n" + spec.providerEndpoint())
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
