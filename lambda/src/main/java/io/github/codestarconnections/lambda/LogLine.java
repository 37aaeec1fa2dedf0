package io.github.codestarconnections.lambda;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object on one line, written by hand so the handler jar carries no JSON library. Only
 * strings, booleans and lists of strings; callers choose the fields, so whole events and
 * certificates never get here.
 */
final class LogLine {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  LogLine put(String key, Object value) {
    if (value != null) {
      fields.put(key, value);
    }
    return this;
  }

  void writeTo(PrintStream out) {
    out.println(toJson());
  }

  String toJson() {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> f : fields.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, f.getKey());
      b.append(':');
      value(b, f.getValue());
    }
    return b.append('}').toString();
  }

  private static void value(StringBuilder b, Object v) {
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof List<?> list) {
      b.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        string(b, String.valueOf(list.get(i)));
      }
      b.append(']');
    } else {
      string(b, String.valueOf(v));
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
