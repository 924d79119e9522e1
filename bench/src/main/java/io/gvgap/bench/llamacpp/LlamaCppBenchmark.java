package io.gvgap.bench.llamacpp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.gguf.GgufExport;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.SampleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * gvgap's half of {@code bench/llamacpp.sh}: an imported model directory exported to GGUF for
 * llama.cpp, the prompts written as token ids for it ({@code prompts.json}), then gvgap's own
 * generation timed on the same workload (prompts × samples × new tokens at a temperature, 0 for
 * greedy, after a warm-up at the same size). {@code crosscheck/llama/bench.mjs} times llama.cpp on the same files.
 */
@Command(
    name = "llamacpp",
    mixinStandardHelpOptions = true,
    description = "gvgap's generation on an imported model, beside llama.cpp on its GGUF export.")
public final class LlamaCppBenchmark implements Callable<Integer> {
  private static final List<String> PROMPTS = List.of(
      "Q: 12 + 7 = ?\nA:",
      "The quick brown fox jumps over",
      "def add(a, b):\n    return",
      "Once upon a time",
      "3 * 4 = 12\n5 * 6 =",
      "hello there, how are you");

  @Option(names = "--model", required = true, description = "an imported model directory")
  Path model;

  @Option(names = "--dir", required = true, description = "where model.gguf and prompts.json go")
  Path dir;

  @Option(names = "--prompts", defaultValue = "4", description = "prompts (at most 6)")
  int prompts;

  @Option(names = "--samples", defaultValue = "8", description = "samples per prompt")
  int samples;

  @Option(names = "--new-tokens", defaultValue = "64", description = "new tokens per sample")
  int newTokens;

  @Option(names = "--threads", defaultValue = "2", description = "ONNX Runtime threads")
  int threads;

  @Option(
      names = "--temperature",
      defaultValue = "0.7",
      description = "sampling temperature; 0 decodes greedily")
  double temperature;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dir);
    Path gguf = dir.resolve("model.gguf");
    if (!Files.exists(gguf)) {
      GgufExport.export(model, gguf, false);
    }
    ObjectMapper json = new ObjectMapper();
    ArrayNode ids = json.createArrayNode();
    List<GenerationRequest> requests = new ArrayList<>();
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, threads, "cpu", 64)) {
      for (int i = 0; i < prompts; i++) {
        requests.add(new GenerationRequest("p" + i, PROMPTS.get(i), 0, samples, List.of()));
        var entry = ids.addObject().put("id", "p" + i).putArray("ids");
        for (long id : opened.tokenizer().encode(PROMPTS.get(i), true)) {
          entry.add(id);
        }
      }
      json.writeValue(dir.resolve("prompts.json").toFile(), ids);
      SamplingParams params = temperature == 0
          ? SamplingParams.greedy(newTokens)
          : new SamplingParams(temperature, 1.0, 0, newTokens, 1);
      opened.generateSamples(requests, params);
      long start = System.nanoTime();
      long tokens = 0;
      for (SampleResult sample : opened.generateSamples(requests, params)) {
        tokens += sample.tokenIds().length;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "gvgap (%d samples, T=%s): %d tokens in %.2f s, %.1f tokens/s%n",
          samples,
          temperature,
          tokens,
          seconds,
          tokens / seconds);
    }
    return 0;
  }
}
