package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.standin.CodeStarConnectionsStandIn;
import io.github.codestarconnections.test.standin.StandInConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation's handlers for the Git sync types, {@code
 * AWS::CodeStarConnections::RepositoryLink} and {@code ::SyncConfiguration}, played with the
 * service's rules a stack's lifecycle meets (the CreateRepositoryLink, UpdateRepositoryLink,
 * DeleteRepositoryLink, CreateSyncConfiguration and UpdateSyncConfiguration pages of the
 * CodeConnections API reference, and the models in ../shared/reference/api):
 *
 * <ul>
 *   <li>a link's connection must exist and be {@code AVAILABLE} (the type's handler reads and uses
 *       it), of a provider Git sync supports; a link's physical id is its ARN (the schema's primary
 *       identifier), its attributes its ARN, id and provider type;
 *   <li>a link's new connection must have the provider type of its old one ("The updated connection
 *       ARN must have the same providerType", UpdateRepositoryLink);
 *   <li>a link is deleted only once no sync configuration uses it (SyncConfigurationStillExists);
 *   <li>a sync configuration's physical id is {@code ResourceName|SyncType} (the schema's primary
 *       identifier, which aws-cdk's reference splits), one per account and region
 *       (ResourceAlreadyExists), on a link that exists.
 * </ul>
 *
 * <p>Which property changes replace them is the registry schemas' ({@link CloudFormationRules}).
 */
final class GitSyncResources {
  static final String LINK = "AWS::CodeStarConnections::RepositoryLink";
  static final String SYNC = "AWS::CodeStarConnections::SyncConfiguration";

  /** The providers Git sync supports (CloudFormation User Guide, Git sync prerequisites). */
  private static final Set<String> PROVIDERS =
      Set.of("GitHub", "GitHubEnterpriseServer", "GitLab", "GitLabSelfManaged", "Bitbucket");

  /**
   * A repository link as the service holds it.
   *
   * @param arn its ARN
   * @param id its id
   * @param connectionArn its connection
   * @param providerType its connection's provider type
   * @param ownerId the repository's owner
   * @param repositoryName the repository's name
   * @param encryptionKeyArn its key, or null
   */
  record Link(
      String arn,
      String id,
      String connectionArn,
      String providerType,
      String ownerId,
      String repositoryName,
      String encryptionKeyArn) {}

  /**
   * A sync configuration as the service holds it.
   *
   * @param resourceName the synced stack
   * @param repositoryLinkId its link
   * @param branch the branch
   * @param configFile the deployment file
   * @param roleArn the role
   * @param publishDeploymentStatus ENABLED, DISABLED or null
   * @param triggerResourceUpdateOn ANY_CHANGE, FILE_CHANGE or null
   */
  record Sync(
      String resourceName,
      String repositoryLinkId,
      String branch,
      String configFile,
      String roleArn,
      String publishDeploymentStatus,
      String triggerResourceUpdateOn) {}

  private final CodeStarConnectionsStandIn standIn;
  private final Map<String, Link> links = new LinkedHashMap<>();
  private final Map<String, Sync> syncs = new LinkedHashMap<>();
  private int sequence;

  GitSyncResources(CodeStarConnectionsStandIn standIn) {
    this.standIn = standIn;
  }

  /** The links now, by id. */
  List<Link> links() {
    return new ArrayList<>(links.values());
  }

  /** The sync configurations now, by physical id. */
  Map<String, Sync> syncConfigurations() {
    return new LinkedHashMap<>(syncs);
  }

  String create(String type, Map<String, Object> props, Map<String, Object> attributes) {
    if (type.equals(LINK)) {
      StandInConnection c = usableConnection(null, (String) props.get("ConnectionArn"));
      String id = String.format("%08x-0000-4000-8000-%012x", ++sequence, sequence);
      String arn =
          "arn:aws:codestar-connections:"
              + Intrinsics.REGION
              + ":"
              + Intrinsics.ACCOUNT
              + ":repository-link/"
              + id;
      links.put(id, link(arn, id, c, props));
      attributes.put("RepositoryLinkArn", arn);
      attributes.put("RepositoryLinkId", id);
      attributes.put("ProviderType", c.providerType());
      return arn;
    }
    String physicalId = props.get("ResourceName") + "|" + props.get("SyncType");
    if (syncs.containsKey(physicalId)) {
      throw new ResourceFailed(
          null,
          "ResourceAlreadyExistsException: a sync configuration of "
              + props.get("ResourceName")
              + " already exists");
    }
    Sync sync = sync(null, props);
    syncs.put(physicalId, sync);
    Link link = links.get(sync.repositoryLinkId());
    attributes.put("OwnerId", link.ownerId());
    attributes.put("RepositoryName", link.repositoryName());
    attributes.put("ProviderType", link.providerType());
    return physicalId;
  }

  void update(
      String type, String physicalId, Map<String, Object> props, Map<String, Object> attributes) {
    if (type.equals(LINK)) {
      Link old = links.values().stream().filter(l -> l.arn().equals(physicalId)).findFirst().get();
      StandInConnection c = usableConnection(physicalId, (String) props.get("ConnectionArn"));
      if (!c.providerType().equals(old.providerType())) {
        throw new ResourceFailed(
            physicalId,
            "InvalidInputException: the updated connection ARN must have the same providerType"
                + " ("
                + old.providerType()
                + ") as the original connection ARN for the repo link");
      }
      links.put(old.id(), link(old.arn(), old.id(), c, props));
      return;
    }
    Sync sync = sync(physicalId, props);
    syncs.put(physicalId, sync);
    Link link = links.get(sync.repositoryLinkId());
    attributes.put("OwnerId", link.ownerId());
    attributes.put("RepositoryName", link.repositoryName());
  }

  void delete(String type, String physicalId) {
    if (type.equals(LINK)) {
      Link link =
          links.values().stream().filter(l -> l.arn().equals(physicalId)).findFirst().orElse(null);
      if (link == null) {
        return;
      }
      List<String> users = new ArrayList<>();
      syncs.forEach(
          (id, s) -> {
            if (s.repositoryLinkId().equals(link.id())) {
              users.add(s.resourceName());
            }
          });
      if (!users.isEmpty()) {
        throw new ResourceFailed(
            physicalId,
            "SyncConfigurationStillExistsException: the repository link is used by the sync"
                + " configurations of "
                + users);
      }
      links.remove(link.id());
      return;
    }
    syncs.remove(physicalId);
  }

  private StandInConnection usableConnection(String physicalId, String arn) {
    StandInConnection c =
        standIn.connections().stream().filter(x -> x.arn().equals(arn)).findFirst().orElse(null);
    if (c == null) {
      throw new ResourceFailed(physicalId, "InvalidInputException: no connection " + arn);
    }
    if (!"AVAILABLE".equals(c.status())) {
      throw new ResourceFailed(
          physicalId,
          "InvalidInputException: connection " + arn + " is " + c.status() + ", not AVAILABLE");
    }
    if (!PROVIDERS.contains(c.providerType())) {
      throw new ResourceFailed(physicalId, "UnsupportedProviderTypeException: " + c.providerType());
    }
    return c;
  }

  private static Link link(String arn, String id, StandInConnection c, Map<String, Object> props) {
    return new Link(
        arn,
        id,
        c.arn(),
        c.providerType(),
        (String) props.get("OwnerId"),
        (String) props.get("RepositoryName"),
        (String) props.get("EncryptionKeyArn"));
  }

  private Sync sync(String physicalId, Map<String, Object> props) {
    String linkId = (String) props.get("RepositoryLinkId");
    if (!links.containsKey(linkId)) {
      throw new ResourceFailed(physicalId, "InvalidInputException: no repository link " + linkId);
    }
    return new Sync(
        (String) props.get("ResourceName"),
        linkId,
        (String) props.get("Branch"),
        (String) props.get("ConfigFile"),
        (String) props.get("RoleArn"),
        (String) props.get("PublishDeploymentStatus"),
        (String) props.get("TriggerResourceUpdateOn"));
  }
}
