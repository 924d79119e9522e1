package io.gvgap.index;

import java.util.Objects;

/**
 * Settings of near-duplicate detection.
 *
 * <p>Two texts are near-duplicates when the Jaccard similarity of their shingle sets is at least
 * {@code jaccardThreshold}. Candidates are found first through MinHash signatures of
 * {@code signatureBuckets} buckets (Lucene's {@code MinHashFilter}, one hash, rotation for empty
 * buckets): a pair is a candidate when at least {@code ceil(candidateSimilarity * buckets)} buckets
 * agree. Each bucket agrees with probability about equal to the Jaccard similarity, so a candidate
 * level well below the threshold keeps recall high; every candidate is then confirmed with the
 * exact Jaccard similarity, so precision does not depend on it.
 *
 * @param unit words or characters
 * @param shingleSize words or characters per shingle (at least 1)
 * @param signatureBuckets MinHash buckets per signature (1 to 1024)
 * @param candidateSimilarity fraction of agreeing buckets that makes a candidate, in (0, 1]
 * @param jaccardThreshold exact Jaccard similarity that confirms a near-duplicate, in (0, 1]
 */
public record DedupConfig(
    ShingleUnit unit,
    int shingleSize,
    int signatureBuckets,
    double candidateSimilarity,
    double jaccardThreshold) {

  /** Default shingles: 3 words. */
  public static final int DEFAULT_SHINGLE_SIZE = 3;
  /**
   * Default signature length: 64 buckets found the same pairs as 128 in the benchmark at 1.6 times
   * less CPU (seeking the signature terms dominates bulk dedup).
   */
  public static final int DEFAULT_BUCKETS = 64;
  /** Default candidate level (far below the threshold: with 64 buckets the estimate's sd at J = 0.8 is 0.05). */
  public static final double DEFAULT_CANDIDATE_SIMILARITY = 0.5;
  /** Default confirmation threshold. */
  public static final double DEFAULT_JACCARD_THRESHOLD = 0.8;

  /** Validates the settings. */
  public DedupConfig {
    Objects.requireNonNull(unit, "unit");
    if (shingleSize < 1) {
      throw new IllegalArgumentException("shingleSize must be at least 1, got " + shingleSize);
    }
    if (signatureBuckets < 1 || signatureBuckets > 1024) {
      throw new IllegalArgumentException(
          "signatureBuckets must be in [1, 1024] (Lucene's clause limit), got " + signatureBuckets);
    }
    if (!(candidateSimilarity > 0 && candidateSimilarity <= 1)) {
      throw new IllegalArgumentException(
          "candidateSimilarity must be in (0, 1], got " + candidateSimilarity);
    }
    if (!(jaccardThreshold > 0 && jaccardThreshold <= 1)) {
      throw new IllegalArgumentException(
          "jaccardThreshold must be in (0, 1], got " + jaccardThreshold);
    }
  }

  /** 3-word shingles, 64 buckets, candidates at 0.5, near-duplicates at Jaccard 0.8. */
  public static DedupConfig defaults() {
    return new DedupConfig(
        ShingleUnit.WORD,
        DEFAULT_SHINGLE_SIZE,
        DEFAULT_BUCKETS,
        DEFAULT_CANDIDATE_SIMILARITY,
        DEFAULT_JACCARD_THRESHOLD);
  }

  /** A copy with another confirmation threshold. */
  public DedupConfig withJaccardThreshold(double threshold) {
    return new DedupConfig(unit, shingleSize, signatureBuckets, candidateSimilarity, threshold);
  }

  /** A copy with other shingles. */
  public DedupConfig withShingles(ShingleUnit newUnit, int newSize) {
    return new DedupConfig(
        newUnit, newSize, signatureBuckets, candidateSimilarity, jaccardThreshold);
  }

  /** Agreeing buckets that make a pair a candidate. */
  public int minimumAgreeingBuckets() {
    return Math.max(1, (int) Math.ceil(candidateSimilarity * signatureBuckets - 1e-9));
  }

  /** What determines the signature terms; an index built with one key cannot be searched with another. */
  String signatureKey() {
    return unit + ":" + shingleSize + ":" + signatureBuckets;
  }
}
