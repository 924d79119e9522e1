package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.SamplingParams;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
  // probabilities at temperature 1: exp(l) / sum = [0.1, 0.2, 0.3, 0.4] for l = ln p
  static final float[] LOGITS = {
    (float) Math.log(0.1), (float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.4)
  };

  private static double[] frequencies(SamplingParams params, int draws) {
    TokenSampler sampler = new TokenSampler(4);
    SplittableRandom random = new SplittableRandom(5);
    double[] counts = new double[4];
    for (int i = 0; i < draws; i++) {
      counts[sampler.choose(FloatBuffer.wrap(LOGITS), 0, params, random).token()]++;
    }
    for (int i = 0; i < 4; i++) {
      counts[i] /= draws;
    }
    return counts;
  }

  @Test
  void greedyTakesTheLowestIdAmongMaximaAndReportsItsLogProbability() {
    TokenSampler sampler = new TokenSampler(3);
    TokenSampler.Choice choice = sampler.choose(
        FloatBuffer.wrap(new float[] {9, 1, 2, 2, 0}),
        2,
        SamplingParams.greedy(1),
        new SplittableRandom(1));
    // window [2, 2, 0]: ids 0 and 1 tie; log p = 2 - ln(e^2 + e^2 + e^0)
    assertThat(choice.token()).isEqualTo(0);
    assertThat(choice.logProb()).isCloseTo(2 - Math.log(2 * Math.exp(2) + 1), within(1e-6));
  }

  @Test
  void samplingFollowsTheDistributionAndItsCuts() {
    // 200 000 draws: the standard error of a frequency near 0.3 is ~0.001, so 0.005 is a 5-sigma
    // bound
    double[] plain = frequencies(new SamplingParams(1, 1, 0, 1, 0), 200_000);
    assertThat(plain).containsExactly(new double[] {0.1, 0.2, 0.3, 0.4}, within(0.005));
    // top-k 2 keeps 0.3 and 0.4, renormalised to 3/7 and 4/7
    double[] topK = frequencies(new SamplingParams(1, 1, 2, 1, 0), 200_000);
    assertThat(topK).containsExactly(new double[] {0, 0, 3 / 7.0, 4 / 7.0}, within(0.005));
    // top-p 0.6: 0.4 alone is below 0.6, 0.4 + 0.3 reaches it, so ids 3 and 2 remain
    double[] topP = frequencies(new SamplingParams(1, 0.6, 0, 1, 0), 200_000);
    assertThat(topP).containsExactly(new double[] {0, 0, 3 / 7.0, 4 / 7.0}, within(0.005));
    // temperature 0.5 squares the probabilities: [1, 4, 9, 16] / 30
    double[] cold = frequencies(new SamplingParams(0.5, 1, 0, 1, 0), 200_000);
    assertThat(cold)
        .containsExactly(new double[] {1 / 30.0, 4 / 30.0, 9 / 30.0, 16 / 30.0}, within(0.005));
  }

  @Test
  void sampleSeedsDependOnEveryPartAndNothingElse() {
    long seed = SampleSeeds.seed(7, "gsm8k/12", 3);
    assertThat(SampleSeeds.seed(7, "gsm8k/12", 3)).isEqualTo(seed);
    assertThat(SampleSeeds.seed(8, "gsm8k/12", 3)).isNotEqualTo(seed);
    assertThat(SampleSeeds.seed(7, "gsm8k/13", 3)).isNotEqualTo(seed);
    assertThat(SampleSeeds.seed(7, "gsm8k/12", 4)).isNotEqualTo(seed);
  }

  @Test
  void logitsThatAreNotNumbersFailInsteadOfChoosingIndexMinusOne() {
    TokenSampler sampler = new TokenSampler(3);
    SamplingParams sampling = new SamplingParams(0.7, 0.9, 0, 8, 1);
    for (SamplingParams params : new SamplingParams[] {sampling, SamplingParams.greedy(1)}) {
      float[] nan = {Float.NaN, Float.NaN, Float.NaN};
      assertThatThrownBy(
              () -> sampler.choose(FloatBuffer.wrap(nan), 0, params, new SplittableRandom(1)))
          .isInstanceOf(NonFiniteLogitsException.class)
          .hasMessageContaining("NaN");
      assertThatThrownBy(() -> sampler.choose(
              FloatBuffer.wrap(new float[] {0, Float.POSITIVE_INFINITY, 1}),
              0,
              params,
              new SplittableRandom(1)))
          .isInstanceOf(NonFiniteLogitsException.class)
          .hasMessageContaining("token id 1");
    }
  }
}
