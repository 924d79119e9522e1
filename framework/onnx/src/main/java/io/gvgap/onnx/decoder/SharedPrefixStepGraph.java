package io.gvgap.onnx.decoder;

import io.gvgap.onnx.arch.ArchitectureStepGraph;
import io.gvgap.onnx.arch.OwnDecoders;
import io.gvgap.onnx.arch.SamplingOutputs;
import io.gvgap.onnx.graph.Graph;
import java.util.Map;

/**
 * The decode step of a gvgap decoder for many samples of few prompts, built from the same
 * parameters as {@link DecoderGraph} (gvgap rebuilds it from a model directory's weights when it
 * loads the model, so written directories need no change). One call advances {@code rows} samples
 * by one token. The samples are grouped by prompt: rows {@code g·S .. g·S + S - 1} belong to prompt
 * {@code g} of {@code prompts}, S = rows / prompts.
 *
 * <p>Inputs: {@code input_ids}, {@code position_ids} [rows, 1]; {@code prompt_bias} [prompts, 1, 1,
 * prompt_length] (0 for a prompt position a sample may attend, {@link DecoderGraph#MASKED} for left
 * padding); {@code own_bias} [1, 1, 1, capacity] (0 for the generated positions already written,
 * {@link DecoderGraph#MASKED} for the rest); {@code sampling} [2] (1 / temperature and the nucleus
 * floor (1 - top_p) / vocab); per layer {@code prompt.i.key|value} [prompts, heads, prompt_length,
 * head_dim], the prompt's cache, kept once per prompt and read by all its samples, and
 * {@code own.i.key|value} [rows, heads, capacity, head_dim], each sample's generated tokens' cache
 * (a fixed-capacity buffer the caller writes in place).
 *
 * <p>Outputs: {@code new.i.key|value} [rows, heads, 1, head_dim], the new position's cache entry
 * (the caller writes it into the own buffer, so no cache is ever copied); {@code logits} [rows, 1,
 * vocab]; {@code top_logits}, {@code top_ids} [rows, 1, k], the k largest logits and their ids;
 * {@code log_normalizer} [rows, 1, 1], the log-sum-exp of all logits; {@code nucleus_mass} [rows,
 * 1, 1], the sum of exp((logit - max) / temperature) over the ids whose term is at least the
 * nucleus floor times the sum over all ids (the mass {@code TokenSampler} walks its nucleus in).
 *
 * <p>Attention of a sample's query: scores against its prompt's keys (all samples of a prompt
 * against one prompt cache in one MatMul), against its own generated keys, and against its new key;
 * one softmax over all three; the weighted sums of the three value sets added.
 */
public final class SharedPrefixStepGraph {
  /** Candidates the graph returns per row (fewer when the vocabulary is smaller). */
  public static final int CANDIDATES = SamplingOutputs.CANDIDATES;

  private SharedPrefixStepGraph() {}

  /** The candidates of a vocabulary: {@link #CANDIDATES}, or the vocabulary when smaller. */
  public static int candidates(int vocabSize) {
    return SamplingOutputs.candidates(vocabSize);
  }

  /**
   * The step graph for this config with these parameters (names as in {@link DecoderParameters}):
   * the {@link ArchitectureStepGraph} of the decoder's GPT-2 description ({@link OwnDecoders}).
   */
  public static Graph build(DecoderConfig config, Map<String, float[]> parameters) {
    DecoderParameters.validate(config, parameters);
    return ArchitectureStepGraph.build(
        OwnDecoders.architecture(config), OwnDecoders.canonicalWeights(config, parameters));
  }
}
