package io.gvgap.cli;

import io.gvgap.onnx.cli.ScoreCommandRunner;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gvgap score MODEL_DIR}: log-probabilities of continuations after contexts. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Log-probabilities of continuations under a local ONNX model.",
      "Input: JSON Lines {\"id\": ..., \"context\": ..., \"continuations\": [...]}.",
      "Output: JSON Lines {\"id\", \"logprobs\", \"token_counts\"}."
    })
final class ScoreCommand implements Callable<Integer> {

  @Parameters(paramLabel = "MODEL_DIR", description = "Model directory (Optimum layout).")
  Path model;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Requests file (default: standard input).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Output file (default: standard output).")
  Path output;

  @Mixin
  ModelRuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    try (Reader in = IoFiles.reader(input);
        Writer out = IoFiles.writer(output)) {
      int written = ScoreCommandRunner.run(
          model,
          runtime.threads,
          runtime.device,
          runtime.maxBatchRows,
          in,
          IoFiles.name(input),
          out);
      out.flush();
      System.err.printf("gvgap score: %d requests scored%n", written);
    }
    return ExitCodes.OK;
  }
}
