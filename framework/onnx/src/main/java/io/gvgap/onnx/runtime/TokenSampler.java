package io.gvgap.onnx.runtime;

import io.gvgap.api.model.SamplingParams;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Chooses the next token from one row of logits: greedy (temperature 0; the lowest id among equal
 * maxima), or sampling at a temperature after a top-k cut and then a top-p (nucleus) cut, as
 * Hugging Face applies them. Candidates are ordered by probability, ties by lower id, and the draw
 * walks them in that order, so the choice depends only on the logits and the row's random stream.
 * Holds scratch arrays; one instance serves one thread.
 */
public final class TokenSampler {
  private final int vocab;
  private final float[] logits;
  private final double[] weights;
  private final long[] order;

  /** A sampler for logits rows of {@code vocab} entries. */
  public TokenSampler(int vocab) {
    this.vocab = vocab;
    this.logits = new float[vocab];
    this.weights = new double[vocab];
    this.order = new long[vocab];
  }

  /**
   * The chosen token and its log-probability under the model itself (temperature 1, no cuts),
   * which is what a completion's log-probability sums.
   *
   * @param token the chosen id
   * @param logProb natural-log probability of the token under the unmodified distribution
   */
  public record Choice(int token, double logProb) {}

  /**
   * Chooses from {@code source[offset .. offset+vocab)}; draws one double from {@code random} unless greedy.
   *
   * @throws IllegalStateException when a logit is NaN or the largest is infinite (damaged weights)
   */
  public Choice choose(
      FloatBuffer source, int offset, SamplingParams params, SplittableRandom random) {
    source.get(offset, logits, 0, vocab);
    float max = Float.NEGATIVE_INFINITY;
    int argmax = 0;
    for (int i = 0; i < vocab; i++) {
      if (logits[i] > max) {
        max = logits[i];
        argmax = i;
      } else if (Float.isNaN(logits[i])) {
        throw new NonFiniteLogitsException(
            "the logit of token id " + i + " of " + vocab + " is NaN");
      }
    }
    if (Float.isInfinite(max)) {
      // +inf makes every difference NaN; -inf everywhere leaves nothing to choose
      throw new NonFiniteLogitsException(
          "the largest logit (token id " + argmax + " of " + vocab + ") is " + max);
    }
    double sumExp = 0;
    for (int i = 0; i < vocab; i++) {
      sumExp += Math.exp(logits[i] - max);
    }
    double logNormalizer = max + Math.log(sumExp);
    int token = params.temperature() == 0 ? argmax : sample(params, max, random);
    return new Choice(token, logits[token] - logNormalizer);
  }

  private int sample(SamplingParams params, float max, SplittableRandom random) {
    double inverseTemperature = 1.0 / params.temperature();
    double total = 0;
    for (int i = 0; i < vocab; i++) {
      weights[i] = Math.exp((logits[i] - max) * inverseTemperature);
      total += weights[i];
    }
    boolean topK = params.topK() > 0 && params.topK() < vocab;
    boolean topP = params.topP() < 1;
    if (!topK && !topP) {
      return walk(random.nextDouble() * total);
    }
    int candidates = topK ? topKCandidates(params.topK()) : nucleusSuperset(params.topP(), total);
    Arrays.sort(order, 0, candidates);
    double candidateMass = 0;
    for (int c = 0; c < candidates; c++) {
      candidateMass += weights[(int) order[c]];
    }
    int kept = candidates;
    double keptMass = candidateMass;
    if (topP) {
      double cumulative = 0;
      for (int c = 0; c < candidates; c++) {
        cumulative += weights[(int) order[c]];
        if (cumulative >= params.topP() * candidateMass) {
          kept = c + 1;
          keptMass = cumulative;
          break;
        }
      }
    }
    double target = random.nextDouble() * keptMass;
    double cumulative = 0;
    for (int c = 0; c < kept; c++) {
      cumulative += weights[(int) order[c]];
      if (target < cumulative) {
        return (int) order[c];
      }
    }
    return (int) order[kept - 1];
  }

  /** Samples over all ids in id order. */
  private int walk(double target) {
    double cumulative = 0;
    int last = 0;
    for (int i = 0; i < vocab; i++) {
      if (weights[i] > 0) {
        cumulative += weights[i];
        last = i;
        if (target < cumulative) {
          return i;
        }
      }
    }
    return last;
  }

  /** Fills {@code order} with the k most probable ids (keys sort by probability desc, id asc). */
  private int topKCandidates(int k) {
    PriorityQueue<Long> smallest = new PriorityQueue<>(k, (a, b) -> Long.compare(b, a));
    for (int i = 0; i < vocab; i++) {
      long key = key(i);
      if (smallest.size() < k) {
        smallest.add(key);
      } else if (key < smallest.peek()) {
        smallest.poll();
        smallest.add(key);
      }
    }
    int n = 0;
    for (long key : smallest) {
      order[n++] = key;
    }
    return n;
  }

  /**
   * Fills {@code order} with the ids of probability at least (1 - topP) / vocab. The ids below hold
   * at most 1 - topP of the mass together, so the nucleus (the most probable ids reaching topP) lies
   * within this set, which is usually far smaller than the vocabulary.
   */
  private int nucleusSuperset(double topP, double total) {
    double floor = (1 - topP) / vocab * total;
    int n = 0;
    for (int i = 0; i < vocab; i++) {
      if (weights[i] >= floor) {
        order[n++] = key(i);
      }
    }
    return n;
  }

  /** A long that sorts ascending by (weight descending, id ascending); weight order is logit order. */
  private long key(int id) {
    int bits = Float.floatToIntBits(logits[id]);
    int monotone = bits ^ ((bits >> 31) & 0x7fffffff);
    return ((long) ~monotone << 32) | id;
  }
}
