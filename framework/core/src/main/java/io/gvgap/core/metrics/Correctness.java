package io.gvgap.core.metrics;

/**
 * The one definition of a "correct" sample used by pass@k, coverage, precision/recall of kept
 * samples and AUROC: a sample is correct when its utility is at least {@value #THRESHOLD}. For the
 * usual 0/1 utilities this is exactly "utility is 1"; for graded utilities (e.g. token F1) it means
 * "at least half right". Gap and accuracy use the utility itself, not this cut.
 */
public final class Correctness {

  /** The utility at and above which a sample counts as correct. */
  public static final double THRESHOLD = 0.5;

  private Correctness() {}

  /** Whether a sample with utility {@code u} is correct: {@code u >= 0.5}. */
  public static boolean isCorrect(double u) {
    return u >= THRESHOLD;
  }

  /** How many of the utilities count as correct. */
  public static int countCorrect(double[] utilities) {
    int c = 0;
    for (double u : utilities) {
      if (isCorrect(u)) {
        c++;
      }
    }
    return c;
  }
}
