package io.github.codestarconnections.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tags this handler puts on hosts while an outcome is unsettled, all under the prefix {@value
 * #PREFIX}, and the proof each one carries of who wrote it.
 *
 * <ul>
 *   <li>{@value #KEY}: on a host a Create (or replacing Update) made, from CreateHost until the
 *       isComplete of that request finds it ready. A retried delivery of the request adopts the
 *       host carrying its marker instead of making a second one; the rollback of a replacement that
 *       failed part-way deletes the hosts this resource made that never settled.
 *   <li>{@value #REPLACED_BY}: on the host a replacement replaces, before CreateHost, until
 *       CloudFormation deletes it or the rollback of the replacement takes it back (that rollback's
 *       isComplete removes it).
 *   <li>{@value #VPC_ADDED}: on a host to which an Update gives with UpdateHost a VPC its old
 *       properties lacked, before UpdateHost, until a later request of the resource settles on it:
 *       UpdateHost cannot remove a VPC, so the rollback of the addition is told from a deliberate
 *       removal by it, and keeps the VPC. (CloudFormation does not tell a resource that its stack's
 *       update is over, so after an addition that is not rolled back the marker stays until the
 *       resource's next Update.)
 * </ul>
 *
 * <p>A value is {@code <logical id>/<request>/<proof>}: the resource's LogicalResourceId (only
 * letters and digits, at most {@value #LABEL_LENGTH} characters, for a person reading the tag), the
 * RequestId that wrote it, and 32 hex digits of a SHA-256 over the key, the StackId, the whole
 * LogicalResourceId, the request and, for {@value #VPC_ADDED}, the host's name, type and endpoint
 * before the VPC was added. The handler trusts a marker only when the whole value is the one this
 * resource of this stack would write ({@link #writtenBy}), so a host another stack (or an earlier
 * version) marked is never adopted, taken back or deleted. At most 162 characters, within the
 * models' 256 for a tag value.
 *
 * <p>Earlier versions wrote other values, which carry no proof and are never trusted: {@value #KEY}
 * = the bare RequestId (kept for good on hosts made from 8d94425 up to 99cd170, and on hosts whose
 * create never settled since), {@value #REPLACED_BY} = the bare LogicalResourceId, {@value
 * #VPC_ADDED} = 32 hex digits over name, type and endpoint. None of them can belong to an operation
 * in progress (a stack's host operations and their rollback run the handler that stack update
 * deployed), so they are removed from a host the resource owns when a request settles on it, and
 * left alone elsewhere. The one exception is the bare RequestId of a placeholder's request ({@link
 * #madeBy}), which names that request exactly.
 *
 * <p>User tags may not use these keys.
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

  /** The most of the logical id a value shows. */
  static final int LABEL_LENGTH = 64;

  /** A RequestId as CloudFormation writes them (UUIDs) is shown as it is; others by digest. */
  private static final Pattern PLAIN_REQUEST = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private MarkerTag() {}

  /**
   * Who writes a marker: one resource of one stack, in one request.
   *
   * @param stackId the event's StackId (the stack's ARN, unique to one stack's life)
   * @param logicalId the event's LogicalResourceId
   * @param requestId the event's RequestId
   */
  public record Writer(String stackId, String logicalId, String requestId) {
    /**
     * The writer of an event.
     *
     * @param e the event
     * @return its stack, resource and request
     */
    public static Writer of(HostEvent e) {
      return new Writer(e.stackId(), e.logicalResourceId(), e.requestId());
    }
  }

  /**
   * The value of a marker.
   *
   * @param key {@link #KEY}, {@link #REPLACED_BY} or {@link #VPC_ADDED}
   * @param writer the resource and request writing it
   * @param before for {@link #VPC_ADDED}, the host's properties before the addition; else null
   * @return the value
   */
  public static String value(String key, Writer writer, HostSpec before) {
    return valueOf(key, writer.stackId(), writer.logicalId(), token(writer.requestId()), before);
  }

  /**
   * The request that wrote a marker value, if this resource of this stack wrote it: the whole value
   * is recomputed from the stack, the logical id, the request the value names and {@code before},
   * and must be equal.
   *
   * @param key the marker's key
   * @param value the tag's value, may be null
   * @param stackId this resource's StackId
   * @param logicalId this resource's LogicalResourceId
   * @param before for {@link #VPC_ADDED}, the properties the host had before the addition; else
   *     null
   * @return the request as the value names it ({@link #sameRequest} compares it with a RequestId)
   */
  public static Optional<String> writtenBy(
      String key, String value, String stackId, String logicalId, HostSpec before) {
    if (value == null || stackId == null || logicalId == null) {
      return Optional.empty();
    }
    String[] parts = value.split("/", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    return value.equals(valueOf(key, stackId, logicalId, parts[1], before))
        ? Optional.of(parts[1])
        : Optional.empty();
  }

  /**
   * Whether a request a value names ({@link #writtenBy}) is a given RequestId.
   *
   * @param named the request the value names
   * @param requestId a RequestId
   * @return true when they are the same request
   */
  public static boolean sameRequest(String named, String requestId) {
    return requestId != null && named.equals(token(requestId));
  }

  /**
   * Whether a create marker value says that this very request of this resource made the host: the
   * value this version writes, or the bare RequestId earlier versions wrote (a RequestId is one
   * CloudFormation request of one resource).
   *
   * @param value the {@link #KEY} tag's value, may be null
   * @param writer this resource and request
   * @return true when the request made the host
   */
  public static boolean madeBy(String value, Writer writer) {
    if (value == null) {
      return false;
    }
    return value.equals(writer.requestId())
        || writtenBy(KEY, value, writer.stackId(), writer.logicalId(), null)
            .filter(r -> sameRequest(r, writer.requestId()))
            .isPresent();
  }

  private static String valueOf(
      String key, String stackId, String logicalId, String token, HostSpec before) {
    String subject =
        before == null
            ? ""
            : before.name() + "\n" + before.providerType() + "\n" + before.providerEndpoint();
    String proof =
        sha256(key + "\n" + stackId + "\n" + logicalId + "\n" + token + "\n" + subject, 16);
    return label(logicalId) + "/" + token + "/" + proof;
  }

  /** The request as a value names it: the RequestId, or its digest when it is unusual. */
  private static String token(String requestId) {
    String id = String.valueOf(requestId);
    return PLAIN_REQUEST.matcher(id).matches() ? id : "sha256-" + sha256(id, 16);
  }

  /** The logical id as a person reads it on the tag (the proof covers the whole of it). */
  private static String label(String logicalId) {
    String plain = logicalId.replaceAll("[^A-Za-z0-9]", "_");
    return plain.length() <= LABEL_LENGTH ? plain : plain.substring(0, LABEL_LENGTH);
  }

  private static String sha256(String text, int bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
  }
}
