package io.gvgap.maven;

import io.gvgap.core.registry.DiscoveredProvider;
import java.util.ArrayList;
import java.util.List;

/** The table {@code gvgap:plugins} logs: the columns of {@code gvgap plugins}, one provider a line. */
final class ProviderTable {

  private ProviderTable() {}

  /** A header, one line per provider in the given order, and a count. */
  static List<String> lines(List<DiscoveredProvider> providers) {
    int kindWidth = "KIND".length();
    int nameWidth = "NAME".length();
    int classWidth = "CLASS".length();
    for (DiscoveredProvider p : providers) {
      kindWidth = Math.max(kindWidth, p.kind().label().length());
      nameWidth = Math.max(nameWidth, p.name().length());
      classWidth = Math.max(classWidth, p.className().length());
    }
    String format = "%-" + kindWidth + "s  %-" + nameWidth + "s  %-" + classWidth + "s  %-14s  %s";
    List<String> lines = new ArrayList<>();
    lines.add(String.format(format, "KIND", "NAME", "CLASS", "VERSION", "FROM"));
    for (DiscoveredProvider p : providers) {
      lines.add(String.format(
          format, p.kind().label(), p.name(), p.className(), p.version(), p.location()));
    }
    lines.add(providers.size() + " providers");
    return lines;
  }
}
