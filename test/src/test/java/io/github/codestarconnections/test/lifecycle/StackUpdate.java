package io.github.codestarconnections.test.lifecycle;

import io.github.codestarconnections.test.lifecycle.CloudFormation.CleanupOrder;
import io.github.codestarconnections.test.lifecycle.ParallelDeletions.Deletion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One stack update as CloudFormation plays it
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks.html):
 *
 * <ol>
 *   <li>The change set is refused before anything is touched when a logical id changes type
 *       ("Update of resource type is not permitted"; "You can't change the type during an update",
 *       custom resource Update request,
 *       https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes-update.html)
 *       or a custom resource's ServiceToken changes ("Modifying service token is not allowed";
 *       ServiceToken: "Updates are not supported",
 *       https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html).
 *   <li>Update phase, in dependency order: new logical ids are created; changed ones updated, a
 *       native one replaced when a create-only property changes ({@link CloudFormationRules}), a
 *       custom one replaced when its answer carries a new PhysicalResourceId (update behaviours,
 *       https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html).
 *   <li>On success, cleanup: the old physical resources of replacements are deleted unless
 *       UpdateReplacePolicy retains them
 *       (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html),
 *       and logical ids that left the template are deleted in reverse dependency order unless
 *       DeletionPolicy retains them, each after those that depend on it, in parallel otherwise
 *       ({@link ParallelDeletions}). A failed cleanup deletion leaves the stack UPDATE_COMPLETE
 *       (UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, stack status codes,
 *       https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html).
 *   <li>On failure, rollback: every updated resource, the failed one included, is updated back to
 *       its old properties with its current physical id (a custom resource gets ResourceProperties
 *       old and OldResourceProperties new: aws-cdk issue #17040, PR #29581); created ones are
 *       deleted; then rollback cleanup deletes the new physical resources of replacements. A
 *       rollback update that fails leaves UPDATE_ROLLBACK_FAILED.
 * </ol>
 */
final class StackUpdate {
  private enum Kind {
    CREATED,
    UPDATED,
    REPLACED,
    FAILED_UPDATE
  }

  /** What the update phase did to one logical id, for cleanup and rollback. */
  private record Step(
      String logicalId,
      Kind kind,
      Deployed before,
      Deployed after,
      Map<String, Object> attempted,
      String failedPhysicalId) {}

  private final CloudFormation cfn;
  private final Map<String, Object> next;
  private final Map<String, Object> previous;
  private final List<Step> steps = new ArrayList<>();

  StackUpdate(CloudFormation cfn, Map<String, Object> next) {
    this.cfn = cfn;
    this.next = next;
    this.previous = cfn.template;
  }

  DeployResult run() {
    String refused = changeSetProblem();
    if (refused != null) {
      cfn.events.add("CHANGE_SET_FAILED " + refused);
      return new DeployResult("CHANGE_SET_FAILED", refused, List.of(), cfn.events);
    }
    cfn.template = next;
    for (String id : Templates.creationOrder(next)) {
      Map<String, Object> definition = Templates.map(Templates.resources(next).get(id));
      Deployed current = cfn.resources.get(id);
      try {
        Map<String, Object> props = cfn.resolve(definition);
        if (current == null) {
          create(id, definition, props);
        } else if (props.equals(current.properties)) {
          current.definition = definition;
        } else {
          update(current, definition, props);
        }
      } catch (ResourceFailed f) {
        return rollback(id + ": " + f.getMessage());
      }
    }
    return cleanup();
  }

  private void create(String id, Map<String, Object> definition, Map<String, Object> props) {
    try {
      cfn.resources.put(id, cfn.dispatch.create(id, definition, props));
      steps.add(new Step(id, Kind.CREATED, null, null, props, null));
    } catch (ResourceFailed f) {
      if (f.physicalId != null) {
        cfn.resources.put(id, new Deployed(id, definition, f.physicalId, props, Map.of()));
        steps.add(new Step(id, Kind.CREATED, null, null, props, f.physicalId));
      }
      throw f;
    }
  }

  private void update(Deployed current, Map<String, Object> definition, Map<String, Object> props) {
    Deployed before = current.copy();
    try {
      Deployed after = cfn.dispatch.update(current, definition, props);
      cfn.resources.put(current.logicalId, after);
      Kind kind = after.physicalId.equals(before.physicalId) ? Kind.UPDATED : Kind.REPLACED;
      steps.add(new Step(current.logicalId, kind, before, after, props, null));
    } catch (ResourceFailed f) {
      steps.add(new Step(current.logicalId, Kind.FAILED_UPDATE, before, null, props, f.physicalId));
      // Whether CloudFormation keeps a physical id sent with a FAILED answer is undocumented.
      if (cfn.keepFailedPhysicalId
          && f.physicalId != null
          && ResourceDispatch.isCustom(definition)) {
        current.physicalId = f.physicalId;
      }
      throw f;
    }
  }

  private String changeSetProblem() {
    Map<String, Object> nextResources = Templates.resources(next);
    for (Map.Entry<String, Deployed> e : cfn.resources.entrySet()) {
      Object nextDefinition = nextResources.get(e.getKey());
      if (nextDefinition == null) {
        continue;
      }
      Map<String, Object> definition = Templates.map(nextDefinition);
      if (!Templates.type(definition).equals(e.getValue().type())) {
        return "Update of resource type is not permitted. The new template modifies resource type"
            + " of the following resources: ["
            + e.getKey()
            + "]";
      }
      if (ResourceDispatch.isCustom(definition)) {
        Object token;
        try {
          Object expression = Templates.map(definition.get("Properties")).get("ServiceToken");
          token =
              cfn.resolve(Map.of("Properties", Map.of("ServiceToken", expression)))
                  .get("ServiceToken");
        } catch (ResourceFailed unresolved) {
          token = null;
        }
        if (!Objects.equals(token, e.getValue().properties.get("ServiceToken"))) {
          return e.getKey() + ": Modifying service token is not allowed.";
        }
      }
    }
    return null;
  }

  // ---- Cleanup ------------------------------------------------------------------------------

  private DeployResult cleanup() {
    List<Deletion> replaced = new ArrayList<>();
    List<Deletion> removed = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    // Old physical resources go dependents first, as every deletion does.
    List<Step> reversed = new ArrayList<>(steps);
    Collections.reverse(reversed);
    for (Step s : reversed) {
      if (s.kind == Kind.REPLACED) {
        if ("Retain".equals(s.after.policy("UpdateReplacePolicy"))) {
          cfn.events.add("CLEANUP DELETE_SKIPPED " + s.logicalId + " " + s.before.physicalId);
        } else {
          replaced.add(
              new Deletion(
                  "replaced " + s.logicalId,
                  after("replaced ", Templates.dependents(next, s.logicalId)),
                  whileWaiting -> delete(s.before, "CLEANUP", failures, whileWaiting)));
        }
      }
    }
    for (String id : Templates.deletionOrder(previous)) {
      Deployed d = cfn.resources.get(id);
      if (d == null || Templates.resources(next).containsKey(id)) {
        continue;
      }
      removed.add(
          new Deletion(
              "removed " + id,
              after("removed ", Templates.dependents(previous, id)),
              whileWaiting -> {
                cfn.resources.remove(id);
                if (CloudFormation.retains(d)) {
                  cfn.events.add("CLEANUP DELETE_SKIPPED " + id + " " + d.physicalId);
                } else {
                  delete(d, "CLEANUP", failures, whileWaiting);
                }
              }));
    }
    // Which of the two CloudFormation starts first is undocumented; they run in parallel.
    List<Deletion> all = new ArrayList<>();
    all.addAll(cfn.cleanupOrder == CleanupOrder.REPLACED_FIRST ? replaced : removed);
    all.addAll(cfn.cleanupOrder == CleanupOrder.REPLACED_FIRST ? removed : replaced);
    new ParallelDeletions(all).run();
    cfn.status = "UPDATE_COMPLETE";
    return cfn.result(null, failures);
  }

  private static Set<String> after(String group, Set<String> logicalIds) {
    Set<String> keys = new LinkedHashSet<>();
    logicalIds.forEach(id -> keys.add(group + id));
    return keys;
  }

  private void delete(Deployed d, String phase, List<String> failures, Runnable whileWaiting) {
    try {
      cfn.dispatch.delete(d, phase, whileWaiting);
    } catch (ResourceFailed f) {
      failures.add(d.logicalId + " " + d.physicalId + ": " + f.getMessage());
    }
  }

  private void delete(Deployed d, String phase, List<String> failures) {
    try {
      cfn.dispatch.delete(d, phase);
    } catch (ResourceFailed f) {
      failures.add(d.logicalId + " " + d.physicalId + ": " + f.getMessage());
    }
  }

  // ---- Rollback -----------------------------------------------------------------------------

  private DeployResult rollback(String reason) {
    cfn.template = previous;
    List<Deployed> newPhysical = new ArrayList<>();
    List<Step> reversed = new ArrayList<>(steps);
    Collections.reverse(reversed);
    for (Step s : reversed) {
      if (s.kind == Kind.CREATED) {
        continue;
      }
      Deployed current = cfn.resources.get(s.logicalId);
      if (!ResourceDispatch.isCustom(s.before.definition)) {
        if (s.kind == Kind.REPLACED) {
          // The old physical resource still exists: the stack points back to it.
          newPhysical.add(current);
          cfn.resources.put(s.logicalId, s.before);
          continue;
        }
        if (s.failedPhysicalId != null && !s.failedPhysicalId.equals(s.before.physicalId)) {
          newPhysical.add(
              new Deployed(
                  s.logicalId, s.before.definition, s.failedPhysicalId, s.attempted, Map.of()));
          cfn.resources.put(s.logicalId, s.before);
          continue;
        }
      }
      try {
        Deployed after = cfn.dispatch.rollback(current, s.before, s.attempted);
        if (!after.physicalId.equals(current.physicalId)) {
          newPhysical.add(current);
        }
        cfn.resources.put(s.logicalId, after);
      } catch (ResourceFailed f) {
        cfn.status = "UPDATE_ROLLBACK_FAILED";
        return cfn.result(
            reason + "; rollback of " + s.logicalId + ": " + f.getMessage(), List.of());
      }
    }
    List<String> failures = new ArrayList<>();
    for (Step s : reversed) {
      if (s.kind != Kind.CREATED) {
        continue;
      }
      Deployed d = cfn.resources.remove(s.logicalId);
      if (d != null && !CloudFormationRules.keptByRollbackOfItsCreate(d)) {
        delete(d, "ROLLBACK_CLEANUP", failures);
      }
    }
    for (Deployed d : newPhysical) {
      if (!"Retain".equals(d.policy("UpdateReplacePolicy"))) {
        delete(d, "ROLLBACK_CLEANUP", failures);
      }
    }
    cfn.status = "UPDATE_ROLLBACK_COMPLETE";
    return cfn.result(reason, failures);
  }
}
