package io.github.codestarconnections.lambda;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The host operations of CodeStar Connections / CodeConnections, whichever namespace serves them.
 * The decisions in {@link HostLifecycle} are written once against this; one adapter per SDK
 * implements it. Every method throws {@link HostApiException} when the call fails.
 */
public interface HostApi {

  /**
   * Which namespace this talks to.
   *
   * @return the namespace
   */
  Namespace namespace();

  /**
   * CreateHost, attempted exactly once: the SDK must not retry it, because a retry after a lost
   * response would make a second host. {@link HostLifecycle} retries it after looking for the host
   * its first attempt may have made.
   *
   * @param spec the host
   * @param tags every tag to put on it, marker included
   * @return the new host's ARN
   */
  String createHost(HostSpec spec, Map<String, String> tags);

  /**
   * GetHost.
   *
   * @param arn the host ARN
   * @return the host's state (no status message: GetHost has none)
   */
  HostState getHost(String arn);

  /**
   * ListHosts, every page.
   *
   * @return all hosts of the account and region, with status messages
   */
  List<HostState> listHosts();

  /**
   * UpdateHost.
   *
   * @param arn the host ARN
   * @param providerEndpoint the new endpoint, or null to leave it
   * @param vpc the new VPC configuration, or null to leave it
   */
  void updateHost(String arn, String providerEndpoint, VpcSpec vpc);

  /**
   * DeleteHost.
   *
   * @param arn the host ARN
   */
  void deleteHost(String arn);

  /**
   * TagResource.
   *
   * @param arn the host ARN
   * @param tags tags to add or change
   */
  void tagResource(String arn, Map<String, String> tags);

  /**
   * UntagResource.
   *
   * @param arn the host ARN
   * @param keys tag keys to remove
   */
  void untagResource(String arn, Collection<String> keys);

  /**
   * ListTagsForResource.
   *
   * @param arn the host ARN
   * @return the host's tags
   */
  Map<String, String> listTags(String arn);

  /**
   * ListConnections with HostArnFilter, every page.
   *
   * @param hostArn the host
   * @return the connections that use it, each as "name (ARN)"
   */
  List<String> listConnections(String hostArn);

  /**
   * ListConnections, every page, with the filters the API offers.
   *
   * @param providerTypeFilter the ProviderTypeFilter, or null
   * @param hostArnFilter the HostArnFilter, or null
   * @return the connections the service lists, in its order
   */
  List<ConnectionState> listConnections(String providerTypeFilter, String hostArnFilter);

  /**
   * GetConnection.
   *
   * @param arn the connection ARN
   * @return the connection
   */
  ConnectionState getConnection(String arn);
}
