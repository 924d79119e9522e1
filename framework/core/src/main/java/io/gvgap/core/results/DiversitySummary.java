package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;
import java.util.List;

/**
 * Effective diversity of one model on one task, as written to a run's {@code diversity.json} and, per
 * round, to an improvement study's {@code rounds.json}; computed by {@code io.gvgap.index.Diversity}.
 * Means over no prompts are NaN (null in JSON).
 *
 * @param model the model's label
 * @param task the task's label
 * @param prompts number of prompts
 * @param meanDistinctSolutions mean over prompts of duplicate clusters among all samples
 * @param meanDistinctCorrectSolutions mean over prompts of duplicate clusters among correct samples
 * @param meanDistinctAnswers mean over prompts of distinct extracted final answers
 * @param meanDistinctCorrectAnswers mean over prompts of distinct correct final answers
 * @param perPrompt each prompt's counts
 */
public record DiversitySummary(
    String model,
    String task,
    int prompts,
    @NanAsNull double meanDistinctSolutions,
    @NanAsNull double meanDistinctCorrectSolutions,
    @NanAsNull double meanDistinctAnswers,
    @NanAsNull double meanDistinctCorrectAnswers,
    List<PromptDiversity> perPrompt) {

  /** Summarises one group's per-prompt diversity (means over prompts; NaN when there are none). */
  public static DiversitySummary of(String model, String task, List<PromptDiversity> perPrompt) {
    int n = perPrompt.size();
    double solutions = 0;
    double correctSolutions = 0;
    double answers = 0;
    double correctAnswers = 0;
    for (PromptDiversity p : perPrompt) {
      solutions += p.distinctSolutions();
      correctSolutions += p.distinctCorrectSolutions();
      answers += p.distinctAnswers();
      correctAnswers += p.distinctCorrectAnswers();
    }
    return new DiversitySummary(
        model,
        task,
        n,
        solutions / n,
        correctSolutions / n,
        answers / n,
        correctAnswers / n,
        List.copyOf(perPrompt));
  }
}
