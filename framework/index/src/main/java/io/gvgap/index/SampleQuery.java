package io.gvgap.index;

import io.gvgap.core.store.ExampleKey;

/**
 * What to look for in a {@link SampleIndex}; every criterion left null matches everything, the
 * given ones must all hold. Build it from {@link #all()} with the {@code with...} methods.
 *
 * @param text full-text query over the completion (Lucene query syntax, default operator AND,
 *     standard analyzer: {@code "half as many"}, {@code clips AND may}, {@code 4?})
 * @param answer exact normalised final answer
 * @param utilityMin lowest utility, inclusive
 * @param utilityMax highest utility, inclusive
 * @param verifier verifier label whose score the score range applies to
 * @param scoreMin lowest score, inclusive
 * @param scoreMax highest score, inclusive
 * @param example one prompt (model, task, example id)
 * @param round one round
 */
public record SampleQuery(
    String text,
    String answer,
    Double utilityMin,
    Double utilityMax,
    String verifier,
    Double scoreMin,
    Double scoreMax,
    ExampleKey example,
    Integer round) {

  /** Validates that ranges are ordered and a score range names its verifier. */
  public SampleQuery {
    if (utilityMin != null && utilityMax != null && utilityMin > utilityMax) {
      throw new IllegalArgumentException(
          "utility range [" + utilityMin + ", " + utilityMax + "] is empty");
    }
    if (scoreMin != null && scoreMax != null && scoreMin > scoreMax) {
      throw new IllegalArgumentException(
          "score range [" + scoreMin + ", " + scoreMax + "] is empty");
    }
    if ((scoreMin != null || scoreMax != null) && verifier == null) {
      throw new IllegalArgumentException(
          "a score range needs the verifier label whose scores it filters");
    }
  }

  /** Matches every sample. */
  public static SampleQuery all() {
    return new SampleQuery(null, null, null, null, null, null, null, null, null);
  }

  /** Adds a full-text query. */
  public SampleQuery withText(String query) {
    return new SampleQuery(
        query, answer, utilityMin, utilityMax, verifier, scoreMin, scoreMax, example, round);
  }

  /** Adds an exact answer. */
  public SampleQuery withAnswer(String exactAnswer) {
    return new SampleQuery(
        text, exactAnswer, utilityMin, utilityMax, verifier, scoreMin, scoreMax, example, round);
  }

  /** Adds an inclusive utility range. */
  public SampleQuery withUtility(double min, double max) {
    return new SampleQuery(text, answer, min, max, verifier, scoreMin, scoreMax, example, round);
  }

  /** Adds an inclusive score range for one verifier (samples without its score do not match). */
  public SampleQuery withScore(String verifierLabel, double min, double max) {
    return new SampleQuery(
        text, answer, utilityMin, utilityMax, verifierLabel, min, max, example, round);
  }

  /** Restricts to one prompt. */
  public SampleQuery forExample(ExampleKey key) {
    return new SampleQuery(
        text, answer, utilityMin, utilityMax, verifier, scoreMin, scoreMax, key, round);
  }

  /** Restricts to one round. */
  public SampleQuery inRound(int roundNumber) {
    return new SampleQuery(
        text, answer, utilityMin, utilityMax, verifier, scoreMin, scoreMax, example, roundNumber);
  }
}
