package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of near-duplicate detection at the default threshold on generated pairs at
 * controlled Jaccard levels (seed fixed). Truth is the exact Jaccard of string shingle sets
 * ({@link BruteForceShingles}), computed independently of the detector.
 */
class NearDuplicateQualityTest {

  private static final double[] BAND_LOWER = {0.5, 0.6, 0.7, 0.8, 0.9};
  private static final int PAIRS_PER_BAND = 150;

  @Test
  void recallAtLeast95PercentAboveJaccard08WithPrecisionAtLeast95Percent() {
    Random random = new Random(20241126L);
    List<String> texts = new ArrayList<>();
    List<Double> pairJaccard = new ArrayList<>();
    int[] filled = new int[BAND_LOWER.length];
    while (pairJaccard.size() < BAND_LOWER.length * PAIRS_PER_BAND) {
      String base = RandomTexts.words(random, 30 + random.nextInt(170));
      String variant = RandomTexts.mutate(
          random, base, 1 + random.nextInt(Math.max(1, base.split(" ").length / 8)));
      double jaccard = BruteForceShingles.jaccard(base, variant, ShingleUnit.WORD, 3);
      int band = band(jaccard);
      if (band < 0 || filled[band] == PAIRS_PER_BAND) {
        continue;
      }
      filled[band]++;
      texts.add(base);
      texts.add(variant);
      pairJaccard.add(jaccard);
    }

    DedupConfig config = DedupConfig.defaults();
    List<DuplicatePair> detected = new DuplicateDetector(config).pairs(texts);

    Set<Integer> detectedGeneratedPairs = new HashSet<>();
    int truePositives = 0;
    for (DuplicatePair pair : detected) {
      double truth = BruteForceShingles.jaccard(
          texts.get(pair.first()), texts.get(pair.second()), ShingleUnit.WORD, 3);
      if (truth >= config.jaccardThreshold()) {
        truePositives++;
      }
      if (pair.second() == pair.first() + 1 && pair.first() % 2 == 0) {
        detectedGeneratedPairs.add(pair.first() / 2);
      }
    }
    int positives = 0;
    int found = 0;
    int[] detectedPerBand = new int[BAND_LOWER.length];
    for (int p = 0; p < pairJaccard.size(); p++) {
      boolean isDetected = detectedGeneratedPairs.contains(p);
      if (isDetected) {
        detectedPerBand[band(pairJaccard.get(p))]++;
      }
      if (pairJaccard.get(p) >= config.jaccardThreshold()) {
        positives++;
        found += isDetected ? 1 : 0;
      }
    }
    double recall = (double) found / positives;
    double precision = detected.isEmpty() ? 1.0 : (double) truePositives / detected.size();
    System.out.printf(
        "near-duplicate quality (seed 20241126, %d pairs per band, threshold %.2f)%n",
        PAIRS_PER_BAND, config.jaccardThreshold());
    for (int b = 0; b < BAND_LOWER.length; b++) {
      System.out.printf(
          "  J in [%.1f, %.1f): detected %d / %d%n",
          BAND_LOWER[b], BAND_LOWER[b] + 0.1, detectedPerBand[b], PAIRS_PER_BAND);
    }
    System.out.printf(
        "  recall (J >= 0.8) = %.4f, precision = %.4f over %d reported pairs%n",
        recall, precision, detected.size());
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    // nothing below the threshold may be reported: the bands under 0.8 must come back empty
    assertThat(detectedPerBand[0] + detectedPerBand[1] + detectedPerBand[2]).isZero();
  }

  private static int band(double jaccard) {
    for (int b = BAND_LOWER.length - 1; b >= 0; b--) {
      if (jaccard >= BAND_LOWER[b]) {
        return jaccard < 1.0 ? b : -1;
      }
    }
    return -1;
  }
}
