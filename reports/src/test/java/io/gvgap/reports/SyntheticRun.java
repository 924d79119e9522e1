package io.gvgap.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.MetricsCalculator;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.WeightRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes realistic run directories for tests through the store's own writers: GSM8K-like examples,
 * samples whose correctness depends on the example's difficulty, a discrete CoT-Score-like verifier
 * (with parse failures) and a continuous MC-like verifier, quantile and threshold filters swept over
 * their parameter, and metrics from {@link MetricsCalculator} on the same data. Some texts carry
 * script-injection payloads that set {@code window.__xss} if they ever run.
 */
final class SyntheticRun {

  /** Payloads that would set window.__xss if any of them were ever parsed as markup or script. */
  static final List<String> PAYLOADS = List.of(
      "<script>window.__xss = 'script';</script>",
      "</script><script>window.__xss = 'close-script';</script>",
      "<img src=x onerror=\"window.__xss = 'img'\">",
      "<svg onload=\"window.__xss = 'svg'\"></svg>",
      "\u2028 line separator and <!-- comment opener");

  static final List<Double> ALPHAS = List.of(0.1, 0.25, 0.5);
  static final List<Double> TAUS = List.of(0.5, 0.7);

  private String name = "synthetic";
  private List<String> models = List.of("tiny-1m");
  private List<String> tasks = List.of("gsm8k");
  private int examples = 40;
  private int samplesPerExample = 8;
  private long seed = 7;
  private boolean payloads = true;
  private boolean writeMetrics = true;
  private RunStatus status = RunStatus.SUCCESS;
  private String error;
  private int unscoredTailExamples;
  private int minSteps = 2;
  private int maxSteps = 6;

  SyntheticRun name(String value) {
    this.name = value;
    return this;
  }

  SyntheticRun models(String... labels) {
    this.models = List.of(labels);
    return this;
  }

  SyntheticRun tasks(String... labels) {
    this.tasks = List.of(labels);
    return this;
  }

  SyntheticRun examples(int count) {
    this.examples = count;
    return this;
  }

  SyntheticRun samplesPerExample(int count) {
    this.samplesPerExample = count;
    return this;
  }

  SyntheticRun seed(long value) {
    this.seed = value;
    return this;
  }

  SyntheticRun payloads(boolean value) {
    this.payloads = value;
    return this;
  }

  /** Reasoning of 4 to 12 steps per sample (about 600 characters), as GSM8K chains of thought run. */
  SyntheticRun longReasoning() {
    this.minSteps = 4;
    this.maxSteps = 12;
    return this;
  }

  SyntheticRun withoutMetrics() {
    this.writeMetrics = false;
    return this;
  }

  /** Leaves the run as a crash would: status STARTED, the last examples without verifier scores. */
  SyntheticRun interrupted(int examplesWithoutScores) {
    this.status = RunStatus.STARTED;
    this.unscoredTailExamples = examplesWithoutScores;
    return this;
  }

  SyntheticRun failed(String message) {
    this.status = RunStatus.ERROR;
    this.error = message;
    return this;
  }

  /** The verifier labels, sorted as the metrics sort them. */
  static List<String> verifiers() {
    return List.of("cot-score", "mc");
  }

  /** The filter labels, in spec order. */
  static List<String> filters() {
    List<String> labels = new ArrayList<>();
    ALPHAS.forEach(a -> labels.add("quantile(alpha=" + a + ")"));
    TAUS.forEach(t -> labels.add("threshold(tau=" + t + ")"));
    return labels;
  }

  /** Writes the run into {@code dir}; returns the metrics written (null when none). */
  RunMetrics writeTo(Path dir) {
    Random random = new Random(seed);
    List<GroupResult> groups = new ArrayList<>();
    try (RunStore store =
        RunStore.openOrCreate(dir, name, specJson(), specSource(), pluginsJson(), "0.1.0-test")) {
      for (String task : tasks) {
        for (int x = 0; x < examples; x++) {
          store.appendExample(example(task, x));
        }
      }
      for (String model : models) {
        for (String task : tasks) {
          List<PromptData> prompts = new ArrayList<>();
          for (int x = 0; x < examples; x++) {
            PromptData prompt =
                writeExample(store, random, model, task, x, x >= examples - unscoredTailExamples);
            if (prompt != null) {
              prompts.add(prompt);
            }
          }
          GroupMetrics metrics = new MetricsCalculator(settings()).compute(prompts);
          groups.add(new GroupResult(model, task, unscoredTailExamples, metrics));
        }
      }
      RunMetrics runMetrics = new RunMetrics(name, unscoredTailExamples > 0, groups);
      if (writeMetrics) {
        store.writeMetrics(runMetrics);
      }
      if (status != RunStatus.STARTED) {
        store.finish(status, error);
      } else {
        store.sync();
      }
      return runMetrics;
    }
  }

  MetricsSettings settings() {
    return new MetricsSettings(200, 0.95, seed, passAtK(), EmptyKeptPolicy.FALLBACK);
  }

  /** pass@k at 1, 4 and the sample count, each once. */
  private List<Integer> passAtK() {
    return new java.util.TreeSet<>(List.of(1, Math.min(4, samplesPerExample), samplesPerExample))
        .stream().toList();
  }

  private ExampleRecord example(String task, int x) {
    int a = 3 + x % 17;
    int b = 5 + (x * 7) % 23;
    String question = "Natalia sold clips to " + a + " of her friends in April, and then she sold "
        + b + " clips in May. How many clips did Natalia sell altogether in April and May?";
    if (payloads && x == 1) {
      question += " " + PAYLOADS.get(0) + " " + PAYLOADS.get(2);
    }
    String prompt =
        "Q: There are 15 trees in the grove. Grove workers will plant trees today. After they are done,"
            + " there will be 21 trees. How many trees did the grove workers plant today?\nA: 21 - 15 = 6. The answer is 6.\n\n"
            + "Q: " + question + "\nA:";
    return new ExampleRecord(
        task, "ex-" + x, x, question, "#### " + (a + b), prompt, Map.of("source", "synthetic"));
  }

  /** Writes one example's samples and scores; returns its metrics input, or null when left unscored. */
  private PromptData writeExample(
      RunStore store, Random random, String model, String task, int x, boolean unscored) {
    int n = samplesPerExample;
    double difficulty = random.nextDouble();
    int truth = 8 + x % 40;
    double[] utilities = new double[n];
    boolean[] found = new boolean[n];
    List<SampleRecord> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean correct = random.nextDouble() > difficulty;
      boolean extracted = random.nextDouble() > 0.05;
      int answer = correct ? truth : truth + 1 + random.nextInt(9);
      utilities[i] = correct && extracted ? 1.0 : 0.0;
      found[i] = extracted;
      StringBuilder text = new StringBuilder();
      int steps = minSteps + random.nextInt(maxSteps - minSteps + 1);
      for (int s = 0; s < steps; s++) {
        text.append("Step ")
            .append(s + 1)
            .append(": she sold ")
            .append(random.nextInt(50))
            .append(" clips, so the running total is ")
            .append(random.nextInt(90))
            .append(".\n");
      }
      if (payloads && i == 0 && x < PAYLOADS.size()) {
        text.append(PAYLOADS.get(x)).append('\n');
      }
      text.append(extracted ? "The answer is " + answer + "." : "I am not sure how to finish.");
      samples.add(new SampleRecord(
          model,
          task,
          "ex-" + x,
          i,
          text.toString(),
          20 + text.length() / 4,
          -0.5 * text.length() / 10.0,
          "stop",
          extracted ? Integer.toString(answer) : null,
          utilities[i]));
    }
    store.appendSamples(samples);
    if (unscored) {
      return null;
    }
    Map<String, double[]> scores = new LinkedHashMap<>();
    double[] cot = new double[n];
    double[] mc = new double[n];
    List<SampleScore> cotScores = new ArrayList<>();
    List<SampleScore> mcScores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean correct = utilities[i] >= 0.5;
      boolean parseFailure = random.nextDouble() < 0.04;
      String rationale = "Checking the arithmetic step by step: the totals "
          + (correct ? "agree" : "disagree") + " with the question.";
      if (payloads && i == 1 && x < PAYLOADS.size()) {
        rationale += " " + PAYLOADS.get(PAYLOADS.size() - 1 - x);
      }
      if (parseFailure) {
        cot[i] = Double.NaN;
        cotScores.add(new SampleScore(
            i, null, false, rationale + " Final score: unclear", "no score 1-10 found"));
      } else {
        int level = (int) Math.max(
            1, Math.min(10, Math.round((correct ? 7.0 : 4.0) + 2.0 * random.nextGaussian())));
        cot[i] = level / 10.0;
        cotScores.add(new SampleScore(
            i, cot[i], true, rationale + " Score: " + level + "/10", "score " + level));
      }
      mc[i] = 1.0 / (1.0 + Math.exp(-((correct ? 1.0 : -0.5) + random.nextGaussian())));
      mcScores.add(new SampleScore(
          i, mc[i], true, "P(Correct)=" + String.format("%.4f", mc[i]), "correct-prob"));
    }
    store.appendScores(new ScoreRecord(model, task, "cot-score", "ex-" + x, cotScores));
    store.appendScores(new ScoreRecord(model, task, "mc", "ex-" + x, mcScores));
    scores.put("cot-score", cot);
    scores.put("mc", mc);
    Map<StrategyKey, double[]> weights = new LinkedHashMap<>();
    for (String verifier : verifiers()) {
      double[] s = scores.get(verifier);
      for (double alpha : ALPHAS) {
        weights.put(new StrategyKey(verifier, "quantile(alpha=" + alpha + ")"), quantile(s, alpha));
      }
      for (double tau : TAUS) {
        weights.put(new StrategyKey(verifier, "threshold(tau=" + tau + ")"), threshold(s, tau));
      }
    }
    // the filtering stage's records, as a real run stores them
    weights.forEach((strategy, w) -> store.appendWeights(new WeightRecord(
        model,
        task,
        "ex-" + x,
        strategy.verifier(),
        strategy.filter(),
        java.util.stream.IntStream.range(0, n)
            .mapToObj(i -> SampleWeight.of(i, w[i]))
            .toList())));
    return new PromptData("ex-" + x, utilities, found, scores, weights);
  }

  /** Keeps the top ceil(alpha * scored) scores, ties at the cut kept, NaN never. */
  static double[] quantile(double[] scores, double alpha) {
    double[] finite = Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
    double[] weights = new double[scores.length];
    if (finite.length == 0) {
      return weights;
    }
    int keep = Math.max(1, (int) Math.ceil(alpha * finite.length - 1e-9));
    double cut = finite[finite.length - keep];
    for (int i = 0; i < scores.length; i++) {
      weights[i] = Double.isFinite(scores[i]) && scores[i] >= cut ? 1 : 0;
    }
    return weights;
  }

  static double[] threshold(double[] scores, double tau) {
    double[] weights = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      weights[i] = Double.isFinite(scores[i]) && scores[i] >= tau ? 1 : 0;
    }
    return weights;
  }

  private String specJson() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("name", name);
    root.put("output", "runs/" + name);
    root.put("seed", seed);
    ArrayNode modelNodes = root.putArray("models");
    for (String model : models) {
      ObjectNode node = modelNodes.addObject();
      node.put("label", model);
      node.put("backend", "onnx");
      node.putObject("options").put("path", "models/" + model);
    }
    ArrayNode taskNodes = root.putArray("tasks");
    for (String task : tasks) {
      ObjectNode node = taskNodes.addObject();
      node.put("label", task);
      node.put("name", "gsm8k");
      node.put("limit", examples);
      node.put("seed", seed);
      node.putObject("options").put("shots", 4);
    }
    ObjectNode generation = root.putObject("generation");
    generation.put("samples", samplesPerExample);
    generation.put("temperature", 0.7);
    generation.put("top_p", 0.9);
    generation.put("top_k", 0);
    generation.put("max_tokens", 512);
    generation.put("batch_examples", 8);
    root.putObject("verification").putNull("model");
    ArrayNode verifierNodes = root.putArray("verifiers");
    for (String verifier : verifiers()) {
      ObjectNode node = verifierNodes.addObject();
      node.put("label", verifier);
      node.put("name", verifier);
      node.putObject("options");
    }
    ArrayNode filterNodes = root.putArray("filters");
    for (double alpha : ALPHAS) {
      ObjectNode node = filterNodes.addObject();
      node.put("label", "quantile(alpha=" + alpha + ")");
      node.put("name", "quantile");
      node.putObject("options").put("alpha", alpha);
    }
    for (double tau : TAUS) {
      ObjectNode node = filterNodes.addObject();
      node.put("label", "threshold(tau=" + tau + ")");
      node.put("name", "threshold");
      node.putObject("options").put("tau", tau);
    }
    ObjectNode metrics = root.putObject("metrics");
    metrics.put("bootstrap", 200);
    metrics.put("confidence", 0.95);
    ArrayNode ks = metrics.putArray("pass_at_k");
    passAtK().forEach(ks::add);
    metrics.put("empty_kept", "fallback");
    return root.toPrettyString();
  }

  private String specSource() {
    return "name: " + name + "\nmodels:\n  - onnx: {path: models/tiny}\ntasks:\n  - gsm8k: {limit: "
        + examples + "}\n";
  }

  private static String pluginsJson() {
    ArrayNode plugins = Json.mapper().createArrayNode();
    String[][] rows = {
      {"task", "gsm8k", "io.gvgap.tasks.Gsm8kTask"},
      {"verifier", "cot-score", "io.gvgap.verifiers.CotScore"},
      {"verifier", "mc", "io.gvgap.verifiers.MultipleChoice"},
      {"filter", "quantile", "io.gvgap.filters.QuantileFilter"},
      {"filter", "threshold", "io.gvgap.filters.ThresholdFilter"},
      {"backend", "onnx", "io.gvgap.onnx.OnnxBackend"}
    };
    for (String[] row : rows) {
      ObjectNode node = plugins.addObject();
      node.put("kind", row[0]);
      node.put("name", row[1]);
      node.put("className", row[2]);
      node.put("location", "gvgap-" + row[0] + "s-0.1.0-SNAPSHOT.jar");
      node.put("version", "0.1.0-SNAPSHOT");
    }
    return plugins.toPrettyString();
  }
}
