package io.gvgap.core.pipeline;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.MetricsCalculator;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a run's metrics from its directory alone (no model): reads samples and scores, applies
 * each filter to each verifier's scores per example, and hands typed per-prompt data to
 * {@link MetricsCalculator}. The same code serves the end of a run and the re-rendering of reports.
 */
public final class RunMetricsCalculator {

  private final List<String> verifiers;
  private final List<LabeledFilter> filters;
  private final MetricsSettings settings;

  /**
   * @param verifiers verifier labels in report order
   * @param filters filters in report order
   * @param settings bootstrap and pass@k settings
   */
  public RunMetricsCalculator(List<String> verifiers, List<LabeledFilter> filters, MetricsSettings settings) {
    this.verifiers = List.copyOf(verifiers);
    this.filters = List.copyOf(filters);
    this.settings = settings;
  }

  /** Computes the metrics of the run in {@code runDir}. */
  public RunMetrics compute(Path runDir, String runName) {
    Map<String, Integer> position = new HashMap<>();
    JsonLinesReader.read(runDir.resolve(RunStore.EXAMPLES), ExampleRecord.class,
        e -> position.put(e.task() + "\u0000" + e.exampleId(), e.position()));
    Map<ExampleKey, List<SampleRecord>> samples = new LinkedHashMap<>();
    JsonLinesReader.read(runDir.resolve(RunStore.SAMPLES), SampleRecord.class,
        s -> samples.computeIfAbsent(s.exampleKey(), k -> new ArrayList<>()).add(s));
    Map<ExampleKey, Map<String, List<SampleScore>>> scores = new HashMap<>();
    JsonLinesReader.read(runDir.resolve(RunStore.SCORES), ScoreRecord.class,
        r -> scores.computeIfAbsent(r.exampleKey(), k -> new HashMap<>()).put(r.verifier(), r.scores()));

    Map<String, List<ExampleKey>> groups = new LinkedHashMap<>();
    for (ExampleKey key : samples.keySet()) {
      groups.computeIfAbsent(key.model() + "\u0000" + key.task(), g -> new ArrayList<>()).add(key);
    }
    int samplesPerExample = samples.values().stream().mapToInt(List::size).max().orElse(0);
    List<GroupResult> results = new ArrayList<>();
    boolean partial = false;
    for (List<ExampleKey> keys : groups.values()) {
      keys.sort((a, b) -> Integer.compare(position.getOrDefault(a.task() + "\u0000" + a.exampleId(), Integer.MAX_VALUE),
          position.getOrDefault(b.task() + "\u0000" + b.exampleId(), Integer.MAX_VALUE)));
      List<PromptData> prompts = new ArrayList<>();
      int incomplete = 0;
      for (ExampleKey key : keys) {
        PromptData data = promptData(key, samples.get(key), scores.getOrDefault(key, Map.of()), samplesPerExample);
        if (data == null) {
          incomplete++;
        } else {
          prompts.add(data);
        }
      }
      partial |= incomplete > 0;
      ExampleKey first = keys.get(0);
      GroupMetrics metrics = prompts.isEmpty() ? null : new MetricsCalculator(settings).compute(prompts);
      results.add(new GroupResult(first.model(), first.task(), incomplete, metrics));
    }
    return new RunMetrics(runName, partial, results);
  }

  /** Per-prompt data, or null when the example is incomplete. */
  private PromptData promptData(ExampleKey key, List<SampleRecord> records, Map<String, List<SampleScore>> byVerifier,
      int samplesPerExample) {
    if (records.size() < samplesPerExample) {
      return null;
    }
    Map<Integer, SampleRecord> sorted = new TreeMap<>();
    records.forEach(r -> sorted.put(r.sampleIndex(), r));
    int n = sorted.size();
    double[] utilities = new double[n];
    boolean[] found = new boolean[n];
    List<Answer> answers = new ArrayList<>(n);
    int i = 0;
    for (SampleRecord r : sorted.values()) {
      if (r.sampleIndex() != i) {
        return null;
      }
      utilities[i] = r.utility();
      found[i] = r.answerFound();
      answers.add(r.answerFound() ? Answer.of(r.answer()) : Answer.none());
      i++;
    }
    Map<String, double[]> scoreArrays = new LinkedHashMap<>();
    for (String verifier : verifiers) {
      List<SampleScore> list = byVerifier.get(verifier);
      if (list == null || list.size() != n) {
        return null;
      }
      double[] values = new double[n];
      for (SampleScore s : list) {
        values[s.sampleIndex()] = s.valueOrNaN();
      }
      scoreArrays.put(verifier, values);
    }
    Map<StrategyKey, double[]> weights = new LinkedHashMap<>();
    for (String verifier : verifiers) {
      for (LabeledFilter f : filters) {
        double[] scoreCopy = scoreArrays.get(verifier).clone();
        double[] w = f.filter().weights(scoreCopy,
            new FilterContext(key.exampleId(), answers, settings.seed()));
        checkWeights(f.label(), verifier, key, scoreArrays.get(verifier), w);
        weights.put(new StrategyKey(verifier, f.label()), w);
      }
    }
    return new PromptData(key.exampleId(), utilities, found, scoreArrays, weights);
  }

  private static void checkWeights(String filter, String verifier, ExampleKey key, double[] scores, double[] w) {
    if (w == null || w.length != scores.length) {
      throw new PipelineException("filter '" + filter + "' returned " + (w == null ? "null" : w.length + " weights")
          + " for " + scores.length + " samples of '" + key.exampleId() + "' (verifier '" + verifier + "')");
    }
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new PipelineException("filter '" + filter + "' gave weight " + w[i] + " to sample " + i + " of '"
            + key.exampleId() + "'; weights must be finite and >= 0");
      }
      if (Double.isNaN(scores[i]) && w[i] > 0) {
        throw new PipelineException("filter '" + filter + "' kept sample " + i + " of '" + key.exampleId()
            + "' which verifier '" + verifier + "' could not score; unscored samples must get weight 0");
      }
    }
  }
}
