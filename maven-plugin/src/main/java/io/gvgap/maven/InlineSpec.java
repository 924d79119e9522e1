package io.gvgap.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text of an inline {@code <spec>} element back into the YAML its author wrote. Maven
 * trims the element's text, so the first line loses the XML indentation that every other line
 * keeps; YAML reads indentation as structure, so that common indentation must go.
 */
final class InlineSpec {

  private InlineSpec() {}

  /**
   * The YAML with the first line's leading blanks and the common indentation of the other lines
   * removed, line ends normalised to {@code \n}, ending in one newline.
   *
   * <p>Why the first line is treated apart: a spec has several top-level keys, so some later line
   * is at top level and the least indentation of the later lines is the XML indentation.
   */
  static String normalize(String text) {
    List<String> lines =
        new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      return "";
    }
    int common = Integer.MAX_VALUE;
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        common = Math.min(common, indentation(line));
      }
    }
    StringBuilder yaml = new StringBuilder(lines.get(0).stripLeading()).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      yaml.append(line.isBlank() ? "" : line.substring(common)).append('\n');
    }
    return yaml.toString();
  }

  private static int indentation(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
