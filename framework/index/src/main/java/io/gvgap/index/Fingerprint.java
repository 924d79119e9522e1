package io.gvgap.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * What deduplication knows about one text.
 *
 * @param normalised the text after {@link TextNormalizer#normalize(String)}
 * @param contentHash SHA-256 of {@code normalised}, the exact-duplicate key
 * @param shingles sorted, distinct 64-bit hashes of the shingles (the set whose Jaccard similarity
 *     decides near-duplicates; a 64-bit hash makes a collision between two shingles of one pair of
 *     texts about as likely as 1 in 10^15)
 * @param signature the MinHash signature: per bucket, the top 64 bits of the bucket's minimum hash
 *     ({@code MinHashFilter}, empty buckets filled by rotation); empty for a text without shingles
 */
public record Fingerprint(
    String normalised, String contentHash, long[] shingles, long[] signature) {

  /**
   * The signature as index terms: bucket number (2 bytes, big-endian) then the value (8 bytes), so
   * a term matches only the same bucket's minimum. Binary, because hex text terms made Lucene's
   * term dictionary compress and decompress every block.
   */
  public List<BytesRef> signatureTerms() {
    List<BytesRef> terms = new ArrayList<>(signature.length);
    for (int bucket = 0; bucket < signature.length; bucket++) {
      byte[] bytes = new byte[10];
      bytes[0] = (byte) (bucket >>> 8);
      bytes[1] = (byte) bucket;
      long value = signature[bucket];
      for (int i = 0; i < 8; i++) {
        bytes[2 + i] = (byte) (value >>> (56 - 8 * i));
      }
      terms.add(new BytesRef(bytes));
    }
    return terms;
  }

  /** Buckets on which two signatures agree (the MinHash estimate of Jaccard is this over the length). */
  public int agreeingBuckets(Fingerprint other) {
    int agree = 0;
    for (int i = 0; i < Math.min(signature.length, other.signature.length); i++) {
      agree += signature[i] == other.signature[i] ? 1 : 0;
    }
    return agree;
  }
}
