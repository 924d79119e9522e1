package io.gvgap.core.results;

import io.gvgap.core.store.ExampleKey;

/**
 * Effective diversity of one prompt's samples.
 *
 * @param example the prompt
 * @param samples samples generated
 * @param correctSamples samples whose utility reaches the correctness level
 * @param distinctSolutions duplicate clusters among all samples
 * @param distinctCorrectSolutions duplicate clusters among the correct samples
 * @param distinctAnswers distinct extracted final answers (samples without an answer not counted)
 * @param distinctCorrectAnswers distinct final answers among the correct samples
 */
public record PromptDiversity(
    ExampleKey example,
    int samples,
    int correctSamples,
    int distinctSolutions,
    int distinctCorrectSolutions,
    int distinctAnswers,
    int distinctCorrectAnswers) {}
