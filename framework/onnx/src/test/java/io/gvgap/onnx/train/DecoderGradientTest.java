package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The whole training forward pass of a small decoder (2 layers, 2 heads, tied embeddings) against
 * central finite differences, for every parameter tensor.
 *
 * <p>Tolerance: the decoder's parameters are scaled up from GPT-2's 0.02 to 0.3 so that every path
 * carries a visible gradient; the loss is a weighted mean of token cross-entropies (≈ log 7 ≈ 2).
 * In float32, a central difference with h = 1e-2 has roundoff ≈ u·|L|/h ≈ 1e-5 and truncation
 * ≈ h²·|L'''|/6, which the LayerNorms and softmaxes can make ≈ 1e-4; we require
 * |analytic − numeric| ≤ 2e-2·(2e-3 + |numeric|), which a wrong rule (a missing path, e.g. the tied
 * head's half of the embedding gradient, or a wrong transpose) exceeds by orders of magnitude.
 */
class DecoderGradientTest {
  @Test
  void everyParameterGradientMatchesFiniteDifferences() throws Exception {
    checkEveryParameter(false);
  }

  /**
   * The same with the data inputs declared as the training graph declares them ({@code batch_size} x
   * {@code sequence_length}): the gradient rules then know shapes only symbolically, and skip the
   * broadcast sums where {@link ShapeInference} proves them empty.
   */
  @Test
  void everyParameterGradientMatchesWithSymbolicSizes() throws Exception {
    checkEveryParameter(true);
  }

  /**
   * Causal attention in blocks ({@link CausalBlocks}) where the sequence does not divide evenly (7
   * positions in 4 blocks of 1, 2, 2, 2; 4 positions in 3 blocks of 1, 1, 2).
   */
  @Test
  void blockedAttentionGradientsMatchWithUnevenBlocks() throws Exception {
    long[] inputs = {0, 3, 5, 2, 2, 6, 1, 1, 4, 4, 3, 0, 5, 6};
    long[] targets = {3, 5, 2, 2, 6, 1, 0, 4, 4, 3, 0, 5, 6, 2};
    float[] weights = new float[14];
    java.util.Arrays.fill(weights, 1f / 14);
    check(true, 4, inputs, targets, weights, 2, 7);
    float[] quarter = new float[8];
    java.util.Arrays.fill(quarter, 0.125f);
    check(
        true,
        3,
        new long[] {1, 4, 3, 0, 2, 5, 6, 1},
        new long[] {4, 3, 0, 2, 5, 6, 1, 3},
        quarter,
        2,
        4);
  }

  private static void checkEveryParameter(boolean symbolic) throws Exception {
    long[] inputs = {0, 3, 5, 2, 2, 6, 0, 1, 4, 4, 3, 0};
    long[] targets = {3, 5, 2, 2, 6, 1, 1, 4, 4, 3, 0, 0};
    float[] weights = {0, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.2f, 0.1f, 0.1f, 0.1f, 0, 0};
    check(symbolic, 1, inputs, targets, weights, 2, 6);
  }

  private static void check(
      boolean symbolic,
      int blocks,
      long[] inputs,
      long[] targets,
      float[] weights,
      long rows,
      long length)
      throws Exception {
    DecoderConfig config =
        new DecoderConfig(7, (int) Math.max(6, length), 2, 8, 2, 16, true, 1e-5f);
    Map<String, float[]> parameters = DecoderParameters.random(config, 3);
    SplittableRandom random = new SplittableRandom(5);
    GradientChecker checker = new GradientChecker();
    for (Map.Entry<String, long[]> entry : DecoderParameters.shapes(config).entrySet()) {
      float[] values = parameters.get(entry.getKey());
      for (int i = 0; i < values.length; i++) {
        values[i] += (float) random.nextDouble(-0.3, 0.3);
      }
      checker.floatInput(entry.getKey(), values, entry.getValue());
    }
    checker
        .longInput("input_ids", inputs, rows, length)
        .longInput("target_ids", targets, rows, length)
        .floatInput("loss_weights", weights, rows, length);
    if (symbolic) {
      for (String name : List.of("input_ids", "target_ids", "loss_weights")) {
        checker.declare(name, "batch_size", "sequence_length");
      }
    }
    List<String> names = new ArrayList<>(DecoderParameters.shapes(config).keySet());
    GradientChecker.Report report = checker.check(
        b -> {
          TrainingForwardGraph.addNodes(b, config, blocks);
          return TrainingForwardGraph.LOSS;
        },
        names,
        6,
        1e-2,
        2e-3);
    assertThat(report.checked())
        .isEqualTo(
            names.stream().mapToInt(n -> Math.min(6, parameters.get(n).length)).sum());
    assertThat(report.worstError()).as(report.where()).isLessThan(2e-2);
  }
}
