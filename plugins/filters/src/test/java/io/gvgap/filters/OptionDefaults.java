package io.gvgap.filters;

import io.gvgap.api.Option;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Builds an options record from the defaults its {@link Option} annotations declare (test helper). */
final class OptionDefaults {

  private OptionDefaults() {}

  /** The record with every component set to its declared default; fails if one has none. */
  static <O extends Record> O of(Class<O> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Option option = components[i].getAnnotation(Option.class);
      if (option == null || option.defaultValue().isEmpty()) {
        throw new AssertionError(
            type.getName() + "." + components[i].getName() + " has no @Option default");
      }
      values[i] = parse(components[i].getType(), option.defaultValue());
    }
    try {
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<O> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build " + type.getName() + " from its defaults", e);
    }
  }

  private static Object parse(Class<?> type, String yaml) {
    if (type == int.class) {
      return Integer.parseInt(yaml);
    }
    if (type == long.class) {
      return Long.parseLong(yaml);
    }
    if (type == double.class) {
      return Double.parseDouble(yaml);
    }
    if (type == boolean.class) {
      return Boolean.parseBoolean(yaml);
    }
    if (type == String.class) {
      return yaml;
    }
    if (type.isEnum()) {
      String wanted = yaml.trim().replace('-', '_');
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
          return constant;
        }
      }
    }
    throw new AssertionError("test helper cannot parse a default of type " + type);
  }
}
