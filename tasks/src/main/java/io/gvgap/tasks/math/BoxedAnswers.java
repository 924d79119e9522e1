package io.gvgap.tasks.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer of a MATH-style solution: the content of the last {@code \boxed{...}} (or
 * {@code \fbox{...}}), braces nested to any depth; {@code \boxed 5} without braces; else the text
 * after "The final answer is".
 */
public final class BoxedAnswers {

  private static final Pattern BOX = Pattern.compile("\\\\(?:boxed|fbox)(?![a-zA-Z])");
  private static final Pattern FINAL_ANSWER = Pattern.compile(
      "(?i)final answer is[:\\s]*\\$?([^$\\n]+?)\\$?\\s*(?:\\.\\s*(?:I hope it is correct\\.?)?)?\\s*$",
      Pattern.MULTILINE);

  private BoxedAnswers() {}

  /**
   * The final answer's LaTeX, or empty when the text has none: the last box that closes (a box left
   * open after it, such as a {@code \boxed} whose brace never closes at the end of a completion, does
   * not discard it); a text whose only boxes are open has none.
   */
  public static Optional<String> find(String text) {
    Matcher box = BOX.matcher(text);
    List<Integer> ends = new ArrayList<>();
    while (box.find()) {
      ends.add(box.end());
    }
    for (int i = ends.size() - 1; i >= 0; i--) {
      Optional<String> content = boxContent(text, ends.get(i));
      if (content.isPresent()) {
        return content;
      }
    }
    if (!ends.isEmpty()) {
      return Optional.empty();
    }
    Matcher stated = FINAL_ANSWER.matcher(text);
    String last = null;
    while (stated.find()) {
      last = stated.group(1).strip();
    }
    return Optional.ofNullable(last).filter(s -> !s.isEmpty());
  }

  /** The argument of a box whose command ends at {@code from}. */
  private static Optional<String> boxContent(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    if (i >= text.length()) {
      return Optional.empty();
    }
    if (text.charAt(i) != '{') {
      // "\boxed 5": the argument runs to the next space, dollar sign or end
      int end = i;
      while (end < text.length() && " $\n".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      return Optional.of(text.substring(i, end)).filter(s -> !s.isEmpty());
    }
    int depth = 0;
    for (int j = i; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\' && j + 1 < text.length()) {
        j++; // an escaped brace \{ or \} does not open or close a group
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return Optional.of(text.substring(i + 1, j));
      }
    }
    return Optional.empty();
  }
}
