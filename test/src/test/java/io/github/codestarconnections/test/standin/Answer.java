package io.github.codestarconnections.test.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One answer of the stand-in: an HTTP status and an AWS JSON 1.0 body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
record Answer(int status, JsonNode body) {
  static final ObjectMapper JSON = new ObjectMapper();

  static Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  /** A 400 error with the given AWS error code ({@code __type}) and message. */
  static Answer error(String type, String message) {
    return error(400, type, message);
  }

  static Answer error(int status, String type, String message) {
    ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
    return new Answer(status, body);
  }

  static Answer notFound(String what, String arn) {
    return error("ResourceNotFoundException", what + " " + arn + " not found");
  }

  boolean isError() {
    return status >= 400;
  }
}
