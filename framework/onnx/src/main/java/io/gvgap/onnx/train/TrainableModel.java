package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.graph.Graph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the {@link Trainer} needs of a model: its parameters' shapes and training step graph, its
 * tokenizer, and how to write (and read back) a model directory of given parameters. Implemented for
 * gvgap's own decoders ({@link OwnDecoderModel}) and for imported Hugging Face architectures ({@code
 * io.gvgap.onnx.arch.ImportedModel}).
 */
public interface TrainableModel {
  /** The parameters' shapes by name, in training order. */
  Map<String, long[]> shapes();

  /** The training step graph: forward, gradients, clipping and the AdamW update. */
  Graph stepGraph(AdamWSchedule schedule);

  /**
   * Which of the model's step graphs suits batches of {@code length} positions: a key that {@link
   * #stepGraph(AdamWSchedule, int)} understands (gvgap's decoders: the causal attention's blocks).
   * Models with one step graph return 1, the default.
   */
  default int stepGraphVariant(int length) {
    return 1;
  }

  /**
   * The step graph of a {@link #stepGraphVariant}; the default, for models with one step graph, is
   * {@link #stepGraph(AdamWSchedule)}.
   */
  default Graph stepGraph(AdamWSchedule schedule, int variant) {
    return stepGraph(schedule);
  }

  /** Most tokens the model reads. */
  int contextLength();

  /** Token ids of a text, no special tokens added. */
  long[] encode(String text);

  /** The id that ends a training example. */
  long endOfText();

  /** Number of parameters (for the model card's FLOPs). */
  long parameterCount();

  /** What identifies the model's shape in a checkpoint's fingerprint. */
  String describe();

  /** Writes a model directory holding {@code parameters} with {@code card}. */
  void write(Path directory, Map<String, float[]> parameters, ModelCard card) throws IOException;

  /** The parameters of a directory {@link #write} wrote. */
  Map<String, float[]> readParameters(Path directory) throws IOException;
}
