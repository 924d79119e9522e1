package io.gvgap.index;

/**
 * Two input positions confirmed as near-duplicates (or exact duplicates, Jaccard 1).
 *
 * @param first the lower position
 * @param second the higher position
 * @param jaccard the exact Jaccard similarity of their shingle sets
 */
public record DuplicatePair(int first, int second, double jaccard) {}
