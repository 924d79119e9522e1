package io.gvgap.bench.dedup;

import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded benchmark data shaped like a run's samples: word texts of 40 to 160 words drawn from a
 * Zipf-like vocabulary of 5 000 words (frequent words make common shingles, as in real solutions),
 * 30% of them near-duplicate variants (1 to 12 word edits) of an earlier text, 64 samples per
 * prompt.
 */
final class SyntheticSamples {

  private static final int VOCABULARY = 5_000;
  private static final int SAMPLES_PER_PROMPT = 64;

  private SyntheticSamples() {}

  static List<SampleRecord> generate(int count, long seed) {
    Random random = new Random(seed);
    double[] cumulative = zipfCumulative(VOCABULARY);
    List<String> texts = new ArrayList<>(count);
    List<SampleRecord> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String text;
      if (i > 0 && random.nextDouble() < 0.3) {
        text = mutate(
            random, cumulative, texts.get(random.nextInt(texts.size())), 1 + random.nextInt(12));
      } else {
        text = words(random, cumulative, 40 + random.nextInt(121));
      }
      texts.add(text);
      samples.add(new SampleRecord(
          "bench",
          "synthetic",
          "ex" + (i / SAMPLES_PER_PROMPT),
          i % SAMPLES_PER_PROMPT,
          text,
          text.length() / 4,
          null,
          "stop",
          Integer.toString(random.nextInt(10)),
          random.nextInt(2)));
    }
    return samples;
  }

  private static double[] zipfCumulative(int size) {
    double[] cumulative = new double[size];
    double sum = 0;
    for (int rank = 1; rank <= size; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < size; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  private static String word(Random random, double[] cumulative) {
    int rank = Arrays.binarySearch(cumulative, random.nextDouble());
    return "w" + (rank < 0 ? -rank - 1 : rank);
  }

  private static String words(Random random, double[] cumulative, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ").append(word(random, cumulative));
    }
    return text.toString();
  }

  private static String mutate(Random random, double[] cumulative, String text, int edits) {
    List<String> tokens = new ArrayList<>(Arrays.asList(text.split(" ")));
    for (int e = 0; e < edits; e++) {
      int kind = random.nextInt(3);
      if (kind == 0) {
        tokens.set(random.nextInt(tokens.size()), word(random, cumulative));
      } else if (kind == 1 || tokens.size() < 2) {
        tokens.add(random.nextInt(tokens.size() + 1), word(random, cumulative));
      } else {
        tokens.remove(random.nextInt(tokens.size()));
      }
    }
    return String.join(" ", tokens);
  }
}
