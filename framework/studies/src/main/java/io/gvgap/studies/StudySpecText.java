package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gvgap.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A study spec is a run spec plus one top-level section of its own ({@code improve:} or
 * {@code scaling:}). This splits the text in two without moving any line: the run part keeps the
 * study section's lines blank, so that the run spec loader's errors name the right lines, and the
 * study section is read on its own with the lines of its keys kept for error messages.
 */
public final class StudySpecText {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final Path file;
  private final String key;
  private final String runText;
  private final JsonNode section;
  private final List<String> lines;
  private final int firstLine;
  private final int lastLine;

  private StudySpecText(Path file, String key, String runText, JsonNode section, List<String> lines, int firstLine,
      int lastLine) {
    this.file = file;
    this.key = key;
    this.runText = runText;
    this.section = section;
    this.lines = lines;
    this.firstLine = firstLine;
    this.lastLine = lastLine;
  }

  /** Splits {@code text} (the content of {@code file}) at the top-level key {@code key}. */
  public static StudySpecText split(Path file, String text, String key) {
    List<String> lines = List.of(text.split("\r?\n", -1));
    Pattern start = Pattern.compile("^" + Pattern.quote(key) + "\\s*:.*");
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (first < 0) {
        if (start.matcher(line).matches()) {
          first = i;
          last = i;
        }
      } else if (line.isEmpty() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith("#")) {
        if (!line.isBlank() && !line.strip().startsWith("#")) {
          last = i;
        }
      } else {
        break;
      }
    }
    StringBuilder run = new StringBuilder();
    StringBuilder study = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      boolean inSection = first >= 0 && i >= first && i <= last;
      run.append(inSection ? "" : lines.get(i)).append('\n');
      study.append(inSection ? lines.get(i) : "").append('\n');
    }
    JsonNode section = null;
    if (first >= 0) {
      try {
        JsonNode root = YAML.readTree(study.toString());
        section = root == null ? null : root.get(key);
      } catch (IOException e) {
        throw new SpecException(file, first + 1, 1, key, "the '" + key + "' section is not valid YAML: "
            + e.getMessage().lines().findFirst().orElse(""), e);
      }
    }
    return new StudySpecText(file, key, run.toString(), section, lines, first, last);
  }

  /** The run spec part (the study section's lines left blank). */
  public String runText() {
    return runText;
  }

  /** The study section, or null when the file has none (or it is empty). */
  public JsonNode section() {
    return section == null || section.isNull() ? null : section;
  }

  /** An error at the line of {@code field} inside the section (its first line when not found). */
  public SpecException error(String field, String problem) {
    String leaf = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
    Pattern keyPattern = Pattern.compile("(^|[\\s{,])" + Pattern.quote(leaf) + "\\s*:");
    int line = Math.max(firstLine, 0);
    for (int i = Math.max(firstLine, 0); firstLine >= 0 && i <= lastLine; i++) {
      if (keyPattern.matcher(lines.get(i)).find() && i != firstLine) {
        line = i;
        break;
      }
    }
    return new SpecException(file, line + 1, 1, key + "." + field, problem, null);
  }

  /** The section's keys that are not in {@code allowed}. */
  public List<String> unknownKeys(JsonNode node, List<String> allowed) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    });
    return unknown;
  }
}
