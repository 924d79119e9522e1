package io.gvgap.core.options;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.Option;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Binds a spec's {@code options:} map to a provider's options record, so that a misspelt option is
 * an error rather than a silent default.
 *
 * <p>Jackson binds the record ({@link OptionsMapper}: keys are the record components in snake_case,
 * {@code maxNewTokens} is {@code max_new_tokens}; unknown keys, missing required components and
 * values of the wrong kind fail; the record's own constructor checks its values). Values are what a
 * YAML parser produces: {@code Map}, {@code List}, {@code String}, {@code Integer}, {@code Long},
 * {@code BigInteger}, {@code Double}, {@code Boolean}. A component without an
 * {@link Option#defaultValue()} is required; a nested record that is absent is bound from an empty
 * map, so it is optional exactly when all its components have defaults. A default of {@code null}
 * (or {@code ~}) makes a reference-typed component optional with a null value. Every failure is an
 * {@link OptionsException} with the field path ({@code retry.attempts}, {@code stops[2]}).
 */
public final class OptionsBinder {
  private static final ObjectMapper MAPPER = OptionsMapper.create();

  private OptionsBinder() {}

  /**
   * Builds the record from the map.
   *
   * @param type the provider's options record
   * @param values the spec's options; null is treated as an empty map
   * @throws OptionsException on unknown or missing keys, wrong types, or values the record rejects
   */
  public static <R extends Record> R bind(Class<R> type, Map<String, ?> values) {
    Objects.requireNonNull(type, "type");
    requireSupportedTypes(type, List.of());
    ObjectNode tree = MAPPER.valueToTree(values == null ? Map.of() : values);
    OptionDefaults defaults = new OptionDefaults();
    defaults.apply(type, tree, List.of());
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw OptionsErrors.translate(type, tree, defaults, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new OptionsException(
          List.of(), "cannot read the options: " + e.getOriginalMessage(), e);
    }
  }

  /** Fails, as the plugin's bug, on a component type the spec cannot express. */
  private static void requireSupportedTypes(Class<?> type, List<Object> path) {
    for (RecordComponent component : type.getRecordComponents()) {
      List<Object> fieldPath = OptionDefaults.append(path, OptionKeys.keyOf(component.getName()));
      Type unsupported = OptionTypes.firstUnsupported(component.getGenericType());
      if (unsupported != null) {
        throw new OptionsException(
            fieldPath,
            "the options record " + type.getName() + " declares '" + component.getName()
                + "' with the unsupported type " + unsupported.getTypeName() + " (supported: "
                + OptionTypes.SUPPORTED
                + "); this is a plugin bug, report it to its author");
      }
      Type generic = component.getGenericType();
      if (generic instanceof ParameterizedType) {
        generic = ((ParameterizedType) generic).getActualTypeArguments()[0];
      }
      if (generic instanceof Class<?> && ((Class<?>) generic).isRecord() && generic != type) {
        requireSupportedTypes((Class<?>) generic, fieldPath);
      }
    }
  }
}
