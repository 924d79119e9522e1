package io.gvgap.index;

import java.util.List;

/**
 * Items whose texts are exact or near-duplicates of each other (connected through confirmed pairs,
 * so two members may be less similar than the threshold when a third links them).
 *
 * @param representative the member that stands for the cluster (the preferred one, see
 *     {@link DuplicateDetector})
 * @param members all members, the representative included, in input order
 * @param positions each member's position in the input list, in the same order
 * @param <T> the item type
 */
public record DuplicateCluster<T>(T representative, List<T> members, List<Integer> positions) {

  /** Copies the lists. */
  public DuplicateCluster {
    members = List.copyOf(members);
    positions = List.copyOf(positions);
  }

  /** Members, the representative included. */
  public int size() {
    return members.size();
  }

  /** Members that deduplication removes (all but the representative). */
  public int duplicates() {
    return members.size() - 1;
  }
}
