package io.gvgap.cli;

import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.cli.GenerateCommandRunner;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gvgap generate MODEL_DIR}: samples completions of prompts given as JSON Lines. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Sample completions from a local ONNX model directory.",
      "Input: JSON Lines {\"id\": ..., \"prompt\": ..., \"stop\": [...]} (stop optional).",
      "Output: one JSON line per sample: id, sample, text, token_ids, token_count, logprob, finish_reason."
    })
final class GenerateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "MODEL_DIR", description = "Model directory (Optimum layout).")
  Path model;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Prompts file (default: standard input).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Output file (default: standard output).")
  Path output;

  @Option(
      names = {"-n", "--samples"},
      defaultValue = "1",
      description = "Samples per prompt (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--temperature",
      defaultValue = "0.7",
      description = "Sampling temperature; 0 = greedy (default ${DEFAULT-VALUE}).")
  double temperature;

  @Option(
      names = "--top-p",
      defaultValue = "0.9",
      description = "Nucleus mass (default ${DEFAULT-VALUE}).")
  double topP;

  @Option(
      names = "--top-k",
      defaultValue = "0",
      description = "Top-k cut, 0 = none (default ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--max-new-tokens",
      defaultValue = "128",
      description = "Most generated tokens (default ${DEFAULT-VALUE}).")
  int maxNewTokens;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--greedy", description = "Greedy decoding (same as --temperature 0).")
  boolean greedy;

  @Mixin
  ModelRuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    GenerateCommandRunner.Options options;
    try {
      SamplingParams params =
          new SamplingParams(greedy ? 0 : temperature, topP, topK, maxNewTokens, seed);
      options = new GenerateCommandRunner.Options(
          model, samples, params, runtime.threads, runtime.device, runtime.maxBatchRows);
    } catch (IllegalArgumentException e) {
      // an out-of-range --samples, --temperature, --top-p, --top-k or --max-new-tokens
      throw new UsageException(e.getMessage() + " (see 'gvgap generate --help')");
    }
    try (Reader in = IoFiles.reader(input);
        Writer out = IoFiles.writer(output)) {
      int written = GenerateCommandRunner.run(options, in, IoFiles.name(input), out);
      out.flush();
      System.err.printf("gvgap generate: %d samples written%n", written);
    }
    return ExitCodes.OK;
  }
}
