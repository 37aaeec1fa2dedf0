package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource, on host and connection ARNs alike. */
final class Tags {
  // TagResource's model: a resource has at most 200 tags (TagList max 200).
  private static final int MAX_TAGS = 200;

  private final Account account;

  Tags(Account account) {
    this.account = account;
  }

  static ArrayNode list(Map<String, String> tags) {
    ArrayNode list = Answer.JSON.createArrayNode();
    tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
    return list;
  }

  Answer tagResource(JsonNode in) {
    Map<String, String> tags = account.tagsOf(in.get("ResourceArn").asText());
    if (tags == null) {
      return Answer.notFound("Resource", in.get("ResourceArn").asText());
    }
    java.util.LinkedHashMap<String, String> next = new java.util.LinkedHashMap<>(tags);
    in.get("Tags").forEach(t -> next.put(t.get("Key").asText(), t.get("Value").asText()));
    if (next.size() > MAX_TAGS) {
      return Answer.error("LimitExceededException", "too many tags");
    }
    tags.clear();
    tags.putAll(next);
    return Answer.ok(Answer.JSON.createObjectNode());
  }

  Answer untagResource(JsonNode in) {
    Map<String, String> tags = account.tagsOf(in.get("ResourceArn").asText());
    if (tags == null) {
      return Answer.notFound("Resource", in.get("ResourceArn").asText());
    }
    in.get("TagKeys").forEach(k -> tags.remove(k.asText()));
    return Answer.ok(Answer.JSON.createObjectNode());
  }

  Answer listTagsForResource(JsonNode in) {
    Map<String, String> tags = account.tagsOf(in.get("ResourceArn").asText());
    if (tags == null) {
      return Answer.notFound("Resource", in.get("ResourceArn").asText());
    }
    com.fasterxml.jackson.databind.node.ObjectNode out = Answer.JSON.createObjectNode();
    out.set("Tags", list(tags));
    return Answer.ok(out);
  }
}
