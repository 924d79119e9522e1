package io.gvgap.index;

/** Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets given as sorted, distinct hashes. */
public final class Jaccard {

  private Jaccard() {}

  /**
   * The similarity of two sorted, distinct arrays; two empty sets are identical (1), an empty and
   * a non-empty set share nothing (0).
   */
  public static double similarity(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int shared = intersectionSize(a, b);
    return (double) shared / (a.length + b.length - shared);
  }

  /** The size of the intersection of two sorted, distinct arrays (one merge pass). */
  public static int intersectionSize(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /**
   * Whether {@code similarity(a, b) >= threshold}, deciding early when the set sizes alone rule it
   * out (J ≤ min/max), which is what makes the all-pairs baseline fair rather than naive.
   */
  public static boolean atLeast(long[] a, long[] b, double threshold) {
    int small = Math.min(a.length, b.length);
    int large = Math.max(a.length, b.length);
    if (large > 0 && (double) small / large < threshold) {
      return false;
    }
    return similarity(a, b) >= threshold;
  }
}
