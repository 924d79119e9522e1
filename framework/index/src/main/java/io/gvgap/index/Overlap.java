package io.gvgap.index;

/**
 * A training text that shares word n-grams with an evaluation prompt.
 *
 * @param trainIndex position of the training text
 * @param evalIndex position of the evaluation prompt
 * @param n the n-gram length used for this prompt (see {@link Decontamination})
 * @param sharedNgrams distinct n-grams the two share
 * @param example one shared n-gram, normalised, to show in a report
 */
public record Overlap(int trainIndex, int evalIndex, int n, int sharedNgrams, String example) {
}
