package io.github.codestarconnections.lambda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A {@link HostApi} that remembers which operations it was asked to call, for the log line. */
final class RecordingHostApi implements HostApi {
  private final HostApi delegate;
  private final List<String> calls = new ArrayList<>();

  RecordingHostApi(HostApi delegate) {
    this.delegate = delegate;
  }

  List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public Namespace namespace() {
    return delegate.namespace();
  }

  @Override
  public String createHost(HostSpec spec, Map<String, String> tags) {
    calls.add("CreateHost");
    return delegate.createHost(spec, tags);
  }

  @Override
  public HostState getHost(String arn) {
    calls.add("GetHost");
    return delegate.getHost(arn);
  }

  @Override
  public List<HostState> listHosts() {
    calls.add("ListHosts");
    return delegate.listHosts();
  }

  @Override
  public void updateHost(String arn, String providerEndpoint, VpcSpec vpc) {
    calls.add("UpdateHost");
    delegate.updateHost(arn, providerEndpoint, vpc);
  }

  @Override
  public void deleteHost(String arn) {
    calls.add("DeleteHost");
    delegate.deleteHost(arn);
  }

  @Override
  public void tagResource(String arn, Map<String, String> tags) {
    calls.add("TagResource");
    delegate.tagResource(arn, tags);
  }

  @Override
  public void untagResource(String arn, Collection<String> keys) {
    calls.add("UntagResource");
    delegate.untagResource(arn, keys);
  }

  @Override
  public Map<String, String> listTags(String arn) {
    calls.add("ListTagsForResource");
    return delegate.listTags(arn);
  }

  @Override
  public List<String> listConnections(String hostArn) {
    calls.add("ListConnections");
    return delegate.listConnections(hostArn);
  }

  @Override
  public List<ConnectionState> listConnections(String providerTypeFilter, String hostArnFilter) {
    calls.add("ListConnections");
    return delegate.listConnections(providerTypeFilter, hostArnFilter);
  }

  @Override
  public ConnectionState getConnection(String arn) {
    calls.add("GetConnection");
    return delegate.getConnection(arn);
  }
}
