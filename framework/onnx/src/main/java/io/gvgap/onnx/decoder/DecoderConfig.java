package io.gvgap.onnx.decoder;

/**
 * The shape of a gvgap decoder: a GPT-2-style transformer (learned position embeddings,
 * pre-LayerNorm blocks, tanh-approximated GELU MLP, optional tied LM head).
 *
 * @param vocabSize number of token ids (rows of the embedding and of the LM head)
 * @param contextLength maximum tokens the model attends over (rows of the position embedding)
 * @param layers number of transformer blocks
 * @param width model width (embedding size)
 * @param heads attention heads; {@code width} must be a multiple of it
 * @param mlpWidth inner width of each block's MLP (GPT-2 uses 4 x width)
 * @param tiedEmbeddings whether the LM head reuses the token embedding (GPT-2 does)
 * @param layerNormEpsilon the epsilon of every LayerNorm
 */
public record DecoderConfig(
    int vocabSize,
    int contextLength,
    int layers,
    int width,
    int heads,
    int mlpWidth,
    boolean tiedEmbeddings,
    float layerNormEpsilon) {
  /** Validates sizes. */
  public DecoderConfig {
    positive("vocabSize", vocabSize);
    positive("contextLength", contextLength);
    positive("layers", layers);
    positive("width", width);
    positive("heads", heads);
    positive("mlpWidth", mlpWidth);
    if (width % heads != 0) {
      throw new IllegalArgumentException(
          "width " + width + " must be a multiple of heads " + heads);
    }
    if (!(layerNormEpsilon > 0)) {
      throw new IllegalArgumentException("layerNormEpsilon must be > 0, was " + layerNormEpsilon);
    }
  }

  /** A GPT-2-style config: MLP width 4 x width, tied embeddings, epsilon 1e-5. */
  public static DecoderConfig gpt2Like(
      int vocabSize, int contextLength, int layers, int width, int heads) {
    return new DecoderConfig(
        vocabSize, contextLength, layers, width, heads, 4 * width, true, 1e-5f);
  }

  /** Width of one attention head. */
  public int headDim() {
    return width / heads;
  }

  private static void positive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be >= 1, was " + value);
    }
  }
}
