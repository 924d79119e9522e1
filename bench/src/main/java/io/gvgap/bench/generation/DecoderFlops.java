package io.gvgap.bench.generation;

import io.gvgap.onnx.decoder.DecoderConfig;

/**
 * Floating-point operations of one decoder step, counting multiply-adds as 2 operations and only
 * the matrix products (what a matmul ceiling measures): per layer the QKV projection (3·w² MACs),
 * the output projection (w²), the MLP (2·w·mlp), and attention over {@code attended} keys (scores
 * and weighted values, 2·w·attended MACs); then the LM head (w·vocab). Embeddings, LayerNorm,
 * softmax and GELU are left out (a few percent at these sizes).
 */
public final class DecoderFlops {
  private DecoderFlops() {}

  /** FLOPs for one token that attends over {@code attended} keys (its own included). */
  public static double perToken(DecoderConfig config, double attended) {
    double w = config.width();
    double perLayerMacs = 3 * w * w + w * w + 2 * w * config.mlpWidth() + 2 * w * attended;
    return 2 * (config.layers() * perLayerMacs + w * config.vocabSize());
  }

  /**
   * Mean FLOPs per generated token of a sample: generated token {@code i} (1-based) comes from the
   * position that attends over {@code promptTokens + i - 1} keys (token 1 from the prompt's last
   * position), and {@link #perToken} is linear in the keys, so the mean is perToken at the mean,
   * {@code promptTokens + (newTokens - 1) / 2}. The rest of the prompt's prefill is not counted: it
   * is shared work whose amount depends on the implementation (gvgap prefills a prompt once, others
   * once per sample).
   */
  public static double perGeneratedToken(DecoderConfig config, double promptTokens, int newTokens) {
    return perToken(config, promptTokens + (newTokens - 1) / 2.0);
  }

  /**
   * FLOPs of prefilling one prompt of {@code promptTokens} positions once, with the LM head at the
   * last position only (what gvgap's prefill computes): every position's weight products
   * (4·w² + 2·w·mlp MACs per layer), causal attention (position t attends t keys: 2·w·t MACs per
   * layer, w·L·(L + 1) in all), and one LM head (w·vocab). The least any implementation must do to
   * start a prompt's samples.
   */
  public static double prefill(DecoderConfig config, double promptTokens) {
    double w = config.width();
    double weightMacs = promptTokens * (4 * w * w + 2 * w * config.mlpWidth());
    double attentionMacs = w * promptTokens * (promptTokens + 1);
    return 2 * (config.layers() * (weightMacs + attentionMacs) + w * config.vocabSize());
  }
}
