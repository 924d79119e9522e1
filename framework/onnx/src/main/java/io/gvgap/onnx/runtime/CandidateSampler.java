package io.gvgap.onnx.runtime;

import io.gvgap.api.model.SamplingParams;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@link TokenSampler}'s choice made from a row's largest logits only (the step graph's TopK
 * candidates, its log-sum-exp and its nucleus mass) instead of the whole vocabulary: the same
 * candidate order (probability descending, id ascending), the same double-precision weights
 * {@code exp((logit - max) / temperature)}, the same walk and the same single draw, so a seed gives
 * the same tokens as the full-vocabulary sampler (up to the float rounding of the nucleus mass).
 *
 * <p>When the candidates cannot decide exactly, {@link #choose} returns null before drawing, and
 * the caller uses {@link TokenSampler} on the row's full logits: sampling without a top-k or top-p
 * cut (every id can be drawn), a top-k beyond the candidates, a nucleus the candidates do not
 * reach, a choice among candidates tied with the smallest one (ids beyond the candidates may hold
 * the same logit), and logits that are not finite (the full sampler reports them). One instance
 * serves one thread.
 */
final class CandidateSampler {
  private final int vocab;
  private final long[] keys;
  private final double[] weights;

  /** A sampler for rows of up to {@code candidates} candidates from a vocabulary of {@code vocab} ids. */
  CandidateSampler(int vocab, int candidates) {
    this.vocab = vocab;
    this.keys = new long[candidates];
    this.weights = new double[candidates];
  }

  /**
   * The choice from {@code count} candidates at {@code offset}, or null (nothing drawn) when the
   * full logits must decide.
   *
   * @param logNormalizer log-sum-exp of the row's logits (temperature 1)
   * @param nucleusMass the row's sum of exp((logit - max) / temperature) over the ids whose term is at
   *     least (1 - top_p) / vocab times the sum over all ids
   */
  TokenSampler.Choice choose(
      FloatBuffer values,
      LongBuffer ids,
      int offset,
      int count,
      float logNormalizer,
      float nucleusMass,
      SamplingParams params,
      SplittableRandom random) {
    for (int c = 0; c < count; c++) {
      keys[c] = key(values.get(offset + c), (int) ids.get(offset + c));
    }
    Arrays.sort(keys, 0, count);
    float max = value(keys[0]);
    if (!Float.isFinite(max) || !Float.isFinite(logNormalizer) || Float.isNaN(nucleusMass)) {
      return null;
    }
    // candidates tied with the smallest one are not reliable: the vocabulary may hold more of them
    int reliable = count;
    if (count < vocab) {
      float smallest = value(keys[count - 1]);
      while (reliable > 0 && value(keys[reliable - 1]) == smallest) {
        reliable--;
      }
    }
    if (params.temperature() == 0) {
      return reliable < 1 ? null : choice(keys[0], logNormalizer);
    }
    boolean topK = params.topK() > 0 && params.topK() < vocab;
    boolean topP = params.topP() < 1;
    if (!topK && !topP) {
      return null;
    }
    double inverseTemperature = 1.0 / params.temperature();
    int candidates;
    double candidateMass;
    if (topK) {
      if (params.topK() > reliable) {
        return null;
      }
      candidates = params.topK();
      candidateMass = 0;
      for (int c = 0; c < candidates; c++) {
        weights[c] = Math.exp((value(keys[c]) - max) * inverseTemperature);
        candidateMass += weights[c];
      }
    } else {
      candidates = reliable;
      candidateMass = nucleusMass;
      for (int c = 0; c < candidates; c++) {
        weights[c] = Math.exp((value(keys[c]) - max) * inverseTemperature);
      }
    }
    int kept = candidates;
    double keptMass = candidateMass;
    if (topP) {
      double cumulative = 0;
      boolean reached = false;
      for (int c = 0; c < candidates; c++) {
        cumulative += weights[c];
        if (cumulative >= params.topP() * candidateMass) {
          kept = c + 1;
          keptMass = cumulative;
          reached = true;
          break;
        }
      }
      if (!reached && !topK) {
        return null;
      }
    }
    double target = random.nextDouble() * keptMass;
    double cumulative = 0;
    for (int c = 0; c < kept; c++) {
      cumulative += weights[c];
      if (target < cumulative) {
        return choice(keys[c], logNormalizer);
      }
    }
    return choice(keys[kept - 1], logNormalizer);
  }

  private static TokenSampler.Choice choice(long key, float logNormalizer) {
    return new TokenSampler.Choice(id(key), (double) value(key) - logNormalizer);
  }

  /** Sorts ascending by (logit descending, id ascending), as {@link TokenSampler} orders candidates. */
  static long key(float logit, int id) {
    int bits = Float.floatToIntBits(logit);
    int monotone = bits ^ ((bits >> 31) & 0x7fffffff);
    return ((long) ~monotone << 32) | id;
  }

  private static int id(long key) {
    return (int) key;
  }

  private static float value(long key) {
    int monotone = ~(int) (key >>> 32);
    int bits = monotone ^ ((monotone >> 31) & 0x7fffffff);
    return Float.intBitsToFloat(bits);
  }
}
