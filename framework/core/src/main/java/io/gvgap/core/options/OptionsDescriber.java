package io.gvgap.core.options;

import io.gvgap.api.Option;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Lists the options of a provider's options record: name, type, default and description. */
public final class OptionsDescriber {

  private OptionsDescriber() {}

  /**
   * The options in declaration order. A nested record without a default contributes its own
   * options under dotted names ({@code retry.attempts}) instead of one line for itself.
   */
  public static List<OptionDescription> describe(Class<? extends Record> type) {
    List<OptionDescription> options = new ArrayList<>();
    collect(type, "", options);
    return List.copyOf(options);
  }

  private static void collect(Class<?> type, String prefix, List<OptionDescription> into) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + OptionKeys.keyOf(component.getName());
      Option option = component.getAnnotation(Option.class);
      String defaultValue =
          option == null || option.defaultValue().isEmpty() ? null : option.defaultValue();
      if (component.getType().isRecord() && defaultValue == null) {
        collect(component.getType(), name + ".", into);
        continue;
      }
      into.add(new OptionDescription(
          name,
          OptionTypes.describe(component.getGenericType()),
          defaultValue,
          option == null ? "" : option.description()));
    }
  }
}
