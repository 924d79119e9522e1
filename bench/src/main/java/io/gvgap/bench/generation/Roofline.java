package io.gvgap.bench.generation;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;

/**
 * The decode roofline of a workload on the measured machine: a decode step of {@code rows} samples
 * takes at least its matrix products' FLOPs at the measured MatMul rate plus the bytes it must move
 * at the measured memory bandwidth, and yields {@code rows} tokens. Both are linear in the
 * generated position, so the mean step is the step at the mean position. Bytes per step: the
 * weights once, the logits written and read once ([rows, vocab] floats), and the KV cache read:
 *
 * <ul>
 *   <li>shared-prefix: each prompt's cache once (per prompt in the step) plus each sample's own
 *       generated tokens;
 *   <li>per-sample: each sample's whole cache (its copy of the prompt and its generated tokens), as
 *       an in-place cache without sharing reads it.
 * </ul>
 *
 * The decode roofline leaves the prefill out. {@link #workloadTokensPerSecond} counts it too: the
 * whole workload's generated tokens over the time of its decode at the shared-prefix roofline plus
 * each prompt's prefill, done once ({@link DecoderFlops#prefill}) at the MatMul rate with its
 * cache written and the weights read once per batch at the bandwidth, which is what a timed
 * generation call contains. Where prompts are long against the tokens generated from them (few
 * samples or few new tokens), the two differ.
 */
public final class Roofline {
  private Roofline() {}

  /** Samples decoded together: the workload's, at most the batch rows. */
  static int rows(BenchmarkRun run) {
    return (int)
        Math.min((long) run.workload().prompts() * run.workload().samples(), run.gvgapBatchRows());
  }

  /** Prompts a step's rows belong to: rows / samples, at least 1. */
  static int promptsPerStep(BenchmarkRun run) {
    return Math.max(
        1, (rows(run) + run.workload().samples() - 1) / run.workload().samples());
  }

  /** Bytes of one token's keys and values over all layers. */
  static double kvBytesPerToken(DecoderConfig config) {
    return 2.0 * config.layers() * config.width() * Float.BYTES;
  }

  /** Bytes a mean step moves; {@code shared} for the shared-prefix cache. */
  static double bytesPerStep(DecoderConfig config, BenchmarkRun run, boolean shared) {
    int rows = rows(run);
    double prompt = run.meanPromptTokens();
    double ownMean = (run.workload().newTokens() - 1) / 2.0;
    double weights = (double) DecoderParameters.count(config) * Float.BYTES;
    double logits = 2.0 * rows * config.vocabSize() * Float.BYTES;
    double kv = shared
        ? (promptsPerStep(run) * prompt + rows * ownMean) * kvBytesPerToken(config)
        : rows * (prompt + ownMean) * kvBytesPerToken(config);
    return weights + logits + kv;
  }

  /** The roofline in generated tokens/s; {@code shared} for the shared-prefix cache. */
  public static double tokensPerSecond(
      DecoderConfig config, BenchmarkRun run, MatmulMeasurement machine, boolean shared) {
    int rows = rows(run);
    double flops = rows
        * DecoderFlops.perGeneratedToken(
            config, run.meanPromptTokens(), run.workload().newTokens());
    double seconds = flops / machine.flopsPerSecond()
        + bytesPerStep(config, run, shared) / machine.bytesPerSecond();
    return rows / seconds;
  }

  /**
   * The whole workload's roofline in generated tokens/s: its decode at the shared-prefix roofline
   * plus every prompt's prefill (see the class comment).
   */
  public static double workloadTokensPerSecond(
      DecoderConfig config, BenchmarkRun run, MatmulMeasurement machine) {
    Workload workload = run.workload();
    double generated = (double) workload.prompts() * workload.samples() * workload.newTokens();
    double decodeSeconds = generated / tokensPerSecond(config, run, machine, true);
    double prompt = run.meanPromptTokens();
    double batches = Math.ceil((double) workload.prompts() / promptsPerStep(run));
    double prefillFlops = workload.prompts() * DecoderFlops.prefill(config, prompt);
    double prefillBytes = workload.prompts() * prompt * kvBytesPerToken(config)
        + batches * (double) DecoderParameters.count(config) * Float.BYTES;
    double prefillSeconds =
        prefillFlops / machine.flopsPerSecond() + prefillBytes / machine.bytesPerSecond();
    return generated / (decodeSeconds + prefillSeconds);
  }
}
