package io.gvgap.index;

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
 * per prompt, and its mean per round (iterative self-improvement saturates as this falls).
 *
 * <p>A sample is correct when its utility is at least {@link #CORRECT_UTILITY} (1 = correct final
 * answer) unless another level is given. Distinct solutions are duplicate clusters
 * ({@link DuplicateDetector}); correct samples are clustered among themselves. Distinct answers
 * compare the task's normalised answers exactly.
 */
public final class Diversity {

  /** Default utility at or above which a sample counts as correct. */
  public static final double CORRECT_UTILITY = 1.0;

  private Diversity() {
  }

  /** Diversity of each prompt in {@code samples}, in order of first appearance, correct at utility 1. */
  public static List<PromptDiversity> perPrompt(List<SampleRecord> samples, DuplicateDetector detector) {
    return perPrompt(samples, detector, CORRECT_UTILITY);
  }

  /** Diversity of each prompt, counting a sample correct at {@code utility >= correctUtility}. */
  public static List<PromptDiversity> perPrompt(List<SampleRecord> samples, DuplicateDetector detector,
      double correctUtility) {
    Map<ExampleKey, List<SampleRecord>> byPrompt = new LinkedHashMap<>();
    for (SampleRecord sample : samples) {
      byPrompt.computeIfAbsent(sample.exampleKey(), key -> new ArrayList<>()).add(sample);
    }
    List<PromptDiversity> result = new ArrayList<>(byPrompt.size());
    for (Map.Entry<ExampleKey, List<SampleRecord>> prompt : byPrompt.entrySet()) {
      List<SampleRecord> all = prompt.getValue();
      List<SampleRecord> correct = all.stream().filter(s -> s.utility() >= correctUtility).toList();
      result.add(new PromptDiversity(prompt.getKey(), all.size(), correct.size(), detector.clusters(all).size(),
          detector.clusters(correct).size(), distinctAnswers(all), distinctAnswers(correct)));
    }
    return result;
  }

  /** Per-round means; {@code samplesByRound} maps each round to all its samples. */
  public static List<RoundDiversity> perRound(Map<Integer, List<SampleRecord>> samplesByRound,
      DuplicateDetector detector) {
    List<RoundDiversity> result = new ArrayList<>();
    samplesByRound.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(round -> {
      List<PromptDiversity> prompts = perPrompt(round.getValue(), detector);
      double solutions = 0;
      double correctSolutions = 0;
      double answers = 0;
      int covered = 0;
      for (PromptDiversity prompt : prompts) {
        solutions += prompt.distinctSolutions();
        correctSolutions += prompt.distinctCorrectSolutions();
        answers += prompt.distinctAnswers();
        covered += prompt.correctSamples() > 0 ? 1 : 0;
      }
      int n = prompts.size();
      result.add(new RoundDiversity(round.getKey(), n, round.getValue().size(), n == 0 ? 0 : solutions / n,
          n == 0 ? 0 : correctSolutions / n, n == 0 ? 0 : answers / n, covered));
    });
    return result;
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
