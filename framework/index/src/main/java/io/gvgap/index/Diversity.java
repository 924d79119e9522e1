package io.gvgap.index;

import io.gvgap.core.results.DiversitySummary;
import io.gvgap.core.results.PromptDiversity;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Effective diversity: how many genuinely different solutions and final answers a model produces
 * per prompt, and its mean over prompts (iterative self-improvement saturates as this falls). This is
 * the one definition: a run's {@code diversity.json} and an improvement study's rounds both use it.
 *
 * <p>A sample is correct when its utility is at least {@link #CORRECT_UTILITY} (1 = correct final
 * answer) unless another level is given. Distinct solutions are duplicate clusters
 * ({@link DuplicateDetector}); correct samples are clustered among themselves. Distinct answers
 * compare the task's normalised answers exactly.
 */
public final class Diversity {

  /** Default utility at or above which a sample counts as correct. */
  public static final double CORRECT_UTILITY = 1.0;

  private Diversity() {}

  /** Diversity of each prompt in {@code samples}, in order of first appearance, correct at utility 1. */
  public static List<PromptDiversity> perPrompt(
      List<SampleRecord> samples, DuplicateDetector detector) {
    return perPrompt(samples, detector, CORRECT_UTILITY);
  }

  /** Diversity of each prompt, counting a sample correct at {@code utility >= correctUtility}. */
  public static List<PromptDiversity> perPrompt(
      List<SampleRecord> samples, DuplicateDetector detector, double correctUtility) {
    Map<ExampleKey, List<SampleRecord>> byPrompt = new LinkedHashMap<>();
    for (SampleRecord sample : samples) {
      byPrompt.computeIfAbsent(sample.exampleKey(), key -> new ArrayList<>()).add(sample);
    }
    List<PromptDiversity> result = new ArrayList<>(byPrompt.size());
    for (Map.Entry<ExampleKey, List<SampleRecord>> prompt : byPrompt.entrySet()) {
      List<SampleRecord> all = prompt.getValue();
      List<SampleRecord> correct =
          all.stream().filter(s -> s.utility() >= correctUtility).toList();
      result.add(new PromptDiversity(
          prompt.getKey(),
          all.size(),
          correct.size(),
          detector.clusters(all).size(),
          detector.clusters(correct).size(),
          distinctAnswers(all),
          distinctAnswers(correct)));
    }
    return result;
  }

  /**
   * The summary of one model on one task (means over prompts), as in {@code diversity.json} and
   * {@code rounds.json}: the one definition of effective diversity that every report shows.
   */
  public static DiversitySummary summary(
      String model, String task, List<SampleRecord> samples, DuplicateDetector detector) {
    return DiversitySummary.of(model, task, perPrompt(samples, detector));
  }

  private static int distinctAnswers(List<SampleRecord> samples) {
    Set<String> answers = new HashSet<>();
    for (SampleRecord sample : samples) {
      if (sample.answer() != null) {
        answers.add(sample.answer());
      }
    }
    return answers.size();
  }
}
