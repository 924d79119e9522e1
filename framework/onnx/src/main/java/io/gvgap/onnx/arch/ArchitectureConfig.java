package io.gvgap.onnx.arch;

import java.util.Objects;

/**
 * One decoder architecture's description, as far as the graph depends on it: everything a
 * supported config.json says that changes the computation. A value the description cannot express
 * is refused when the config is read ({@link HfConfigReader}), never ignored.
 *
 * @param modelType the config's {@code model_type} (llama, qwen2, mistral, phi3, gemma2, gpt2)
 * @param vocabSize token ids
 * @param hiddenSize the residual stream's width
 * @param layers decoder blocks
 * @param heads query heads
 * @param kvHeads key/value heads (grouped-query attention when fewer than {@code heads}; query
 *     head h reads key/value head h / (heads / kvHeads))
 * @param headDim width of one head (heads × headDim need not equal hiddenSize: Gemma 2)
 * @param intermediateSize the MLP's inner width
 * @param normalization how blocks normalise
 * @param normEpsilon the normalisations' epsilon
 * @param activation the MLP's activation
 * @param gatedMlp {@code down(act(gate(x)) * up(x))} when true, {@code proj(act(fc(x)))} when false
 * @param attentionBias whether q, k, v projections have biases (Qwen2; GPT-2)
 * @param outputBias whether the attention output and MLP projections have biases (GPT-2)
 * @param rotary whether positions are rotary (RoPE) rather than learned embeddings (GPT-2)
 * @param ropeTheta the rotary base
 * @param ropeScaling the rotary frequencies' rescaling
 * @param contextLength the config's maximum positions
 * @param slidingWindow keys a query may see at most (itself included) in local layers, 0 for none
 * @param alternatingWindow when true only even layers are local (Gemma 2), else all are
 * @param postNorms whether each block also normalises its attention and MLP outputs (Gemma 2)
 * @param embeddingScale the token embedding is multiplied by this (Gemma 2: sqrt(hiddenSize))
 * @param queryScale attention scores are multiplied by this (1 / sqrt(headDim) unless the config
 *     says otherwise)
 * @param attentionSoftcap scores become {@code cap · tanh(score / cap)} before the mask, 0 for none
 * @param finalSoftcap logits become {@code cap · tanh(logit / cap)}, 0 for none
 * @param tiedEmbeddings whether the LM head is the token embedding
 * @param bosTokenId the beginning-of-sequence id, -1 when none
 * @param eosTokenId the end-of-sequence id, -1 when none
 */
public record ArchitectureConfig(
    String modelType,
    int vocabSize,
    int hiddenSize,
    int layers,
    int heads,
    int kvHeads,
    int headDim,
    int intermediateSize,
    Normalization normalization,
    float normEpsilon,
    Activation activation,
    boolean gatedMlp,
    boolean attentionBias,
    boolean outputBias,
    boolean rotary,
    double ropeTheta,
    RopeScaling ropeScaling,
    int contextLength,
    int slidingWindow,
    boolean alternatingWindow,
    boolean postNorms,
    float embeddingScale,
    float queryScale,
    float attentionSoftcap,
    float finalSoftcap,
    boolean tiedEmbeddings,
    long bosTokenId,
    long eosTokenId) {
  /** Checks the sizes fit together. */
  public ArchitectureConfig {
    Objects.requireNonNull(modelType, "modelType");
    Objects.requireNonNull(normalization, "normalization");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(ropeScaling, "ropeScaling");
    if (vocabSize < 1
        || hiddenSize < 1
        || layers < 1
        || heads < 1
        || kvHeads < 1
        || headDim < 1
        || intermediateSize < 1
        || contextLength < 1) {
      throw new IllegalArgumentException(
          "sizes must be positive: vocab " + vocabSize + ", hidden " + hiddenSize + ", layers "
              + layers + ", heads " + heads + ", kv heads " + kvHeads + ", head dim " + headDim
              + ", intermediate " + intermediateSize + ", context " + contextLength);
    }
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException(
          "num_attention_heads " + heads + " must be a multiple of num_key_value_heads " + kvHeads);
    }
    if (rotary && headDim % 2 != 0) {
      throw new IllegalArgumentException("rotary positions need an even head_dim, not " + headDim);
    }
  }

  /**
   * GPT-2's architecture at these sizes: LayerNorm, tanh-GELU MLP of {@code intermediateSize}, biases
   * on every projection, learned positions, scores scaled by 1 / sqrt(hiddenSize / heads), no
   * windows, post-norms or soft-caps. Both Hugging Face {@code gpt2} configs and gvgap's own
   * decoders are described by it.
   */
  public static ArchitectureConfig gpt2(
      int vocabSize,
      int hiddenSize,
      int layers,
      int heads,
      int intermediateSize,
      float normEpsilon,
      int contextLength,
      boolean tiedEmbeddings,
      long bosTokenId,
      long eosTokenId) {
    return new ArchitectureConfig(
        "gpt2",
        vocabSize,
        hiddenSize,
        layers,
        heads,
        heads,
        hiddenSize / heads,
        intermediateSize,
        Normalization.LAYER_NORM,
        normEpsilon,
        Activation.GELU_TANH,
        false,
        true,
        true,
        false,
        0,
        RopeScaling.NONE,
        contextLength,
        0,
        false,
        false,
        1f,
        (float) (1 / Math.sqrt((double) hiddenSize / heads)),
        0f,
        0f,
        tiedEmbeddings,
        bosTokenId,
        eosTokenId);
  }

  /** Query heads per key/value head. */
  public int groupSize() {
    return heads / kvHeads;
  }

  /** Whether layer {@code layer} attends within the sliding window. */
  public boolean isLocal(int layer) {
    return slidingWindow > 0 && (!alternatingWindow || layer % 2 == 0);
  }
}
