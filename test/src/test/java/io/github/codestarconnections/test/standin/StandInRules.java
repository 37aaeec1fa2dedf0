package io.github.codestarconnections.test.standin;

/**
 * The stand-in's answers where the service's documentation is silent or contradicts itself: each
 * switch picks one answer, so that a test can prove the handler safe under every one. Sources are
 * cited where each rule is enforced ({@link HostOperations}, {@link ConnectionOperations}).
 */
public final class StandInRules {
  /** What UpdateHost does with a field it is not sent (undocumented). */
  public enum OmittedFields {
    /** Leaves it as it is. */
    KEEP,
    /** Clears it: a VpcConfiguration not sent is removed (an endpoint cannot be cleared). */
    CLEAR
  }

  private final Object lock;

  String deleteHostInUseError = "ResourceUnavailableException";
  String duplicateUrlError = "ValidationException";
  String vpcInUseError = "ValidationException";
  boolean oneVpcPerHost;
  boolean uniqueConnectionNames = true;
  OmittedFields omittedFields = OmittedFields.KEEP;
  int staleReadsAfterUpdate;
  int unseenByGetHost;
  int unlistedByListHosts;

  StandInRules(Object lock) {
    this.lock = lock;
  }

  /**
   * The error code of DeleteHost refused because connections use the host (undocumented).
   *
   * @param errorCode ResourceUnavailableException (the default), ConflictException,
   *     ValidationException, ...
   * @return this
   */
  public StandInRules deleteHostInUseError(String errorCode) {
    synchronized (lock) {
      this.deleteHostInUseError = errorCode;
    }
    return this;
  }

  /**
   * The error code of CreateHost or UpdateHost refused because another host has the URL
   * (undocumented). The default, ValidationException, is the code any AWS JSON API may give for a
   * request it will not take; neither operation's model lists one for this case.
   *
   * @param errorCode the code
   * @return this
   */
  public StandInRules duplicateUrlError(String errorCode) {
    synchronized (lock) {
      this.duplicateUrlError = errorCode;
    }
    return this;
  }

  /**
   * Whether a VPC may serve only one host (the guides contradict each other); off by default.
   *
   * @param enforced true to refuse a second host in a VpcId
   * @param errorCode the code of the refusal (undocumented)
   * @return this
   */
  public StandInRules oneVpcPerHost(boolean enforced, String errorCode) {
    synchronized (lock) {
      this.oneVpcPerHost = enforced;
      this.vpcInUseError = errorCode;
    }
    return this;
  }

  /**
   * Whether connection names must be unique in the account: "Connection names must be unique in an
   * AWS account" (API reference, Connection data type,
   * https://docs.aws.amazon.com/codeconnections/latest/APIReference/API_Connection.html; the
   * models' Connection.ConnectionName says the same); on by default, as documented. The two
   * namespaces are one service, so a name is taken whichever namespace made the connection.
   *
   * @param enforced true to refuse a second connection with a name
   * @return this
   */
  public StandInRules uniqueConnectionNames(boolean enforced) {
    synchronized (lock) {
      this.uniqueConnectionNames = enforced;
    }
    return this;
  }

  /**
   * What UpdateHost does with a field it is not sent (undocumented); KEEP by default.
   *
   * @param omitted KEEP or CLEAR
   * @return this
   */
  public StandInRules updateHostOmittedFields(OmittedFields omitted) {
    synchronized (lock) {
      this.omittedFields = omitted;
    }
    return this;
  }

  /**
   * For how many GetHost calls after UpdateHost the host still shows its old endpoint, VPC and
   * status (undocumented; 0 by default).
   *
   * @param reads the number of stale GetHost answers
   * @return this
   */
  public StandInRules staleReadsAfterUpdate(int reads) {
    synchronized (lock) {
      this.staleReadsAfterUpdate = Math.max(0, reads);
    }
    return this;
  }

  /**
   * Eventual consistency just after CreateHost (undocumented): for how many GetHost calls a new
   * host is answered ResourceNotFoundException; 0 by default.
   *
   * @param calls the number of GetHost calls that do not see it
   * @return this
   */
  public StandInRules newHostsUnseenByGetHost(int calls) {
    synchronized (lock) {
      this.unseenByGetHost = Math.max(0, calls);
    }
    return this;
  }

  /**
   * Eventual consistency just after CreateHost (undocumented): for how many ListHosts calls a new
   * host is left out; 0 by default.
   *
   * @param calls the number of ListHosts calls that leave it out
   * @return this
   */
  public StandInRules newHostsUnlistedByListHosts(int calls) {
    synchronized (lock) {
      this.unlistedByListHosts = Math.max(0, calls);
    }
    return this;
  }
}
