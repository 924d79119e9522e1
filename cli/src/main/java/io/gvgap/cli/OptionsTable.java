package io.gvgap.cli;

import io.gvgap.core.options.OptionDescription;
import io.gvgap.core.options.OptionsDescriber;
import java.io.PrintWriter;
import java.util.List;

/** Prints a provider's options (name, type, default or "required", description) in aligned columns. */
final class OptionsTable {

  private OptionsTable() {}

  /** Prints "options:" and one line per option, or "options: none". */
  static void print(PrintWriter out, Class<? extends Record> optionsType) {
    List<OptionDescription> options = OptionsDescriber.describe(optionsType);
    if (options.isEmpty()) {
      out.println("options: none");
      return;
    }
    int nameW = 0;
    int typeW = 0;
    int defaultW = 0;
    for (OptionDescription d : options) {
      nameW = Math.max(nameW, d.name().length());
      typeW = Math.max(typeW, d.type().length());
      defaultW = Math.max(defaultW, defaultText(d).length());
    }
    String format = "  %-" + nameW + "s  %-" + typeW + "s  %-" + defaultW + "s  %s%n";
    out.println("options:");
    for (OptionDescription d : options) {
      out.printf(format, d.name(), d.type(), defaultText(d), d.description());
    }
  }

  private static String defaultText(OptionDescription d) {
    return d.required() ? "required" : "= " + d.defaultValue();
  }
}
