package io.gvgap.studies;

/**
 * A sample that a (verifier, filter) strategy kept: it goes into the next round's SFT set.
 *
 * @param exampleId the example it answers
 * @param sampleIndex its index among the example's samples
 * @param prompt the generation prompt the model saw
 * @param response the model's completion (untrusted text)
 * @param weight the filter's weight, {@code > 0}
 * @param utility the ground-truth utility, recorded to measure the SFT set's accuracy; never used to select
 */
public record KeptSample(
    String exampleId,
    int sampleIndex,
    String prompt,
    String response,
    double weight,
    double utility) {}
