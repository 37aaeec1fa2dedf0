package io.github.codestarconnections.lambda;

/** The CloudFormation custom-resource request types. */
public enum RequestType {
  /** Create. */
  CREATE("Create"),
  /** Update. */
  UPDATE("Update"),
  /** Delete. */
  DELETE("Delete");

  private final String wireName;

  RequestType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value CloudFormation sends.
   *
   * @return e.g. Create
   */
  public String wireName() {
    return wireName;
  }
}
