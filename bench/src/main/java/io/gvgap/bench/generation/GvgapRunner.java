package io.gvgap.bench.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.SampleResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times gvgap's {@link OnnxLanguageModel#generateSamples} on one benchmark run: all prompts with
 * their samples in one call, as the pipeline calls it. Opening the model and a short warm-up call
 * are not timed.
 */
public final class GvgapRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GvgapRunner() {}

  /** The generation requests of a prompts file: one per line, {@code samples} samples each, no stop sequences. */
  public static List<GenerationRequest> requests(Path promptsFile, int samples) throws IOException {
    List<GenerationRequest> requests = new ArrayList<>();
    List<String> lines = Files.readAllLines(promptsFile);
    for (int line = 0; line < lines.size(); line++) {
      if (lines.get(line).isBlank()) {
        continue;
      }
      JsonNode prompt = JSON.readTree(lines.get(line));
      if (!prompt.hasNonNull("id") || !prompt.hasNonNull("prompt")) {
        throw new IllegalArgumentException(
            promptsFile + " line " + (line + 1) + ": needs \"id\" and \"prompt\"");
      }
      requests.add(new GenerationRequest(
          prompt.get("id").asText(), prompt.get("prompt").asText(), 0, samples, List.of()));
    }
    return requests;
  }

  /**
   * Runs and times one benchmark run with the shared-prefix decode (gvgap's default for its own
   * models).
   *
   * @throws IllegalStateException when a sample did not generate exactly the workload's new tokens
   *     (the rate would then be computed from the wrong count)
   */
  public static BenchmarkResult run(BenchmarkPlan plan, BenchmarkRun run) throws IOException {
    return run(plan, run, true);
  }

  /**
   * Runs and times one benchmark run. The model is opened, and the whole workload generated once
   * untimed (a warm-up at the workload's size: ONNX Runtime's kernels and arenas and gvgap's
   * reused buffers reach their size), then generated again, timed.
   *
   * @param sharedPrefix the shared-prefix decode ({@link ResultTable#GVGAP}) or the generic path
   *     ({@link ResultTable#GVGAP_GENERIC}), which gvgap uses for models it did not write
   * @throws IllegalStateException when a sample did not generate exactly the workload's new tokens
   *     (the rate would then be computed from the wrong count)
   */
  public static BenchmarkResult run(BenchmarkPlan plan, BenchmarkRun run, boolean sharedPrefix)
      throws IOException {
    Workload workload = run.workload();
    SamplingParams params = new SamplingParams(
        plan.temperature(), plan.topP(), plan.topK(), workload.newTokens(), plan.seed());
    List<GenerationRequest> requests = requests(Path.of(run.promptsFile()), workload.samples());
    try (OnnxLanguageModel model = OnnxLanguageModel.open(
        Path.of(run.modelDir()), plan.threads(), "cpu", run.gvgapBatchRows(), sharedPrefix)) {
      model.generateSamples(requests, params);
      long[] choicesBefore = model.decodeChoices();
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long start = System.nanoTime();
      List<SampleResult> samples = model.generateSamples(requests, params);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
      long[] choices = model.decodeChoices();
      if (sharedPrefix) {
        System.err.printf(
            "gvgap %s %s: %d decode tokens chosen from the top candidates, %d from the full"
                + " logits%n",
            run.model(),
            workload.label(),
            choices[0] - choicesBefore[0],
            choices[1] - choicesBefore[1]);
      }
      long tokens = 0;
      for (SampleResult sample : samples) {
        if (sample.tokenIds().length != workload.newTokens()) {
          throw new IllegalStateException(
              run.model() + " " + workload.label() + ": sample " + sample.requestId() + "#"
                  + sample.sampleIndex() + " has " + sample.tokenIds().length + " tokens, expected "
                  + workload.newTokens()
                  + " (the benchmark model's config must have no eos_token_id)");
        }
        tokens += sample.tokenIds().length;
      }
      if (samples.size() != workload.prompts() * workload.samples()) {
        throw new IllegalStateException(
            run.model() + " " + workload.label() + ": got " + samples.size() + " samples");
      }
      return new BenchmarkResult(
          sharedPrefix ? ResultTable.GVGAP : ResultTable.GVGAP_GENERIC,
          run.model(),
          workload.label(),
          tokens,
          seconds,
          cpuSeconds);
    }
  }
}
