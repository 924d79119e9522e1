package io.gvgap.core.options;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverse of {@link OptionsBinder}: a bound options record as the plain map a spec would give
 * (snake_case keys, enums as {@code best-of-n}, paths as strings), for writing the resolved spec.
 * {@code OptionsBinder.bind(type, OptionValues.toMap(options))} equals {@code options}.
 */
public final class OptionValues {

  private OptionValues() {}

  /** The record's components as an ordered map of JSON-friendly values. */
  public static Map<String, Object> toMap(Record options) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (RecordComponent component : options.getClass().getRecordComponents()) {
      Object value;
      try {
        component.getAccessor().setAccessible(true);
        value = component.getAccessor().invoke(options);
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
        throw new IllegalStateException(
            "Cannot read option '" + component.getName() + "' of "
                + options.getClass().getName(),
            e);
      }
      map.put(OptionKeys.keyOf(component.getName()), plain(value));
    }
    return map;
  }

  private static Object plain(Object value) {
    if (value instanceof Record) {
      return toMap((Record) value);
    }
    if (value instanceof Enum) {
      return OptionKeys.enumValue((Enum<?>) value);
    }
    if (value instanceof Path) {
      return value.toString();
    }
    if (value instanceof Collection) {
      List<Object> list = new ArrayList<>();
      for (Object item : (Collection<?>) value) {
        list.add(plain(item));
      }
      return list;
    }
    if (value instanceof Map) {
      Map<String, Object> map = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((key, item) -> map.put(String.valueOf(key), plain(item)));
      return map;
    }
    return value;
  }
}
