package io.github.codestarconnections.snapshot;

import au.com.origin.snapshots.Snapshot;
import au.com.origin.snapshots.SnapshotSerializerContext;
import au.com.origin.snapshots.serializers.SerializerType;
import au.com.origin.snapshots.serializers.SnapshotSerializer;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * A java-snapshot-testing serializer that snapshots a template in its {@link CanonicalTemplate}
 * form. It takes a {@link Stack}, an assertions {@link Template}, or a template {@code Map}. {@link
 * TemplateSnapshotExtension} uses it by default; with your own java-snapshot-testing set-up, name
 * it per call ({@code expect.serializer(CanonicalTemplateSerializer.class)}) or as {@code
 * serializer.template} in {@code snapshot.properties} ({@code expect.serializer("template")}).
 *
 * <p>The snapshot body is the canonical JSON between java-snapshot-testing's {@code [} and {@code
 * ]} lines, with one change that keeps it JSON and keeps the {@code .snap} file readable by
 * java-snapshot-testing: {@code ]=}, which can only occur inside a JSON string and which its parser
 * takes for the end of a scenario name, is written {@code ]\u003d}.
 */
public class CanonicalTemplateSerializer implements SnapshotSerializer {
  /** Creates the serializer (java-snapshot-testing instantiates it by reflection). */
  public CanonicalTemplateSerializer() {}

  /**
   * Serializes a stack's or template's canonical JSON.
   *
   * @param object a {@link Stack}, a {@link Template} or a template {@code Map}
   * @param context java-snapshot-testing's context of this snapshot
   * @return the snapshot
   * @throws IllegalArgumentException for any other object
   */
  @Override
  public Snapshot apply(Object object, SnapshotSerializerContext context) {
    Snapshot snapshot = context.toSnapshot(body(canonical(object)));
    TakenSnapshots.record(context);
    return snapshot;
  }

  /**
   * The output format, JSON.
   *
   * @return {@code JSON}
   */
  @Override
  public String getOutputFormat() {
    return SerializerType.JSON.name();
  }

  static String body(String canonicalJson) {
    String json =
        canonicalJson.endsWith("\n")
            ? canonicalJson.substring(0, canonicalJson.length() - 1)
            : canonicalJson;
    return "[\n" + json.replace("]=", "]\\u003d") + "\n]";
  }

  @SuppressWarnings("unchecked")
  private static String canonical(Object object) {
    if (object instanceof Stack stack) {
      return CanonicalTemplate.of(stack);
    }
    if (object instanceof Template template) {
      return CanonicalTemplate.of(template.toJSON());
    }
    if (object instanceof Map<?, ?> map) {
      return CanonicalTemplate.of((Map<String, ?>) map);
    }
    throw new IllegalArgumentException(
        "CanonicalTemplateSerializer snapshots a Stack, an assertions Template or a template Map; got "
            + (object == null ? "null" : "a " + object.getClass().getName()));
  }
}
