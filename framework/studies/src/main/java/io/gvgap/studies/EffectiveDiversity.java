package io.gvgap.studies;

import io.gvgap.core.metrics.NanAsNull;
import io.gvgap.core.store.SampleRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Effective diversity of a round's samples, the quantity whose fall explains saturation over rounds:
 * per prompt, the number of distinct correct solutions (correct samples counted once per
 * {@link ExactDuplicateRemover#normalise normalised text}) and of distinct answers, averaged over prompts.
 *
 * @param prompts prompts averaged over
 * @param distinctCorrectSolutions mean over prompts of distinct correct solutions (utility 1)
 * @param distinctAnswers mean over prompts of distinct extracted answers (correct or not; none not counted)
 * @param distinctSolutions mean over prompts of distinct sample texts
 */
public record EffectiveDiversity(int prompts, @NanAsNull double distinctCorrectSolutions,
    @NanAsNull double distinctAnswers, @NanAsNull double distinctSolutions) {

  /** Measures the samples of a run's task, grouped by example. */
  public static EffectiveDiversity of(RunDirectoryContents run) {
    int prompts = 0;
    long correct = 0;
    long answers = 0;
    long texts = 0;
    for (List<SampleRecord> samples : run.samples().values()) {
      Set<String> correctTexts = new HashSet<>();
      Set<String> answerSet = new HashSet<>();
      Set<String> allTexts = new HashSet<>();
      for (SampleRecord s : samples) {
        String text = ExactDuplicateRemover.normalise(s.text());
        allTexts.add(text);
        if (s.utility() >= 1.0) {
          correctTexts.add(text);
        }
        if (s.answerFound()) {
          answerSet.add(s.answer());
        }
      }
      prompts++;
      correct += correctTexts.size();
      answers += answerSet.size();
      texts += allTexts.size();
    }
    if (prompts == 0) {
      return new EffectiveDiversity(0, Double.NaN, Double.NaN, Double.NaN);
    }
    return new EffectiveDiversity(prompts, (double) correct / prompts, (double) answers / prompts,
        (double) texts / prompts);
  }
}
