package io.github.codestarconnections.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Placeholder: the host handler arrives with the Host issue. */
public final class OnEventHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
