package io.gvgap.cli;

import io.gvgap.onnx.gguf.GgufExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gvgap models export --format gguf DIR OUT.gguf}: a model directory as a GGUF file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a gvgap model directory (gvgap's own decoders, or an imported checkpoint) as a GGUF"
          + " file that llama.cpp and the tools built on it run.",
      "Architectures: gpt2 (gvgap's own), llama, mistral, qwen2, phi3, gemma2. llama.cpp tokenises text its own"
          + " way: feed it token ids for outputs that match gvgap's."
    })
final class ModelsExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The model directory.")
  Path directory;

  @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
  Path output;

  @Option(
      names = "--format",
      defaultValue = "gguf",
      description = "Output format: gguf (the only one) (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--f16", description = "Write the blocks' weight matrices in half precision.")
  boolean half;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("gguf")) {
      throw new UsageException("--format " + format + ": gvgap exports gguf");
    }
    if (Files.isDirectory(output)) {
      throw new UsageException(output + " is a directory: give the GGUF file to write");
    }
    String arch = GgufExport.export(directory, output, half);
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s: %s, %,d bytes (llama.cpp architecture %s)%n",
            output, half ? "f16" : "f32", Files.size(output), arch);
    return ExitCodes.OK;
  }
}
