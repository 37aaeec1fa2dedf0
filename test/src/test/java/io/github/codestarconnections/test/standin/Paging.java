package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The list operations' MaxResults / NextToken paging, with the stand-in's own token format. */
final class Paging {
  private Paging() {}

  /**
   * The page a request asks for.
   *
   * @return [from, to) of the items, or empty for a token the stand-in never gave out
   */
  static Optional<int[]> page(JsonNode in, int total, int defaultSize) {
    int size =
        in.has("MaxResults") && in.get("MaxResults").asInt() > 0
            ? in.get("MaxResults").asInt()
            : defaultSize;
    int start = 0;
    if (in.has("NextToken")) {
      String token = in.get("NextToken").asText();
      if (!token.matches("page:[0-9]+")) {
        return Optional.empty();
      }
      start = Integer.parseInt(token.substring(5));
    }
    return Optional.of(new int[] {Math.min(start, total), Math.min(total, start + size)});
  }

  static void next(ObjectNode out, int end, int total) {
    if (end < total) {
      out.put("NextToken", "page:" + end);
    }
  }
}
