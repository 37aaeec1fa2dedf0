package io.github.codestarconnections.test.standin;

import io.github.codestarconnections.lambda.Namespace;
import java.util.List;
import java.util.Optional;

/**
 * Who makes a request and through which namespace. With a principal, every action is checked
 * against its statements (see {@link Iam}); without one (the stand-in's older tests) nothing is.
 *
 * @param namespace the API namespace of the request's target
 * @param principal the calling principal, or null for unchecked calls
 * @param iam the account's policies
 */
record Caller(Namespace namespace, String principal, Iam iam) {
  /** An AccessDeniedException answer for the first of the actions not allowed, if any. */
  Optional<Answer> deniedAny(List<String> actions, java.util.function.Function<String, String> on) {
    if (principal == null) {
      return Optional.empty();
    }
    for (String action : actions) {
      Optional<String> why = iam.denied(principal, action, on.apply(action));
      if (why.isPresent()) {
        return Optional.of(Answer.error("AccessDeniedException", why.get()));
      }
    }
    return Optional.empty();
  }

  Optional<Answer> denied(String action, String resource) {
    return deniedAny(List.of(action), a -> resource);
  }
}
