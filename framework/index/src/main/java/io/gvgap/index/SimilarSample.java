package io.gvgap.index;

/**
 * A sample found as a near-duplicate of a given text.
 *
 * @param sample the sample
 * @param jaccard exact Jaccard similarity of its shingle set with the given text's
 */
public record SimilarSample(IndexedSample sample, double jaccard) {}
