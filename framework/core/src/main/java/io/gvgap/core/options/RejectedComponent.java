package io.gvgap.core.options;

import io.gvgap.api.Internal;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The component of a record that a constructor's rejection is about, read from its message: the
 * first word that is a component's name or its snake_case key ({@code "tau must be in [0, 1]"},
 * {@code "pass_at_k[2] must be >= 1"}), with a list position when one follows it. Options records
 * and the run spec's sections both report a rejected value at that field.
 *
 * @param path the key (and position) below the record; empty when the message names no component
 * @param problem the message, without the component's name when it starts with it
 *     ({@code "alpha: must be ..."} reads well once the path is in front)
 */
@Internal
public record RejectedComponent(List<Object> path, String problem) {

  /** Copies the path. */
  public RejectedComponent {
    path = List.copyOf(path);
  }

  /**
   * Finds the component {@code message} names; a record with one component needs no name.
   *
   * @param record the record whose constructor threw
   * @param message the exception's message
   */
  public static RejectedComponent of(Class<?> record, String message) {
    RecordComponent[] components = record.getRecordComponents();
    int start = 0;
    while (start < message.length()) {
      int end = start;
      while (end < message.length()
          && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
        end++;
      }
      String word = message.substring(start, end);
      for (RecordComponent component : end > start ? components : new RecordComponent[0]) {
        String key = OptionKeys.keyOf(component.getName());
        if (word.equals(component.getName()) || word.equals(key)) {
          return named(message, key, start, end);
        }
      }
      start = Math.max(end, start + 1);
    }
    if (components.length == 1) {
      return new RejectedComponent(List.of(OptionKeys.keyOf(components[0].getName())), message);
    }
    return new RejectedComponent(List.of(), message);
  }

  private static RejectedComponent named(String message, String key, int start, int end) {
    List<Object> path = new ArrayList<>(List.of(key));
    int close = message.indexOf(']', end);
    if (end < message.length()
        && message.charAt(end) == '['
        && close > end + 1
        && message.substring(end + 1, close).chars().allMatch(Character::isDigit)) {
      path.add(Integer.parseInt(message.substring(end + 1, close)));
      end = close + 1;
    }
    String problem = message;
    if (start == 0) {
      String rest = message.substring(end).replaceFirst("^\\s*:?\\s*", "");
      problem = rest.isEmpty() ? message : rest;
    }
    return new RejectedComponent(path, problem);
  }
}
