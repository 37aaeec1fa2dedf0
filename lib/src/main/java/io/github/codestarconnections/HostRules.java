package io.github.codestarconnections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.constructs.Construct;

/**
 * The rules for a {@link Host}'s props, the same for both backends, checked at construction and
 * skipping tokens. Limits are the service model's ({@code HostName}, {@code Url}, {@code
 * TlsCertificate}, {@code SubnetIds}, {@code SecurityGroupIds} in
 * ../shared/reference/api/*.service-2.json), which the registry schema of {@code
 * AWS::CodeConnections::Host} repeats.
 */
final class HostRules {
  static final int MAX_NAME_LENGTH = 64;
  static final int MAX_ENDPOINT_LENGTH = 512;
  static final int MAX_CERTIFICATE_LENGTH = 16384;
  static final int MAX_NETWORK_ITEMS = 10;

  /**
   * The tag keys the host handler puts on hosts for a while (the lambda module's MarkerTag.KEYS; a
   * test in the test module checks that both lists agree): the create marker (the CloudFormation
   * request id, to find a host after a lost answer), the replaced host's marker (to go back to it
   * on rollback) and the marker of a VPC added in place (to tell its rollback from a removal).
   */
  static final List<String> MARKER_TAGS =
      List.of(
          "codestarconnections-cdk:request",
          "codestarconnections-cdk:replaced-by",
          "codestarconnections-cdk:vpc-added");

  /**
   * User tags a host may have: the tags a resource takes ({@link ServiceRules#MAX_TAGS}) less the
   * handler's {@link #MARKER_TAGS}, on either backend, so that a host can move between backends.
   * The handler refuses more too (its HostEventParser; RuleAgreementTest checks that both agree).
   */
  static final int MAX_USER_TAGS = ServiceRules.MAX_TAGS - MARKER_TAGS.size();

  /** Why a host takes fewer tags than a connection, for messages. */
  static final String MARKER_ROOM =
      " on a host (" + ServiceRules.MAX_TAGS + " a resource, less the handler's markers)";

  private HostRules() {}

  /** The given name, checked, or a unique one derived from the construct path. */
  static String name(Owner owner, Construct host, String given) {
    return given != null
        ? ServiceRules.checkLength(owner, "hostName", given, MAX_NAME_LENGTH)
        : Names.uniqueResourceName(
            host, UniqueResourceNameOptions.builder().maxLength(MAX_NAME_LENGTH).build());
  }

  static ProviderType providerType(Owner owner, ProviderType type) {
    if (type == null || !type.needsHost()) {
      throw new IllegalArgumentException(
          owner
              + ": providerType "
              + type
              + " cannot have a host; a host stands for a self-managed installation:"
              + " GITHUB_ENTERPRISE_SERVER or GITLAB_SELF_MANAGED");
    }
    return type;
  }

  /**
   * The host's namespace: the given one, else the backend's default.
   *
   * @throws IllegalArgumentException for NATIVE with CODESTAR_CONNECTIONS
   */
  static ServiceNamespace namespace(Owner owner, HostBackend backend, ServiceNamespace given) {
    if (backend == HostBackend.NATIVE) {
      // AWS::CodeConnections::Host is the only host type CloudFormation has (registry schema
      // aws-codeconnections-host.json); its hosts are made through the codeconnections API.
      if (given == ServiceNamespace.CODESTAR_CONNECTIONS) {
        throw new IllegalArgumentException(
            owner
                + ": serviceNamespace CODESTAR_CONNECTIONS cannot go with backend NATIVE;"
                + " NATIVE is CloudFormation's AWS::CodeConnections::Host, which makes hosts in"
                + " the codeconnections namespace only (there is no"
                + " AWS::CodeStarConnections::Host): leave serviceNamespace out (NATIVE then takes"
                + " CODECONNECTIONS), or use backend CUSTOM_RESOURCE for a codestar-connections"
                + " host");
      }
      return ServiceNamespace.CODECONNECTIONS;
    }
    return given == null ? ServiceNamespace.CODESTAR_CONNECTIONS : given;
  }

  static void endpoint(Owner owner, String endpoint) {
    if (endpoint == null) {
      throw new IllegalArgumentException(
          owner + ": providerEndpoint is required, e.g. https://github.example.com");
    }
    if (JsiiShortcuts.isUnresolved(endpoint)) {
      return;
    }
    ServiceRules.checkLength(owner, "providerEndpoint", endpoint, MAX_ENDPOINT_LENGTH);
    String rule =
        "; it must be an absolute http:// or https:// URL, e.g. https://github.example.com";
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            owner + ": providerEndpoint '" + endpoint + "' is not an http(s) URL" + rule);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          owner
              + ": providerEndpoint '"
              + endpoint
              + "' is not a URL ("
              + e.getReason()
              + ")"
              + rule,
          e);
    }
  }

  /**
   * An endpoint as it is compared with other hosts' ({@link AccountWideNames}): the scheme and the
   * host name in lower case (URLs do not tell them apart by case, RFC 3986 section 6.2.2.1) and the
   * path without trailing slashes; the rest (port, path, query) as given, so that only URLs that
   * are certainly the same are found to be.
   *
   * @param endpoint a literal endpoint, checked by {@link #endpoint}
   * @return the URL to compare
   */
  static String comparableEndpoint(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      return endpoint;
    }
    StringBuilder s = new StringBuilder(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
    if (uri.getRawUserInfo() != null) {
      s.append(uri.getRawUserInfo()).append('@');
    }
    s.append(uri.getHost().toLowerCase(Locale.ROOT));
    if (uri.getPort() != -1) {
      s.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    s.append(path, 0, end);
    if (uri.getRawQuery() != null) {
      s.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      s.append('#').append(uri.getRawFragment());
    }
    return s.toString();
  }

  /**
   * Checks each tag, and refuses the handler's marker keys on either backend, so that a host can
   * move between backends without its tags becoming invalid.
   */
  static void tags(Owner owner, Map<String, String> tags) {
    ServiceRules.validate(owner, "tags", tags, MAX_USER_TAGS);
    if (tags == null) {
      return;
    }
    for (String key : MARKER_TAGS) {
      if (tags.containsKey(key)) {
        throw new IllegalArgumentException(
            owner
                + ": tags key '"
                + key
                + "' is reserved: the host handler puts its markers under "
                + MARKER_TAGS
                + " on a host while a create, a replacement or a VPC addition is in progress;"
                + " use another key");
      }
    }
  }

  static void rejectWithoutVpc(Owner owner, String property, Object value) {
    if (value != null) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " is set but vpc is not; "
              + property
              + " belongs to the host's VPC configuration, so give vpc too");
    }
  }

  static void checkCount(Owner owner, String property, int count) {
    if (count < 1 || count > MAX_NETWORK_ITEMS) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + property
              + " has "
              + count
              + "; the service allows 1 to "
              + MAX_NETWORK_ITEMS);
    }
  }

  static void certificate(Owner owner, String certificate) {
    if (certificate == null || JsiiShortcuts.isUnresolved(certificate)) {
      return;
    }
    if (certificate.isEmpty() || certificate.length() > MAX_CERTIFICATE_LENGTH) {
      throw new IllegalArgumentException(
          owner
              + ": tlsCertificate is "
              + certificate.length()
              + " characters; the service allows 1 to "
              + MAX_CERTIFICATE_LENGTH);
    }
    if (!certificate.strip().startsWith("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          owner
              + ": tlsCertificate '"
              + certificate.substring(0, Math.min(certificate.length(), 40))
              + "...' is not a PEM certificate; it must start with -----BEGIN CERTIFICATE-----");
    }
  }
}
