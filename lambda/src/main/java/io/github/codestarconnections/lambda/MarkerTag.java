package io.github.codestarconnections.lambda;

/**
 * The tag this handler puts on every host it creates: key {@value #KEY}, value the CloudFormation
 * RequestId of the Create (or replacing Update) that made it.
 *
 * <p>It makes creation idempotent: before CreateHost, the handler looks for a host with the same
 * name, provider type and endpoint that carries this tag with the same RequestId, and adopts it
 * instead of making a second host (a retried Lambda invocation, or a CreateHost whose response was
 * lost). A host without the tag, or with another RequestId, is never adopted. The tag is left out
 * of every tag comparison, so users never see it drift and never remove it.
 */
public final class MarkerTag {
  /** The marker tag's key; user tags may not use it. */
  public static final String KEY = "codestarconnections-cdk:request";

  private MarkerTag() {}
}
