package io.gvgap.onnx.arch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.runtime.ModelLoadException;
import io.gvgap.onnx.runtime.TextTokenizer;
import io.gvgap.onnx.train.AdamWSchedule;
import io.gvgap.onnx.train.TrainableModel;
import io.gvgap.onnx.train.TrainingStepGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A model directory imported from a Hugging Face checkpoint ({@link CheckpointImporter}) as a
 * {@link TrainableModel}: the training step is built from its architecture's description ({@link
 * ArchitectureTrainingGraph}), examples are tokenised with its own tokenizer, and trained weights
 * are written as an imported directory again (model.onnx from {@link ArchitectureGraph}, the
 * source's config and tokenizer files, the training card in {@value #CARD_FILE}), so {@code gvgap
 * distill} and self-improvement rounds train every imported architecture.
 */
public final class ImportedModel implements TrainableModel, AutoCloseable {
  /** The training card of a directory written by {@link #write}. */
  public static final String CARD_FILE = "gvgap-training.json";

  private final Path source;
  private final ArchitectureConfig config;
  private final Map<String, float[]> weights;
  private final TextTokenizer tokenizer;

  private ImportedModel(
      Path source,
      ArchitectureConfig config,
      Map<String, float[]> weights,
      TextTokenizer tokenizer) {
    this.source = source;
    this.config = config;
    this.weights = weights;
    this.tokenizer = tokenizer;
  }

  /** Whether {@code directory} was written by an import (or by {@link #write}). */
  public static boolean isImported(Path directory) {
    return Files.isRegularFile(directory.resolve(CheckpointImporter.IMPORT_FILE));
  }

  /**
   * Opens an imported directory for training.
   *
   * @throws ModelLoadException when its weights are block-quantised or it has no end-of-sequence id
   */
  public static ImportedModel open(Path directory) throws IOException {
    ArchitectureConfig config = HfConfigReader.read(directory);
    DecoderWeights weights = ImportedWeights.read(directory.resolve("model.onnx"));
    if (weights.precision().quantised()) {
      throw new ModelLoadException(directory + " holds " + weights.precision() + " weights;"
          + " gvgap trains fp32 weights: import the checkpoint again without --weights (or with"
          + " --weights fp16) to distil it");
    }
    if (config.eosTokenId() < 0) {
      throw new ModelLoadException(directory.resolve("config.json") + " has no eos_token_id;"
          + " training examples end with it: add the model's end-of-sequence id");
    }
    return new ImportedModel(directory, config, weights.floats(), TextTokenizer.open(directory));
  }

  /** The weights the directory holds, by canonical name. */
  public Map<String, float[]> weights() {
    return weights;
  }

  @Override
  public Map<String, long[]> shapes() {
    return ArchitectureTrainingGraph.shapes(config, weights);
  }

  @Override
  public Graph stepGraph(AdamWSchedule schedule) {
    GraphBuilder forward = new GraphBuilder("gvgap_" + config.modelType() + "_training_step");
    ArchitectureTrainingGraph.addTo(forward, config, weights);
    return TrainingStepGraph.build(forward, shapes(), schedule);
  }

  @Override
  public int contextLength() {
    return config.contextLength();
  }

  @Override
  public long[] encode(String text) {
    return tokenizer.encode(text, false);
  }

  @Override
  public long endOfText() {
    return config.eosTokenId();
  }

  @Override
  public long parameterCount() {
    long count = 0;
    for (float[] values : weights.values()) {
      count += values.length;
    }
    return count;
  }

  @Override
  public String describe() {
    return config.toString();
  }

  @Override
  public void write(Path directory, Map<String, float[]> parameters, ModelCard card)
      throws IOException {
    Files.createDirectories(directory);
    ModelSerializer.write(
        ArchitectureGraph.build(config, DecoderWeights.fp32(parameters), false),
        Map.of(ImportedWeights.METADATA_KEY, config.modelType()),
        directory.resolve("model.onnx"));
    for (String name : CheckpointImporter.COPIED) {
      Path file = source.resolve(name);
      if (Files.isRegularFile(file)) {
        Files.copy(file, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path record = source.resolve(CheckpointImporter.IMPORT_FILE);
    if (Files.isRegularFile(record)) {
      Files.copy(
          record,
          directory.resolve(CheckpointImporter.IMPORT_FILE),
          StandardCopyOption.REPLACE_EXISTING);
    }
    new ObjectMapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(directory.resolve(CARD_FILE).toFile(), card);
  }

  @Override
  public Map<String, float[]> readParameters(Path directory) throws IOException {
    return ImportedWeights.read(directory.resolve("model.onnx")).floats();
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
