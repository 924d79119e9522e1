package io.gvgap.models;

/**
 * The rule by which the pre-training corpora spread a share of documents of one kind evenly over
 * positions: position i holds one when floor((i + 1)·share) > floor(i·share).
 */
final class ShareSlots {

  private ShareSlots() {}

  /** Whether position {@code index} holds a document of the kind with this share. */
  static boolean isSlot(int index, double share) {
    return Math.floor((index + 1) * share) > Math.floor(index * share);
  }

  /** How many of positions 0 to {@code positions - 1} hold a document of the kind with this share. */
  static int count(int positions, double share) {
    int count = 0;
    for (int i = 0; i < positions; i++) {
      if (isSlot(i, share)) {
        count++;
      }
    }
    return count;
  }
}
