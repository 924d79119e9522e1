package io.gvgap.cli;

import io.gvgap.core.store.RunStoreException;
import io.gvgap.onnx.arch.ArchitectureConfig;
import io.gvgap.onnx.arch.CheckpointImporter;
import io.gvgap.onnx.arch.WeightPrecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gvgap models import HF_DIR OUT_DIR}: a Hugging Face checkpoint as a gvgap model directory. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a Hugging Face checkpoint directory (config.json, model.safetensors or sharded"
          + " model-*.safetensors with model.safetensors.index.json, tokenizer.json) into a"
          + " gvgap model directory that the onnx backend runs.",
      "Architectures: llama, qwen2, mistral, phi3, gemma2, gpt2; weights F32, F16 or BF16."
    })
final class ModelsImportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HF_DIR", description = "The checkpoint directory.")
  Path checkpoint;

  @Parameters(index = "1", paramLabel = "OUT_DIR", description = "The model directory to write.")
  Path output;

  @Option(names = "--overwrite", description = "Replace the contents of a non-empty OUT_DIR.")
  boolean overwrite;

  @Option(
      names = "--weights",
      defaultValue = "fp32",
      description = "Precision of the blocks' weight matrices: fp32, fp16 (half the file, fp32 in"
          + " memory), int8 or int4 (blocks of 32, ONNX Runtime MatMulNBits) (default"
          + " ${DEFAULT-VALUE}).")
  String weights;

  @Override
  public Integer call() throws Exception {
    if (!overwrite && Files.isDirectory(output)) {
      try (Stream<Path> entries = Files.list(output)) {
        if (entries.findAny().isPresent()) {
          throw new RunStoreException(output + " is not empty; choose another directory, or pass"
              + " --overwrite to replace its model files");
        }
      }
    }
    WeightPrecision precision;
    try {
      precision = WeightPrecision.parse(weights);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
    long started = System.nanoTime();
    ArchitectureConfig config = CheckpointImporter.importCheckpoint(checkpoint, output, precision);
    spec.commandLine()
        .getOut()
        .printf(
            "imported %s from %s into %s: %d layers, width %d, %d query / %d key-value heads,"
                + " vocabulary %,d, %s weights (%.1f s)%nrun it with: backend onnx, path %s%n",
            config.modelType(),
            checkpoint,
            output,
            config.layers(),
            config.hiddenSize(),
            config.heads(),
            config.kvHeads(),
            config.vocabSize(),
            weights.toLowerCase(java.util.Locale.ROOT),
            (System.nanoTime() - started) / 1e9,
            output);
    return ExitCodes.OK;
  }
}
