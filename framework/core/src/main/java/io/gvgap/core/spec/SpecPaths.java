package io.gvgap.core.spec;

import io.gvgap.core.options.OptionKeys;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relative paths in a spec's options are relative to the spec file's folder, not to the working
 * directory, so that a spec works from wherever it is run. A {@code Path} component of an options
 * record (also inside a nested record, or a {@code List}/{@code Set} of paths) names a file or
 * directory the plugin reads; this resolves what the spec gives for it and remembers where it was
 * written, so that {@code gvgap validate} can check that it exists.
 */
final class SpecPaths {

  /**
   * One path a spec gives.
   *
   * @param node where it is written
   * @param fieldPath its field path, such as {@code tasks[0].options.data}
   * @param path the path resolved against the spec's folder
   */
  record Reference(SpecNode node, String fieldPath, Path path) {}

  private final Path baseDirectory;
  private final List<Reference> references = new ArrayList<>();

  /** Resolves against {@code baseDirectory} (absolute). */
  SpecPaths(Path baseDirectory) {
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
  }

  /** The paths seen so far, in spec order. */
  List<Reference> references() {
    return List.copyOf(references);
  }

  /**
   * The options map with every relative path of a {@code Path} component resolved; values that
   * are not strings are left for the binder to reject.
   */
  Map<String, Object> resolve(
      Class<?> type, Map<String, Object> values, SpecNode node, String fieldPath) {
    Map<String, Object> out = new LinkedHashMap<>(values);
    for (RecordComponent component : type.getRecordComponents()) {
      String key = OptionKeys.keyOf(component.getName());
      if (!out.containsKey(key)) {
        continue;
      }
      SpecNode child = node == null ? null : node.get(key);
      out.put(key, value(component.getGenericType(), out.get(key), child, fieldPath + "." + key));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object value(Type type, Object value, SpecNode node, String fieldPath) {
    if (type == Path.class && value instanceof String && !((String) value).isEmpty()) {
      try {
        Path resolved = baseDirectory.resolve((String) value).normalize();
        Reference reference = new Reference(node, fieldPath, resolved);
        if (!references.contains(reference)) {
          // A swept filter is bound once per value; its paths are remembered once.
          references.add(reference);
        }
        return resolved.toString();
      } catch (InvalidPathException e) {
        return value;
      }
    }
    if (type instanceof Class<?> && ((Class<?>) type).isRecord() && value instanceof Map) {
      return resolve((Class<?>) type, (Map<String, Object>) value, node, fieldPath);
    }
    if (type instanceof ParameterizedType && value instanceof List) {
      ParameterizedType parameterized = (ParameterizedType) type;
      if (parameterized.getRawType() == List.class || parameterized.getRawType() == Set.class) {
        Type item = parameterized.getActualTypeArguments()[0];
        List<Object> items = new ArrayList<>();
        List<?> given = (List<?>) value;
        for (int i = 0; i < given.size(); i++) {
          SpecNode itemNode =
              node != null && i < node.items().size() ? node.items().get(i) : null;
          items.add(value(item, given.get(i), itemNode, fieldPath + "[" + i + "]"));
        }
        return items;
      }
    }
    return value;
  }
}
