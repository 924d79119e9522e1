package io.gvgap.onnx.arch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.checkpoint.SafetensorsCheckpoint;
import io.gvgap.onnx.checkpoint.TensorInfo;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.runtime.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a gvgap model directory from a Hugging Face checkpoint directory: {@code model.onnx} (the
 * {@link ArchitectureGraph} of its config and weights, block matrices at a {@link
 * WeightPrecision}), the checkpoint's own {@code
 * config.json}, tokenizer and generation files copied, and {@value #IMPORT_FILE} saying what was
 * imported. The directory then runs wherever a model directory does ({@code gvgap run}, the
 * {@code onnx} backend, transformers.js).
 */
public final class CheckpointImporter {
  /** The record of an import in the written directory. */
  public static final String IMPORT_FILE = "gvgap-import.json";

  /** Files copied from the checkpoint when present. */
  static final List<String> COPIED = List.of(
      "config.json",
      "generation_config.json",
      "tokenizer.json",
      "tokenizer_config.json",
      "special_tokens_map.json");

  private CheckpointImporter() {}

  /**
   * Imports {@code checkpointDirectory} into {@code outputDirectory} (created; files there are
   * replaced). Returns the architecture read.
   *
   * @throws ModelLoadException naming the file and what to do when the checkpoint is not one
   *     gvgap imports (see {@link HfConfigReader} and {@link HfWeights})
   * @throws IOException when the output cannot be written
   */
  public static ArchitectureConfig importCheckpoint(Path checkpointDirectory, Path outputDirectory)
      throws IOException {
    return importCheckpoint(checkpointDirectory, outputDirectory, WeightPrecision.FP32);
  }

  /**
   * Imports {@code checkpointDirectory} into {@code outputDirectory} with the block matrices at
   * {@code precision} ({@link DecoderWeights#of}). Returns the architecture read.
   */
  public static ArchitectureConfig importCheckpoint(
      Path checkpointDirectory, Path outputDirectory, WeightPrecision precision)
      throws IOException {
    ArchitectureConfig config = HfConfigReader.read(checkpointDirectory);
    if (!Files.isRegularFile(checkpointDirectory.resolve("tokenizer.json"))) {
      throw new ModelLoadException(checkpointDirectory + " has no tokenizer.json; gvgap reads"
          + " Hugging Face fast tokenizers (save the tokenizer with save_pretrained)");
    }
    SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(checkpointDirectory);
    Map<String, float[]> weights = HfWeights.read(config, checkpoint);
    long parameters = 0;
    for (float[] values : weights.values()) {
      parameters += values.length;
    }
    Graph graph =
        ArchitectureGraph.build(config, DecoderWeights.of(config, weights, precision), false);
    Files.createDirectories(outputDirectory);
    ModelSerializer.write(
        graph,
        Map.of(ImportedWeights.METADATA_KEY, config.modelType()),
        outputDirectory.resolve("model.onnx"));
    for (String name : COPIED) {
      Path source = checkpointDirectory.resolve(name);
      if (Files.isRegularFile(source)) {
        Files.copy(source, outputDirectory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode record = json.createObjectNode();
    record.put("source", checkpointDirectory.toAbsolutePath().normalize().toString());
    record.put("model_type", config.modelType());
    record.put("parameters", parameters);
    record.put("weights", precision.name().toLowerCase(java.util.Locale.ROOT));
    if (precision.quantised()) {
      record.put("block_size", BlockQuantizedMatrix.BLOCK);
    }
    record.put("model_onnx_bytes", Files.size(outputDirectory.resolve("model.onnx")));
    ObjectNode types = record.putObject("checkpoint_dtypes");
    Map<String, Integer> counts = new TreeMap<>();
    for (TensorInfo info : checkpoint.tensors().values()) {
      counts.merge(info.type().name(), 1, Integer::sum);
    }
    counts.forEach(types::put);
    json.writerWithDefaultPrettyPrinter()
        .writeValue(outputDirectory.resolve(IMPORT_FILE).toFile(), record);
    return config;
  }
}
