package io.gvgap.core.pipeline;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import io.gvgap.core.metrics.MetricsCalculator;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.ResultGroup;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gap and pass@k against samples per prompt N, from one run, without generating again: at each N
 * every prompt keeps its FIRST N samples (indices 0..N-1). Sample i of a prompt is drawn from its
 * own seeded stream, independent of how many samples were asked for, so the first N samples of a
 * 64-sample run are exactly the samples a run with {@code samples: N} would have drawn; nested
 * prefixes also make neighbouring points differ only by the added samples.
 *
 * <p>Filters are applied again to the sub-sample (a quantile of 4 scores is not a quantile of 64).
 * Verifiers that score a sample alone (oracle, logprob, mc, cot-*, greedy-agreement) keep their
 * stored scores; verifiers whose score depends on the prompt's other samples must be scored again
 * on the sub-sample: the labels in {@code majorityLabels} (the built-in {@code majority}: the share
 * of the N samples with the same answer, 0 without an answer) are recomputed here, and any label in
 * {@code refused} (e.g. {@code tournament}, ensembles) is an error, since its stored scores would
 * silently describe the full set. Metrics come from {@link MetricsCalculator} with the run's
 * settings; pass@k values above N are dropped at that N.
 */
public final class SampleCurve {

  private final List<String> verifiers;
  private final List<LabeledFilter> filters;
  private final MetricsSettings settings;
  private final Set<String> majorityLabels;

  /**
   * @param verifiers verifier labels in report order
   * @param filters the run's filters, bound again from its spec
   * @param settings the run's metric settings
   * @param majorityLabels labels of {@code majority} verifiers, re-scored on each sub-sample
   * @param refused labels of verifiers whose scores depend on the whole sample set and cannot be
   *     recomputed without a model
   * @throws IllegalArgumentException when {@code verifiers} includes a refused label
   */
  public SampleCurve(
      List<String> verifiers,
      List<LabeledFilter> filters,
      MetricsSettings settings,
      Set<String> majorityLabels,
      Set<String> refused) {
    for (String verifier : verifiers) {
      if (refused.contains(verifier)) {
        throw new IllegalArgumentException("verifier '" + verifier
            + "' scores a sample against the prompt's other samples and calls a model (or combines"
            + " such scores), so its stored scores cannot be cut to N samples; leave it out of the"
            + " curve's run or run it again with samples: N");
      }
    }
    this.verifiers = List.copyOf(verifiers);
    this.filters = List.copyOf(filters);
    this.settings = settings;
    this.majorityLabels = Set.copyOf(majorityLabels);
  }

  /**
   * The curve's points for every N in {@code sizes} and every (model, task) group, in group then
   * N order; complete prompts with fewer than N samples (or an incomplete record) are left out at
   * that N.
   *
   * @param seed the run's seed, the filters' tie-breaking seed as in the run
   */
  public List<CurvePoint> compute(RunRecords records, List<Integer> sizes, long seed) {
    List<CurvePoint> points = new ArrayList<>();
    for (ResultGroup group : records.groups()) {
      for (int n : sizes) {
        if (n < 1) {
          throw new IllegalArgumentException("samples per prompt must be at least 1, was " + n);
        }
        List<PromptData> prompts = new ArrayList<>();
        Map<StrategyKey, double[]> asked = new LinkedHashMap<>();
        for (ExampleResults example : group.examples()) {
          PromptData data = promptData(example, n, seed, asked);
          if (data != null) {
            prompts.add(data);
          }
        }
        if (prompts.isEmpty()) {
          continue;
        }
        List<Integer> ks = settings.passAtK().stream().filter(k -> k <= n).toList();
        MetricsSettings atN = settings.withPassAtK(ks.isEmpty() ? List.of(1) : ks);
        points.add(new CurvePoint(
            group.model(),
            group.task(),
            n,
            prompts.size(),
            RunMetricsCalculator.withAskedFractions(
                new MetricsCalculator(atN).compute(prompts), fractions(asked))));
      }
    }
    return points;
  }

  /** The first n samples of one example as metric input, or null when it has fewer or lacks scores. */
  /** Asked count over samples per strategy; NaN where a filter keeps by score. */
  private static Map<StrategyKey, Double> fractions(Map<StrategyKey, double[]> asked) {
    Map<StrategyKey, Double> fractions = new LinkedHashMap<>();
    asked.forEach((key, sums) -> fractions.put(key, sums[1] > 0 ? sums[0] / sums[1] : Double.NaN));
    return fractions;
  }

  private PromptData promptData(
      ExampleResults example, int n, long seed, Map<StrategyKey, double[]> asked) {
    List<SampleRecord> all = example.samples();
    if (all.size() < n || !example.hasAllSamples(all.size())) {
      return null;
    }
    double[] utilities = new double[n];
    boolean[] found = new boolean[n];
    List<Answer> answers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SampleRecord sample = all.get(i);
      if (sample.sampleIndex() != i) {
        return null;
      }
      utilities[i] = sample.utility();
      found[i] = sample.answerFound();
      answers.add(sample.answerFound() ? Answer.of(sample.answer()) : Answer.none());
    }
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (String verifier : verifiers) {
      double[] values;
      if (majorityLabels.contains(verifier)) {
        values = majority(answers);
      } else {
        List<SampleScore> stored = example.scores(verifier);
        if (stored == null || stored.size() != all.size()) {
          return null;
        }
        values = new double[n];
        for (SampleScore s : stored) {
          if (s.sampleIndex() < n) {
            values[s.sampleIndex()] = s.valueOrNaN();
          }
        }
      }
      scores.put(verifier, values);
    }
    Map<StrategyKey, double[]> weights = new LinkedHashMap<>();
    String id = example.key().exampleId();
    for (String verifier : verifiers) {
      for (LabeledFilter filter : filters) {
        double[] values = scores.get(verifier);
        double[] w = filter.filter().weights(values.clone(), new FilterContext(id, answers, seed));
        if (w == null || w.length != n) {
          throw new PipelineException("filter '" + filter.label() + "' returned "
              + (w == null ? "null" : w.length + " weights") + " for " + n + " samples of '" + id
              + "'");
        }
        weights.put(new StrategyKey(verifier, filter.label()), w);
        java.util.OptionalInt count = filter.filter().askedCount(values.clone());
        double[] sums =
            asked.computeIfAbsent(new StrategyKey(verifier, filter.label()), k -> new double[2]);
        sums[0] += count.isPresent() ? count.getAsInt() : Double.NaN;
        sums[1] += n;
      }
    }
    return new PromptData(id, utilities, found, scores, weights);
  }

  /** The built-in {@code majority} score on a sub-sample: the share of its samples with the answer. */
  static double[] majority(List<Answer> answers) {
    Map<String, Integer> votes = new HashMap<>();
    for (Answer answer : answers) {
      if (answer.found()) {
        votes.merge(answer.value(), 1, Integer::sum);
      }
    }
    double[] values = new double[answers.size()];
    for (int i = 0; i < values.length; i++) {
      Answer answer = answers.get(i);
      values[i] = answer.found() ? (double) votes.get(answer.value()) / values.length : 0;
    }
    return values;
  }
}
