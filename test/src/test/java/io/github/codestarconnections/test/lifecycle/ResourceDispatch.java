package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.lifecycle.ProviderFramework.Response;
import java.util.List;
import java.util.Map;

/**
 * One resource operation, whatever the type: custom resources through {@link CustomResources},
 * native ones through {@link NativeResources}. Each records a line in the stack's events.
 */
final class ResourceDispatch {
  private final NativeResources natives;
  private final CustomResources customs;
  private final List<String> events;

  ResourceDispatch(NativeResources natives, CustomResources customs, List<String> events) {
    this.natives = natives;
    this.customs = customs;
    this.events = events;
  }

  static boolean isCustom(Map<String, Object> definition) {
    return CloudFormationRules.isCustom(Templates.type(definition));
  }

  Deployed create(String logicalId, Map<String, Object> definition, Map<String, Object> props) {
    try {
      Deployed d;
      if (isCustom(definition)) {
        Response r = customs.create(logicalId, definition, props);
        if (!r.success()) {
          throw new ResourceFailed(r.physicalResourceId(), r.reason());
        }
        d = new Deployed(logicalId, definition, r.physicalResourceId(), props, r.data());
      } else {
        d = natives.create(logicalId, definition, props);
      }
      events.add("CREATE_COMPLETE " + logicalId + " " + d.physicalId);
      return d;
    } catch (ResourceFailed f) {
      events.add("CREATE_FAILED " + logicalId + " " + f.physicalId + ": " + firstLine(f));
      throw f;
    }
  }

  /**
   * Updates a resource to new properties; the result has a new physical id when the resource was
   * replaced (a native create-only property changed, or the custom resource answered a new id).
   */
  Deployed update(Deployed current, Map<String, Object> definition, Map<String, Object> props) {
    return change(current, definition, props, current.properties, "UPDATE");
  }

  /**
   * Rolls a resource back to the properties it had: for a custom resource an Update with the old
   * properties as ResourceProperties and the attempted ones as OldResourceProperties, to its
   * current physical id (aws-cdk issue #17040 and PR #29581); a native one is updated in place (a
   * replaced native one is the caller's: it points back to the old physical resource).
   */
  Deployed rollback(Deployed current, Deployed before, Map<String, Object> attempted) {
    return change(current, before.definition, before.properties, attempted, "UPDATE_ROLLBACK");
  }

  private Deployed change(
      Deployed current,
      Map<String, Object> definition,
      Map<String, Object> props,
      Map<String, Object> oldProps,
      String what) {
    try {
      Deployed after;
      if (isCustom(definition)) {
        Response r = customs.update(current, props, oldProps, what);
        if (!r.success()) {
          throw new ResourceFailed(r.physicalResourceId(), r.reason());
        }
        after =
            new Deployed(current.logicalId, definition, r.physicalResourceId(), props, r.data());
      } else if (CloudFormationRules.replaces(current.type(), current.properties, props)) {
        after = natives.create(current.logicalId, definition, props);
      } else {
        after = current.copy();
        after.definition = definition;
        natives.update(after, props);
      }
      events.add(
          what
              + "_COMPLETE "
              + current.logicalId
              + " "
              + current.physicalId
              + (after.physicalId.equals(current.physicalId) ? "" : " -> " + after.physicalId));
      return after;
    } catch (ResourceFailed f) {
      events.add(what + "_FAILED " + current.logicalId + " " + f.physicalId + ": " + firstLine(f));
      throw f;
    }
  }

  void delete(Deployed d, String phase) {
    delete(d, phase, () -> {});
  }

  /**
   * Deletes a resource; while a custom resource's framework waits between polls, {@code
   * whileWaiting} runs the operations CloudFormation does in parallel.
   */
  void delete(Deployed d, String phase, Runnable whileWaiting) {
    try {
      if (CloudFormationRules.isCustom(d.type())) {
        Response r = customs.delete(d, whileWaiting);
        if (!r.success()) {
          throw new ResourceFailed(d.physicalId, r.reason());
        }
      } else {
        natives.delete(d);
      }
      events.add(phase + " DELETE_COMPLETE " + d.logicalId + " " + d.physicalId);
    } catch (ResourceFailed f) {
      events.add(
          phase + " DELETE_FAILED " + d.logicalId + " " + d.physicalId + ": " + firstLine(f));
      throw f;
    }
  }

  Object attribute(Deployed d, String name) {
    if (CloudFormationRules.isCustom(d.type())) {
      if (!d.attributes.containsKey(name)) {
        throw new ResourceFailed(
            null,
            "CustomResource attribute error: Vendor response doesn't contain " + name + " key");
      }
      return d.attributes.get(name);
    }
    return natives.attribute(d, name);
  }

  private static String firstLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
