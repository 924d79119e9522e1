package io.gvgap.core.options;

import io.gvgap.api.Internal;
import java.util.Locale;

/**
 * The spelling of option keys: a record component {@code maxNewTokens} is written
 * {@code max_new_tokens} in a spec, matching the snake_case keys of the spec itself (the same rule
 * as Jackson's {@code SNAKE_CASE} naming strategy).
 */
@Internal
public final class OptionKeys {

  private OptionKeys() {}

  /** The spec key of a record component name: {@code topP} becomes {@code top_p}. */
  public static String keyOf(String componentName) {
    StringBuilder key = new StringBuilder(componentName.length() + 4);
    boolean previousWasUpper = false;
    for (int i = 0; i < componentName.length(); i++) {
      char c = componentName.charAt(i);
      if (Character.isUpperCase(c)) {
        // A run of capitals (an acronym such as "URL") stays one word.
        if (!previousWasUpper && key.length() > 0 && key.charAt(key.length() - 1) != '_') {
          key.append('_');
        }
        key.append(Character.toLowerCase(c));
        previousWasUpper = true;
      } else {
        key.append(c);
        previousWasUpper = false;
      }
    }
    return key.toString();
  }

  /** The spec spelling of an enum constant: {@code BEST_OF_N} becomes {@code best-of-n}. */
  public static String enumValue(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
