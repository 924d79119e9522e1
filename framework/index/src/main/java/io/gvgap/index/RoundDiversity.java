package io.gvgap.index;

/**
 * Effective diversity of one round, averaged over its prompts (each prompt counts once).
 *
 * @param round the round
 * @param prompts prompts in the round
 * @param samples samples in the round
 * @param meanDistinctSolutions mean over prompts of {@link PromptDiversity#distinctSolutions()}
 * @param meanDistinctCorrectSolutions mean over prompts of {@link PromptDiversity#distinctCorrectSolutions()}
 * @param meanDistinctAnswers mean over prompts of {@link PromptDiversity#distinctAnswers()}
 * @param promptsWithACorrectSolution prompts with at least one correct sample (oracle coverage count)
 */
public record RoundDiversity(int round, int prompts, int samples, double meanDistinctSolutions,
    double meanDistinctCorrectSolutions, double meanDistinctAnswers, int promptsWithACorrectSolution) {
}
