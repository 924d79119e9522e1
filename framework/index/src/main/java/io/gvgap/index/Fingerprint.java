package io.gvgap.index;

import java.util.List;

/**
 * What deduplication knows about one text.
 *
 * @param normalised the text after {@link TextNormalizer#normalize(String)}
 * @param contentHash SHA-256 of {@code normalised}, the exact-duplicate key
 * @param shingles sorted, distinct 64-bit hashes of the shingles (the set whose Jaccard similarity
 *     decides near-duplicates; a 64-bit hash makes a collision between two shingles of one pair of
 *     texts about as likely as 1 in 10^15)
 * @param signatureTerms one MinHash term per bucket, each prefixed by its bucket number; empty for
 *     a text without shingles
 */
public record Fingerprint(String normalised, String contentHash, long[] shingles, List<String> signatureTerms) {

  /** Copies the terms. */
  public Fingerprint {
    signatureTerms = List.copyOf(signatureTerms);
  }
}
