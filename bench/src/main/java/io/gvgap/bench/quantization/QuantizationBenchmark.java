package io.gvgap.bench.quantization;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.arch.ArchitectureConfig;
import io.gvgap.onnx.arch.CheckpointImporter;
import io.gvgap.onnx.arch.RandomCheckpoints;
import io.gvgap.onnx.arch.WeightPrecision;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.runtime.LastLogits;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.SampleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmark: a random-weight Llama-shaped checkpoint (8 layers, width 512, 8 query over 2
 * key/value heads, MLP 1536; about 25 M parameters) imported at fp32, fp16, int8 and int4; for
 * each, the size of {@code model.onnx}, the largest logit difference against fp32 on 8 prompts
 * (relative to the largest logit), greedy agreement with fp32 (8 prompts × 32 tokens), generated
 * tokens/s on the shared-prefix path (4 prompts × 8 samples × 64 tokens, T = 0.7, after a warm-up
 * at the same size) and the process's peak resident memory while generating (JVM included, before
 * the accuracy check opens the fp32 model beside it). Each precision runs in its own JVM
 * ({@code bench/quantization.sh} loops over them), so that its peak memory is its own.
 */
@Command(
    name = "quantization",
    mixinStandardHelpOptions = true,
    description = "Imports at fp32/fp16/int8/int4: size, accuracy against fp32, speed, memory.")
public final class QuantizationBenchmark implements Callable<Integer> {
  static final RandomCheckpoints.Sizes SIZES = new RandomCheckpoints.Sizes(512, 8, 8, 2, 1536);
  private static final List<String> PROMPTS = List.of(
      "Q: 12 + 7 = ?\nA:",
      "The quick brown fox jumps over",
      "def add(a, b):\n    return",
      "Once upon a time",
      "3 * 4 = 12\n5 * 6 =",
      "hello there, how are you",
      "{\"name\": \"gvgap\", \"version\":",
      "x");

  @Option(names = "--dir", required = true, description = "the benchmark's folder")
  Path dir;

  @Option(
      names = "--precision",
      description = "run one precision (fp32, fp16, int8, int4); without it, write and import")
  String precision;

  @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime threads")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (precision == null) {
      prepare();
    } else {
      run(WeightPrecision.parse(precision));
    }
    return 0;
  }

  private void prepare() throws IOException {
    Path checkpoint = RandomCheckpoints.write(
        dir.resolve("checkpoint"), "llama", TensorType.BF16, 1L << 30, 1, SIZES);
    for (WeightPrecision p : WeightPrecision.values()) {
      Path out = dir.resolve(p.name().toLowerCase(Locale.ROOT));
      long start = System.nanoTime();
      CheckpointImporter.importCheckpoint(checkpoint, out, p);
      System.out.printf(
          Locale.ROOT,
          "imported %s: model.onnx %.1f MB in %.1f s%n",
          p,
          Files.size(out.resolve("model.onnx")) / 1e6,
          (System.nanoTime() - start) / 1e9);
    }
  }

  private void run(WeightPrecision p) throws Exception {
    Path model = dir.resolve(p.name().toLowerCase(Locale.ROOT));
    Path reference = dir.resolve("fp32");
    ArchitectureConfig config = io.gvgap.onnx.arch.HfConfigReader.read(model);
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      requests.add(new GenerationRequest("p" + i, PROMPTS.get(i), 0, 8, List.of()));
    }
    SamplingParams params = new SamplingParams(0.7, 1.0, 0, 64, 3);
    double seconds;
    long tokens = 0;
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, threads, "cpu", 64)) {
      opened.generateSamples(requests, params);
      long start = System.nanoTime();
      for (SampleResult sample : opened.generateSamples(requests, params)) {
        tokens += sample.tokenIds().length;
      }
      seconds = (System.nanoTime() - start) / 1e9;
    }
    // peak memory before the accuracy check opens the fp32 model beside this one
    long peak = peakResidentMegabytes();
    double worst = accuracy(model, reference, config);
    int[] agreement = greedyAgreement(model, reference);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f | %.2e | %d of %d | %.0f | %d |%n",
        p.name().toLowerCase(Locale.ROOT),
        Files.size(model.resolve("model.onnx")) / 1e6,
        worst,
        agreement[0],
        agreement[1],
        tokens / seconds,
        peak);
  }

  private static double accuracy(Path model, Path reference, ArchitectureConfig config)
      throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    double worst = 0;
    try (OrtSession a = env.createSession(reference.resolve("model.onnx").toString());
        OrtSession b = env.createSession(model.resolve("model.onnx").toString());
        OnnxLanguageModel tokenizerOwner = OnnxLanguageModel.open(reference, 1, "cpu", 8, false)) {
      for (String prompt : PROMPTS) {
        long[] ids = tokenizerOwner.tokenizer().encode(prompt, true);
        worst = Math.max(
            worst,
            LastLogits.largestRelativeDifference(LastLogits.of(a, ids), LastLogits.of(b, ids)));
      }
    }
    return worst;
  }

  /** [fp32 tokens matched before each prompt's first difference, fp32 tokens in all]. */
  private int[] greedyAgreement(Path model, Path reference) {
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < PROMPTS.size(); i++) {
      requests.add(new GenerationRequest("p" + i, PROMPTS.get(i), 0, 1, List.of()));
    }
    Map<String, long[]> want = new HashMap<>();
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(reference, threads, "cpu", 64)) {
      opened
          .generateSamples(requests, SamplingParams.greedy(32))
          .forEach(s -> want.put(s.requestId(), s.tokenIds()));
    }
    int same = 0;
    int total = 0;
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, threads, "cpu", 64)) {
      for (SampleResult s : opened.generateSamples(requests, SamplingParams.greedy(32))) {
        long[] a = want.get(s.requestId());
        long[] b = s.tokenIds();
        int t = 0;
        while (t < Math.min(a.length, b.length) && a[t] == b[t]) {
          t++;
        }
        same += t;
        total += a.length;
      }
    }
    return new int[] {same, total};
  }

  /** VmHWM of /proc/self/status in MB (0 where the file does not exist). */
  private static long peakResidentMegabytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return 0;
  }
}
