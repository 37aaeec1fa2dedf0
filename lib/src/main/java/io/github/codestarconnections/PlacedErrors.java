package io.github.codestarconnections;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.constructs.IConstruct;

/**
 * The errors one synth-time check finds for many constructs (a stack's hosts and connections, a
 * pipeline's source actions), each reported under the construct it is about rather than under the
 * check's own construct. The check runs once, in a validation of an ancestor of them all, and hands
 * each construct's errors to a validation of that construct, added only when it first has errors: a
 * validation of each construct's own would cost about three jsii round trips a construct.
 *
 * <p>That leans on aws-cdk-lib validating a construct before its children (validateTree visits the
 * tree in pre-order, core/lib/private/synthesis.ts), so that a validation added to a descendant
 * during the ancestor's still runs. A second validation, on a child of the ancestor, tells the
 * orders apart: run before the ancestor's, it reports every error itself, under its own path (each
 * error names its construct), so that no error is lost if that order ever changes.
 */
final class PlacedErrors {
  private final IConstruct ancestor;
  private final Supplier<Map<IConstruct, List<String>>> check;
  private final Map<IConstruct, List<String>> placed = new IdentityHashMap<>();
  private boolean ancestorFirst;
  private boolean childFirst;

  /**
   * Runs the check at each synthesis and reports what it finds.
   *
   * @param ancestor a construct above every construct the check reports on (a stack, a pipeline)
   * @param child a child of the ancestor: the check's own construct, where every error is reported
   *     if aws-cdk-lib validates children first
   * @param check gives the errors by the construct they are about, in the order to report them;
   *     errors about the ancestor itself are reported under it
   */
  PlacedErrors(
      IConstruct ancestor, IConstruct child, Supplier<Map<IConstruct, List<String>>> check) {
    this.ancestor = ancestor;
    this.check = check;
    ancestor.getNode().addValidation(this::fromAncestor);
    child.getNode().addValidation(this::fromChild);
  }

  /** Parent first (aws-cdk-lib's order): places the errors, reports the ancestor's own. */
  List<String> fromAncestor() {
    if (childFirst) {
      childFirst = false;
      return List.of();
    }
    ancestorFirst = true;
    placed.values().forEach(List::clear);
    List<String> own = new ArrayList<>();
    check
        .get()
        .forEach(
            (about, errors) -> {
              if (about == ancestor) {
                own.addAll(errors);
              } else {
                placed.computeIfAbsent(about, this::validated).addAll(errors);
              }
            });
    return own;
  }

  /** Children first: reports every error here. */
  List<String> fromChild() {
    if (ancestorFirst) {
      ancestorFirst = false;
      return List.of();
    }
    childFirst = true;
    List<String> all = new ArrayList<>();
    check.get().values().forEach(all::addAll);
    return all;
  }

  /** Adds the construct's validation, which reports what the last check found for it. */
  private List<String> validated(IConstruct about) {
    List<String> errors = new ArrayList<>();
    about.getNode().addValidation(() -> List.copyOf(errors));
    return errors;
  }
}
