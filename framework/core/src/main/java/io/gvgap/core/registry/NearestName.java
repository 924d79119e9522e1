package io.gvgap.core.registry;

import io.gvgap.api.Internal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the candidate a misspelt name most likely meant ("did you mean ...?"), by Levenshtein
 * distance. Case, hyphens and underscores are ignored first, so {@code top-p}, {@code topP} and
 * {@code top_p} all match each other exactly.
 */
@Internal
public final class NearestName {

  private NearestName() {
  }

  /**
   * The closest candidate, or empty when none is close: a candidate qualifies when its distance is
   * at most a third of the longer name's length (at least 1), so short names do not match anything.
   * Ties go to the candidate that comes first in iteration order (sorted input gives sorted ties).
   */
  public static Optional<String> find(String given, Collection<String> candidates) {
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = Math.min(levenshtein(given, candidate), levenshtein(normalize(given), normalize(candidate)));
      int allowed = Math.max(1, Math.max(given.length(), candidate.length()) / 3);
      if (distance <= allowed && distance < bestDistance && !candidate.equals(given)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The edit distance (insertions, deletions, substitutions, each costing 1) between two strings. */
  public static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }
}
