package io.gvgap.core.registry;

import io.gvgap.api.Internal;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the candidate a misspelt name most likely meant ("did you mean ...?"), by Levenshtein
 * distance extended with adjacent transpositions (the commonest typo, {@code sampels}, costs one
 * edit rather than two). Case, hyphens and underscores are ignored first, so {@code top-p}, {@code topP} and
 * {@code top_p} all match each other exactly.
 */
@Internal
public final class NearestName {

  private NearestName() {}

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
      int distance = Math.min(
          editDistance(given, candidate), editDistance(normalize(given), normalize(candidate)));
      int allowed = Math.max(1, Math.max(given.length(), candidate.length()) / 3);
      if (distance <= allowed && distance < bestDistance && !candidate.equals(given)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The edit distance between two strings where an insertion, deletion, substitution or swap of two
   * adjacent characters each cost 1 (Levenshtein with transpositions, "optimal string alignment").
   */
  public static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }
}
