package io.gvgap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gvgap.core.options.OptionsBinder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugin options given on the command line as {@code key=value} pairs; each value is read as a
 * YAML scalar or flow list ({@code shots=4}, {@code data=data/gsm8k/test.jsonl},
 * {@code tags=[a, b]}), exactly as it would be written in a spec, then bound to the provider's
 * options record.
 */
final class CommandLineOptions {

  private static final ObjectMapper YAML = new YAMLMapper();

  private CommandLineOptions() {}

  static Map<String, Object> parse(List<String> pairs) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(
            "-O " + pair + ": a plugin option is KEY=VALUE, as in -O shots=4 (see the plugin's"
                + " options with 'gvgap plugins show NAME')");
      }
      String key = pair.substring(0, eq).strip();
      String text = pair.substring(eq + 1);
      Object value;
      try {
        value = text.isEmpty() ? "" : YAML.readValue(text, Object.class);
      } catch (IOException e) {
        value = text;
      }
      values.put(key, value);
    }
    return values;
  }

  static <R extends Record> R bind(Class<R> type, List<String> pairs) {
    return OptionsBinder.bind(type, parse(pairs));
  }
}
