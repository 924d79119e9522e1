package io.gvgap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.MetricsCalculator;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.ResultGroup;
import io.gvgap.core.store.RunManifest;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Computes a run's metrics from its directory alone (no model, no plugin): reads each example's
 * samples, scores and the weights the filtering stage stored ({@code weights.jsonl}) through
 * {@link RunRecords}, and hands typed per-prompt data to {@link MetricsCalculator}. The same code
 * serves the end of a run and the re-rendering of reports.
 */
public final class RunMetricsCalculator {

  private final List<String> verifiers;
  private final List<String> filters;
  private final MetricsSettings settings;

  /**
   * @param verifiers verifier labels in report order
   * @param filters filter labels in report order
   * @param settings bootstrap and pass@k settings
   */
  public RunMetricsCalculator(
      List<String> verifiers, List<String> filters, MetricsSettings settings) {
    this.verifiers = List.copyOf(verifiers);
    this.filters = List.copyOf(filters);
    this.settings = settings;
  }

  /**
   * The calculator a run's own spec describes (its verifier and filter labels, seed and metric
   * settings), read from the manifest's {@code spec.json} tree without binding any plugin's
   * options: what re-renders a report when the plugins are not at hand.
   *
   * @throws RunStoreException naming {@code spec.json} and the field when the spec lacks one
   */
  public static RunMetricsCalculator forRun(RunManifest manifest) {
    JsonNode spec = manifest.spec();
    Path file = manifest.specFile();
    JsonNode metrics = required(spec, "metrics", file);
    List<Integer> passAtK = new ArrayList<>();
    required(metrics, "pass_at_k", file).forEach(k -> passAtK.add(k.asInt()));
    try {
      MetricsSettings settings = new MetricsSettings(
          required(metrics, "bootstrap", file).asInt(),
          required(metrics, "confidence", file).asDouble(),
          required(spec, "seed", file).asLong(),
          passAtK,
          EmptyKeptPolicy.valueOf(
              required(metrics, "empty_kept", file).asText().toUpperCase(Locale.ROOT)));
      return new RunMetricsCalculator(
          labels(spec, "verifiers", file), labels(spec, "filters", file), settings);
    } catch (IllegalArgumentException e) {
      throw new RunStoreException(
          file + ": the metrics settings are not valid (" + e.getMessage() + ")", e);
    }
  }

  private static List<String> labels(JsonNode spec, String field, Path file) {
    List<String> labels = new ArrayList<>();
    for (JsonNode component : required(spec, field, file)) {
      labels.add(required(component, "label", file).asText());
    }
    return labels;
  }

  private static JsonNode required(JsonNode node, String field, Path file) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new RunStoreException(file + ": the resolved spec has no '" + field
          + "'; the run directory is damaged" + " or was not written by gvgap");
    }
    return value;
  }

  /** Computes the metrics of the run in {@code runDir}. */
  public RunMetrics compute(Path runDir, String runName) {
    return compute(RunRecords.read(runDir), runName);
  }

  /**
   * Computes the metrics of a run's records. An example is complete, and enters the metrics, when
   * it has all samples (as many as the example with most), every verifier's scores and every
   * strategy's weights; the others are counted as incomplete.
   */
  public RunMetrics compute(RunRecords records, String runName) {
    return compute(records, runName, id -> true);
  }

  /**
   * The metrics of the examples of {@code records} whose key {@code include} accepts (e.g. one split
   * of an improvement study's prompts), as {@link #compute(RunRecords, String)} computes them for
   * all; a group none of whose included examples has a sample is left out.
   */
  public RunMetrics compute(RunRecords records, String runName, Predicate<ExampleKey> include) {
    int samplesPerExample =
        records.examples().mapToInt(e -> e.samples().size()).max().orElse(0);
    List<GroupResult> results = new ArrayList<>();
    boolean partial = false;
    for (ResultGroup group : records.groups()) {
      List<PromptData> prompts = new ArrayList<>();
      List<ExampleResults> complete = new ArrayList<>();
      int incomplete = 0;
      boolean anySample = false;
      for (ExampleResults example : group.examples()) {
        if (example.samples().isEmpty() || !include.test(example.key())) {
          continue;
        }
        anySample = true;
        PromptData data = promptData(example, samplesPerExample);
        if (data == null) {
          incomplete++;
        } else {
          prompts.add(data);
          complete.add(example);
        }
      }
      if (!anySample) {
        continue;
      }
      partial |= incomplete > 0;
      GroupMetrics metrics = prompts.isEmpty()
          ? null
          : withAskedFractions(new MetricsCalculator(settings).compute(prompts), complete);
      results.add(new GroupResult(group.model(), group.task(), incomplete, metrics));
    }
    return new RunMetrics(runName, partial, results);
  }

  /**
   * Each strategy's asked kept fraction: the counts its filter was asked to keep (recorded beside the
   * weights) over the samples, pooled over the group's complete prompts; NaN when the filter keeps by
   * score or a record has no count.
   */
  private static GroupMetrics withAskedFractions(GroupMetrics m, List<ExampleResults> examples) {
    Map<StrategyKey, Double> fractions = new LinkedHashMap<>();
    for (StrategyMetrics s : m.strategies()) {
      double asked = 0;
      double samples = 0;
      for (ExampleResults example : examples) {
        Integer count = example.asked(s.verifier(), s.filter());
        if (count == null) {
          asked = Double.NaN;
          break;
        }
        asked += count;
        samples += example.samples().size();
      }
      fractions.put(s.key(), samples > 0 ? asked / samples : Double.NaN);
    }
    return withAskedFractions(m, fractions);
  }

  /** {@code m} with each strategy's asked fraction from {@code fractions} (NaN where absent). */
  static GroupMetrics withAskedFractions(GroupMetrics m, Map<StrategyKey, Double> fractions) {
    List<StrategyMetrics> strategies = new ArrayList<>();
    for (StrategyMetrics s : m.strategies()) {
      strategies.add(s.withAskedFraction(fractions.getOrDefault(s.key(), Double.NaN)));
    }
    return new GroupMetrics(
        m.prompts(),
        m.samples(),
        m.accuracy(),
        m.extractionFailureRate(),
        m.coverage(),
        m.passAtK(),
        m.verifiers(),
        strategies,
        m.correlations());
  }

  /** The bootstrap, pass@k and empty-kept settings the metrics are computed with. */
  public MetricsSettings settings() {
    return settings;
  }

  /**
   * The complete prompts of one group of {@code records}, in the group's order, exactly as
   * {@link #compute(RunRecords, String)} hands them to the metrics (incomplete ones left out): what a
   * study needs to recompute a statistic on resampled prompts.
   */
  public List<PromptData> prompts(RunRecords records, ResultGroup group) {
    int samplesPerExample =
        records.examples().mapToInt(e -> e.samples().size()).max().orElse(0);
    List<PromptData> prompts = new ArrayList<>();
    for (ExampleResults example : group.examples()) {
      if (example.samples().isEmpty()) {
        continue;
      }
      PromptData data = promptData(example, samplesPerExample);
      if (data != null) {
        prompts.add(data);
      }
    }
    return prompts;
  }

  /** Per-prompt data, or null when the example is incomplete. */
  private PromptData promptData(ExampleResults example, int samplesPerExample) {
    if (example.samples().size() < samplesPerExample
        || !example.hasAllSamples(example.samples().size())) {
      return null;
    }
    List<SampleRecord> samples = example.samples();
    int n = samples.size();
    double[] utilities = new double[n];
    boolean[] found = new boolean[n];
    for (int i = 0; i < n; i++) {
      utilities[i] = samples.get(i).utility();
      found[i] = samples.get(i).answerFound();
    }
    Map<String, double[]> scoreArrays = new LinkedHashMap<>();
    for (String verifier : verifiers) {
      List<SampleScore> list = example.scores(verifier);
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
      for (String filter : filters) {
        List<SampleWeight> list = example.weights(verifier, filter);
        if (list == null || list.size() != n) {
          return null;
        }
        double[] w = new double[n];
        for (SampleWeight sw : list) {
          w[sw.sampleIndex()] = sw.weight();
        }
        weights.put(new StrategyKey(verifier, filter), w);
      }
    }
    return new PromptData(example.key().exampleId(), utilities, found, scoreArrays, weights);
  }
}
