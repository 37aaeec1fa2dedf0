package io.github.codestarconnections.snapshot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree (maps with string keys, lists, strings, numbers, booleans, null) as text that
 * depends on nothing but the tree: object keys in {@link String#compareTo} order, two spaces per
 * level, {@code "key" : value}, one array element per line, {@code { }} and {@code [ ]} for empty
 * ones, LF line ends. Strings escape only what JSON requires ({@code "}, {@code \}, and control
 * characters, as {@code \n} or {@code \u001F}); every other character is written as itself.
 *
 * <p>Written here rather than by a JSON library, so that the text, which users commit as snapshots,
 * cannot change with the version of a library on their classpath.
 */
final class CanonicalJson {
  private static final String INDENT = "  ";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Doubles with no fraction up to this size are written as integers, as JavaScript does. */
  private static final double LARGEST_EXACT_INTEGER = 9007199254740992d;

  private CanonicalJson() {}

  /**
   * The tree as text, without a final line end.
   *
   * @param tree a value made of sorted maps ({@code TreeMap}), lists and JSON scalars
   * @return the text
   */
  static String write(Object tree) {
    StringBuilder out = new StringBuilder();
    value(out, tree, 0);
    return out.toString();
  }

  private static void value(StringBuilder out, Object v, int level) {
    if (v instanceof Map<?, ?> map) {
      object(out, map, level);
    } else if (v instanceof List<?> list) {
      array(out, list, level);
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Number n) {
      out.append(number(n));
    } else if (v instanceof Boolean || v == null) {
      out.append(v);
    } else {
      throw new IllegalStateException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, int level) {
    if (map.isEmpty()) {
      out.append("{ }");
      return;
    }
    out.append('{');
    String sep = "\n";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.append(sep);
      indent(out, level + 1);
      string(out, (String) e.getKey());
      out.append(" : ");
      value(out, e.getValue(), level + 1);
      sep = ",\n";
    }
    out.append('\n');
    indent(out, level);
    out.append('}');
  }

  private static void array(StringBuilder out, List<?> list, int level) {
    if (list.isEmpty()) {
      out.append("[ ]");
      return;
    }
    out.append('[');
    String sep = "\n";
    for (Object item : list) {
      out.append(sep);
      indent(out, level + 1);
      value(out, item, level + 1);
      sep = ",\n";
    }
    out.append('\n');
    indent(out, level);
    out.append(']');
  }

  private static void indent(StringBuilder out, int level) {
    out.append(INDENT.repeat(level));
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * A number as JSON text: integers as their digits; a double with no fraction (a template is
   * JavaScript's JSON, which has one number type) as an integer; other doubles in Java's shortest
   * form.
   */
  static String number(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return Long.toString(n.longValue());
    }
    if (n instanceof BigInteger big) {
      return big.toString();
    }
    if (n instanceof BigDecimal dec) {
      return dec.stripTrailingZeros().toPlainString();
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalStateException("not a JSON number: " + n);
    }
    if (d == Math.rint(d) && Math.abs(d) <= LARGEST_EXACT_INTEGER) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
