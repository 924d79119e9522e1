package io.gvgap.cli;

import io.gvgap.core.store.DirectoryLock;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.onnx.train.DistillRunner;
import io.gvgap.onnx.train.ModelOutput;
import io.gvgap.onnx.train.TrainingData;
import io.gvgap.onnx.train.TrainingResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gvgap distill}: fine-tunes a gvgap model on prompt/response pairs through ONNX Runtime. */
@Command(
    name = "distill",
    mixinStandardHelpOptions = true,
    description = {
      "Fine-tune (distil) a gvgap model directory on JSON Lines {prompt, response, weight?}.",
      "Only response tokens count in the loss. The model is written beside --out and renamed into place",
      "when complete; rerunning the same command after a crash resumes from its last checkpoint."
    })
final class DistillCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "The model to start from.")
  Path model;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "Training pairs (JSON Lines).")
  Path data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The distilled model directory.")
  Path out;

  @Option(
      names = "--overwrite",
      description = "Replace a non-empty --out (only once the new model is complete).")
  boolean overwrite;

  @Option(
      names = "--epochs",
      defaultValue = "1",
      description = "Passes over the data (default ${DEFAULT-VALUE}).")
  double epochs;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Shuffling seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    IoFiles.requireUtf8Lines(data);
    int examples = TrainingData.readJsonLines(data).size();
    try {
      ModelOutput.check(model, out, overwrite);
    } catch (IllegalArgumentException e) {
      throw new RunStoreException(e.getMessage());
    }
    TrainingResult result;
    try (DirectoryLock lock = DirectoryLock.acquireBeside(out, "gvgap distill --out " + out)) {
      result = DistillRunner.run(
          model,
          data,
          out,
          overwrite,
          DistillRunner.options(examples, epochs, seed),
          progress -> System.err.println(progress.line()));
    }
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %d steps, %d tokens, final loss %.4f%n",
            result.modelDirectory(), result.steps(), result.tokensSeen(), result.finalLoss());
    return ExitCodes.OK;
  }
}
