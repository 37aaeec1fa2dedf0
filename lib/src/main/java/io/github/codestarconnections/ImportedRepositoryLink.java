package io.github.codestarconnections;

import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.ResourceEnvironment;
import software.amazon.awscdk.interfaces.codestarconnections.IRepositoryLinkRef;
import software.amazon.awscdk.services.codestarconnections.CfnRepositoryLink;
import software.constructs.Construct;

/**
 * A repository link made elsewhere, known by its ARN or its id, or by aws-cdk's reference. A
 * literal ARN gives the id, and the account and region the import reports; a token ARN gives its id
 * through {@code Fn::Split}; an id alone gives an ARN in the importing stack's account and region.
 */
final class ImportedRepositoryLink extends RepositoryLinkBase {
  /** What an import is called in messages. */
  static final String KIND = "RepositoryLink import";

  /** The adapter's id under an aws-cdk reference. */
  static final String REFERENCE_ID = "AsIRepositoryLink";

  private final String arn;
  private final String linkId;

  private ImportedRepositoryLink(
      Construct scope, String id, ResourceProps props, String arn, String linkId) {
    super(scope, id, props);
    this.arn = arn;
    this.linkId = linkId;
  }

  /** An import by ARN, literal (checked now) or a token. */
  static ImportedRepositoryLink ofArn(Construct scope, String id, String arn) {
    Owner who = Owner.child(KIND, scope, id);
    RepositoryRef.require(who, "repositoryLinkArn", arn);
    if (JsiiShortcuts.isUnresolved(arn)) {
      return new ImportedRepositoryLink(
          scope, id, ServiceArn.importProps(null, arn), arn, idOfToken(arn));
    }
    ServiceArn parsed = ServiceArn.parse(who, arn, "repository-link");
    GitSyncRules.repositoryLinkId(who, "repositoryLinkArn's id", parsed.resourceId());
    return new ImportedRepositoryLink(
        scope, id, ServiceArn.importProps(parsed, arn), arn, parsed.resourceId());
  }

  /** An import by id, its ARN formed in the importing stack's account and region. */
  static ImportedRepositoryLink ofId(Construct scope, String id, String linkId) {
    GitSyncRules.repositoryLinkId(Owner.child(KIND, scope, id), "repositoryLinkId", linkId);
    String arn =
        Stack.of(scope)
            .formatArn(
                ArnComponents.builder()
                    .service(ServiceNamespace.CODESTAR_CONNECTIONS.getArnService())
                    .resource("repository-link")
                    .resourceName(linkId)
                    .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                    .build());
    return new ImportedRepositoryLink(scope, id, ResourceProps.builder().build(), arn, linkId);
  }

  /**
   * aws-cdk's reference as a link: an L1 {@code CfnRepositoryLink}'s id is its {@code
   * RepositoryLinkId} attribute, another implementer's comes from its ARN; the account and region
   * are the reference's.
   */
  static ImportedRepositoryLink ofReference(Construct scope, String id, IRepositoryLinkRef ref) {
    String arn = ref.getRepositoryLinkRef().getRepositoryLinkArn();
    Owner who = Owner.child("RepositoryLink reference", scope, id);
    RepositoryRef.require(who, "repositoryLinkArn", arn);
    String linkId;
    if (ref instanceof CfnRepositoryLink l1) {
      linkId = l1.getAttrRepositoryLinkId();
    } else if (JsiiShortcuts.isUnresolved(arn)) {
      linkId = idOfToken(arn);
    } else {
      linkId = ServiceArn.parse(who, arn, "repository-link").resourceId();
      GitSyncRules.repositoryLinkId(who, "repositoryLinkArn's id", linkId);
    }
    ResourceEnvironment env = ref.getEnv();
    return new ImportedRepositoryLink(
        scope,
        id,
        ResourceProps.builder().account(env.getAccount()).region(env.getRegion()).build(),
        arn,
        linkId);
  }

  /** The id in a token ARN: what follows {@code repository-link/}, split at deploy time. */
  private static String idOfToken(String arn) {
    return Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).getResourceName();
  }

  @Override
  public String getRepositoryLinkArn() {
    return arn;
  }

  @Override
  public String getRepositoryLinkId() {
    return linkId;
  }
}
