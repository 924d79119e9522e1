package io.gvgap.onnx.cli;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@code gvgap model init} does: writes a randomly initialised gvgap decoder directory with
 * the character-level vocabulary (printable ASCII and newline) or, given {@code vocabSize} larger
 * than that vocabulary, a wider embedding (for benchmarks of GPT-2-sized shapes; ids past the
 * vocabulary are never produced by the tokenizer but are valid model outputs).
 */
public final class ModelInitRunner {
  private ModelInitRunner() {}

  /**
   * Writes the directory and returns the parameter count.
   *
   * @param vocabSize 0 for the character vocabulary's own size
   */
  public static long run(
      Path directory,
      int layers,
      int width,
      int heads,
      int contextLength,
      int vocabSize,
      boolean tiedEmbeddings,
      long seed)
      throws IOException {
    CharVocabulary vocabulary = CharVocabulary.printableAscii();
    int vocab = vocabSize == 0 ? vocabulary.size() : vocabSize;
    DecoderConfig config = new DecoderConfig(
        vocab, contextLength, layers, width, heads, 4 * width, tiedEmbeddings, 1e-5f);
    ModelDirectory.writeRandom(directory, config, vocabulary, seed);
    return DecoderParameters.count(config);
  }
}
