package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.model.SamplingParams;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The candidate sampler against the full-vocabulary {@link TokenSampler}: the same token and draw
 * whenever it decides, and no draw when it leaves the row to the full logits.
 */
class CandidateSamplerTest {
  static final int VOCAB = 500;
  static final int K = 64;

  record Row(float[] logits, FloatBuffer values, LongBuffer ids, float logNormalizer) {}

  /** A row of logits and its K largest, largest first, computed by brute force. */
  static Row row(float[] logits) {
    Integer[] order = IntStream.range(0, VOCAB).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -logits[i]));
    FloatBuffer values = FloatBuffer.allocate(K);
    LongBuffer ids = LongBuffer.allocate(K);
    for (int c = 0; c < K; c++) {
      values.put(c, logits[order[c]]);
      ids.put(c, order[c]);
    }
    double max = logits[order[0]];
    double sum = 0;
    for (float logit : logits) {
      sum += Math.exp(logit - max);
    }
    return new Row(logits, values, ids, (float) (max + Math.log(sum)));
  }

  /** The nucleus mass the step graph computes, here in double. */
  static float nucleusMass(float[] logits, SamplingParams params) {
    double max = Double.NEGATIVE_INFINITY;
    for (float logit : logits) {
      max = Math.max(max, logit);
    }
    double total = 0;
    for (float logit : logits) {
      total += Math.exp((logit - (float) max) / params.temperature());
    }
    double floor = (1 - params.topP()) / VOCAB * total;
    double mass = 0;
    for (float logit : logits) {
      double w = Math.exp((logit - (float) max) / params.temperature());
      mass += w >= floor ? w : 0;
    }
    return (float) mass;
  }

  static float[] logits(long seed, double spread) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] logits = new float[VOCAB];
    for (int v = 0; v < VOCAB; v++) {
      logits[v] = (float) (random.nextGaussian() * spread);
    }
    return logits;
  }

  @Test
  void decidedChoicesEqualTheFullSamplersAndUndecidedOnesDrawNothing() {
    CandidateSampler candidates = new CandidateSampler(VOCAB, K);
    TokenSampler full = new TokenSampler(VOCAB);
    SamplingParams[] settings = {
      SamplingParams.greedy(1),
      new SamplingParams(0.7, 0.9, 0, 1, 0),
      new SamplingParams(1.0, 0.95, 0, 1, 0),
      new SamplingParams(1.0, 1.0, 40, 1, 0),
      new SamplingParams(0.8, 0.9, 100, 1, 0),
      new SamplingParams(1.0, 1.0, 0, 1, 0)
    };
    int decided = 0;
    int undecided = 0;
    for (int seed = 0; seed < 200; seed++) {
      // from nearly flat (the nucleus is far beyond 64 ids) to peaked
      Row row = row(logits(seed, seed % 4 == 0 ? 0.1 : 4.0));
      for (SamplingParams params : settings) {
        SplittableRandom a = new SplittableRandom(seed);
        SplittableRandom b = new SplittableRandom(seed);
        TokenSampler.Choice choice = candidates.choose(
            row.values(),
            row.ids(),
            0,
            K,
            row.logNormalizer(),
            nucleusMass(row.logits(), params),
            params,
            a);
        TokenSampler.Choice expected = full.choose(FloatBuffer.wrap(row.logits()), 0, params, b);
        if (choice == null) {
          undecided++;
          // nothing was drawn: the full sampler then makes the same draw the generic path makes
          assertThat(a.nextLong()).isEqualTo(new SplittableRandom(seed).nextLong());
        } else {
          decided++;
          assertThat(choice.token()).as("seed %d %s", seed, params).isEqualTo(expected.token());
          assertThat(choice.logProb())
              .isCloseTo(expected.logProb(), org.assertj.core.api.Assertions.within(1e-5));
          assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
      }
    }
    assertThat(decided).isGreaterThan(500);
    assertThat(undecided).isGreaterThan(200);
  }

  @Test
  void aNucleusBeyondTheCandidatesOrATopKBeyondThemFallsBack() {
    CandidateSampler candidates = new CandidateSampler(VOCAB, K);
    Row flat = row(logits(1, 0.01));
    SamplingParams nucleus = new SamplingParams(1.0, 0.9, 0, 1, 0);
    assertThat(candidates.choose(
            flat.values(),
            flat.ids(),
            0,
            K,
            flat.logNormalizer(),
            nucleusMass(flat.logits(), nucleus),
            nucleus,
            new SplittableRandom(1)))
        .isNull();
    Row peaked = row(logits(1, 6.0));
    SamplingParams wideTopK = new SamplingParams(1.0, 1.0, K + 1, 1, 0);
    assertThat(candidates.choose(
            peaked.values(),
            peaked.ids(),
            0,
            K,
            peaked.logNormalizer(),
            nucleusMass(peaked.logits(), wideTopK),
            wideTopK,
            new SplittableRandom(1)))
        .isNull();
    SamplingParams noCut = new SamplingParams(1.0, 1.0, 0, 1, 0);
    assertThat(candidates.choose(
            peaked.values(),
            peaked.ids(),
            0,
            K,
            peaked.logNormalizer(),
            nucleusMass(peaked.logits(), noCut),
            noCut,
            new SplittableRandom(1)))
        .isNull();
    SamplingParams tight = new SamplingParams(1.0, 0.5, 0, 1, 0);
    assertThat(candidates.choose(
            peaked.values(),
            peaked.ids(),
            0,
            K,
            peaked.logNormalizer(),
            nucleusMass(peaked.logits(), tight),
            tight,
            new SplittableRandom(1)))
        .isNotNull();
  }

  @Test
  void candidatesTiedWithTheSmallestAreLeftToTheFullLogits() {
    float[] logits = new float[VOCAB];
    Arrays.fill(logits, 1f);
    logits[7] = 5f;
    Row row = row(logits);
    CandidateSampler candidates = new CandidateSampler(VOCAB, K);
    TokenSampler.Choice greedy = candidates.choose(
        row.values(),
        row.ids(),
        0,
        K,
        row.logNormalizer(),
        1f,
        SamplingParams.greedy(1),
        new SplittableRandom(1));
    assertThat(greedy.token()).isEqualTo(7);
    // the 2nd to 64th candidates tie with 436 ids outside them: a top-k of 3 cannot be decided
    SamplingParams topK = new SamplingParams(1.0, 1.0, 3, 1, 0);
    assertThat(candidates.choose(
            row.values(), row.ids(), 0, K, row.logNormalizer(), 1f, topK, new SplittableRandom(1)))
        .isNull();
  }
}
