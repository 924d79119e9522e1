package io.gvgap.studies;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.task.Answer;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects the samples a (verifier, filter) strategy keeps: per example, the filter turns the
 * verifier's scores into weights exactly as the run's metrics do, and every sample with weight
 * {@code > 0} is kept. Ground truth plays no part in the choice (this is self-improvement); an
 * example whose samples or scores are incomplete is skipped.
 */
public final class KeptSampleSelector {

  private final String verifier;
  private final FilterStrategy filter;
  private final long seed;

  /**
   * @param verifier the verifier label whose scores are filtered
   * @param filter the filter strategy
   * @param seed the run's seed (the filter context's seed, as in the run's metrics)
   */
  public KeptSampleSelector(String verifier, FilterStrategy filter, long seed) {
    this.verifier = verifier;
    this.filter = filter;
    this.seed = seed;
  }

  /** The kept samples, in example order then sample index. */
  public List<KeptSample> select(RunDirectoryContents run) {
    List<KeptSample> kept = new ArrayList<>();
    var byExample = run.scores().get(verifier);
    if (byExample == null) {
      throw new IllegalArgumentException("the run has no scores of verifier '" + verifier + "'; verifiers scored: "
          + run.scores().keySet());
    }
    for (ExampleRecord example : run.examples()) {
      List<SampleRecord> samples = run.samples().get(example.exampleId());
      List<SampleScore> scores = byExample.get(example.exampleId());
      if (samples == null || scores == null || scores.size() != samples.size()) {
        continue;
      }
      int n = samples.size();
      double[] values = new double[n];
      List<Answer> answers = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values[i] = scores.get(i).valueOrNaN();
        SampleRecord s = samples.get(i);
        answers.add(s.answerFound() ? Answer.of(s.answer()) : Answer.none());
      }
      double[] weights = filter.weights(values, new FilterContext(example.exampleId(), answers, seed));
      for (int i = 0; i < n; i++) {
        if (weights[i] > 0) {
          SampleRecord s = samples.get(i);
          kept.add(new KeptSample(example.exampleId(), s.sampleIndex(), example.prompt(), s.text(), weights[i],
              s.utility()));
        }
      }
    }
    return kept;
  }
}
