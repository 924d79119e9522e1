package io.gvgap.cli;

import io.gvgap.core.store.RunStoreException;
import io.gvgap.onnx.cli.ModelInitRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gvgap models init DIR}: a randomly initialised gvgap decoder (for tests and benchmarks). */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Write a randomly initialised gvgap decoder directory (Optimum layout, character tokenizer).")
final class ModelsInitCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The directory to write.")
  Path directory;

  @Option(
      names = "--layers",
      defaultValue = "2",
      description = "Decoder layers (default ${DEFAULT-VALUE}).")
  int layers;

  @Option(
      names = "--width",
      defaultValue = "64",
      description = "Model width (default ${DEFAULT-VALUE}).")
  int width;

  @Option(
      names = "--heads",
      defaultValue = "4",
      description = "Attention heads (default ${DEFAULT-VALUE}).")
  int heads;

  @Option(
      names = "--context",
      defaultValue = "512",
      description = "Context length (default ${DEFAULT-VALUE}).")
  int context;

  @Option(
      names = "--untied",
      description = "Separate output projection instead of tied embeddings.")
  boolean untied;

  @Option(names = "--overwrite", description = "Replace the contents of a non-empty DIR.")
  boolean overwrite;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Initialisation seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (!overwrite && Files.isDirectory(directory)) {
      try (Stream<Path> entries = Files.list(directory)) {
        if (entries.findAny().isPresent()) {
          throw new RunStoreException(directory + " is not empty"
              + (Files.exists(directory.resolve("config.json"))
                  ? " (it holds a model, perhaps a trained one)"
                  : "")
              + "; choose another directory, or pass --overwrite"
              + " to replace its model files with random ones");
        }
      }
    }
    long parameters =
        ModelInitRunner.run(directory, layers, width, heads, context, 0, !untied, seed);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %,d parameters (random initialisation, seed %d)%n",
            directory, parameters, seed);
    return ExitCodes.OK;
  }
}
