package io.gvgap.verifiers;

/**
 * One pairwise judging prompt of a tournament match.
 *
 * @param id the generation request id, {@code <exampleId>#r<round>#<sampleA>v<sampleB>#ab} or
 *     {@code #ba} for the swapped order
 * @param prompt the full pairwise prompt
 * @param swapped whether the match's second sample is shown as answer A (the (B, A) order)
 */
record Judgement(String id, String prompt, boolean swapped) {}
