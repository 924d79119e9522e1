package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.graph.Graph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * gvgap's own GPT-2-style decoder as a {@link TrainableModel}: a {@link DecoderConfig} with its
 * character vocabulary, written as gvgap model directories.
 *
 * @param config the decoder's shape
 * @param vocabulary its character vocabulary
 */
public record OwnDecoderModel(DecoderConfig config, CharVocabulary vocabulary)
    implements TrainableModel {
  @Override
  public Map<String, long[]> shapes() {
    return DecoderParameters.shapes(config);
  }

  @Override
  public Graph stepGraph(AdamWSchedule schedule) {
    return TrainingStepGraph.build(config, schedule);
  }

  /** The causal attention blocks for this length ({@link TrainingForwardGraph#attentionBlocks}). */
  @Override
  public int stepGraphVariant(int length) {
    return TrainingForwardGraph.attentionBlocks(length);
  }

  /** The step graph with causal attention in {@code variant} blocks. */
  @Override
  public Graph stepGraph(AdamWSchedule schedule, int variant) {
    return TrainingStepGraph.build(config, schedule, variant);
  }

  @Override
  public int contextLength() {
    return config.contextLength();
  }

  @Override
  public long[] encode(String text) {
    return characters(vocabulary, text);
  }

  /** A text's character ids in {@code vocabulary}. */
  static long[] characters(CharVocabulary vocabulary, String text) {
    long[] ids = new long[text.length()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = vocabulary.id(text.charAt(i));
    }
    return ids;
  }

  @Override
  public long endOfText() {
    return CharVocabulary.END_OF_TEXT_ID;
  }

  @Override
  public long parameterCount() {
    return DecoderParameters.count(config);
  }

  @Override
  public String describe() {
    return config.toString();
  }

  @Override
  public void write(Path directory, Map<String, float[]> parameters, ModelCard card)
      throws IOException {
    ModelDirectory.write(directory, config, vocabulary, parameters, card);
  }

  @Override
  public Map<String, float[]> readParameters(Path directory) throws IOException {
    return ModelDirectory.readParameters(directory);
  }
}
