package io.gvgap.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.JsonLinesWriter;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.WeightRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curve at N equals the metrics the existing calculator computes on a run directory written by
 * hand from the first N samples of each prompt (majority counted again on those N, the filter run
 * again on their scores).
 */
class SampleCurveTest {

  private static final int PROMPTS = 7;
  private static final int SAMPLES = 8;

  @TempDir
  Path full;

  @TempDir
  Path cut;

  /** Keeps the samples with the highest score (all tied ones); NaN scores are never kept. */
  private static final FilterStrategy KEEP_BEST = (scores, context) -> {
    double best = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      if (s > best) {
        best = s;
      }
    }
    double[] w = new double[scores.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = scores[i] == best ? 1 : 0;
    }
    return w;
  };

  /** Answers per prompt and sample: a few distinct values, some missing; the reference is "3". */
  private static String[][] answers() {
    Random random = new Random(7);
    String[][] answers = new String[PROMPTS][SAMPLES];
    for (int p = 0; p < PROMPTS; p++) {
      for (int i = 0; i < SAMPLES; i++) {
        int r = random.nextInt(5);
        answers[p][i] = r == 4 ? null : Integer.toString(r);
      }
    }
    return answers;
  }

  private static double[][] judgeScores() {
    Random random = new Random(11);
    double[][] scores = new double[PROMPTS][SAMPLES];
    for (int p = 0; p < PROMPTS; p++) {
      for (int i = 0; i < SAMPLES; i++) {
        scores[p][i] = random.nextInt(4) == 0 ? Double.NaN : random.nextInt(5) / 4.0;
      }
    }
    return scores;
  }

  /** Brute force: the share of the first n answers equal to answer i (0 without an answer). */
  private static double majority(String[] answers, int n, int i) {
    if (answers[i] == null) {
      return 0;
    }
    int same = 0;
    for (int j = 0; j < n; j++) {
      if (answers[i].equals(answers[j])) {
        same++;
      }
    }
    return (double) same / n;
  }

  /**
   * Writes a run directory with the first n samples of each prompt: the judge's stored scores, the
   * given majority scores and the weights of KEEP_BEST on each.
   */
  private static void write(Path dir, int n, boolean majorityOnTheCut) {
    String[][] answers = answers();
    double[][] judge = judgeScores();
    try (JsonLinesWriter examples = new JsonLinesWriter(dir.resolve(RunStore.EXAMPLES));
        JsonLinesWriter samples = new JsonLinesWriter(dir.resolve(RunStore.SAMPLES));
        JsonLinesWriter scores = new JsonLinesWriter(dir.resolve(RunStore.SCORES));
        JsonLinesWriter weights = new JsonLinesWriter(dir.resolve(RunStore.WEIGHTS))) {
      for (int p = 0; p < PROMPTS; p++) {
        String id = "e" + p;
        examples.append(new ExampleRecord("t", id, p, "q", "3", "prompt", Map.of()));
        List<SampleScore> judged = new ArrayList<>();
        List<SampleScore> voted = new ArrayList<>();
        double[] judgeValues = new double[n];
        double[] voteValues = new double[n];
        for (int i = 0; i < n; i++) {
          String a = answers[p][i];
          samples.append(
              new SampleRecord("m", "t", id, i, "text", 4, -1.0, "STOP", a, "3".equals(a) ? 1 : 0));
          judgeValues[i] = judge[p][i];
          judged.add(
              Double.isNaN(judge[p][i])
                  ? new SampleScore(i, null, false, "raw", "no verdict")
                  : new SampleScore(i, judge[p][i], true, "raw", "ok"));
          voteValues[i] = majority(answers[p], majorityOnTheCut ? n : SAMPLES, i);
          voted.add(new SampleScore(i, voteValues[i], true, "", ""));
        }
        scores.append(new ScoreRecord("m", "t", "judge", id, judged));
        scores.append(new ScoreRecord("m", "t", "maj", id, voted));
        weights.append(weightRecord(id, "judge", judgeValues));
        weights.append(weightRecord(id, "maj", voteValues));
      }
    }
  }

  private static WeightRecord weightRecord(String id, String verifier, double[] scores) {
    double[] w = KEEP_BEST.weights(scores, null);
    List<SampleWeight> list = new ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      list.add(SampleWeight.of(i, w[i]));
    }
    return new WeightRecord("m", "t", id, verifier, "best", list);
  }

  private static MetricsSettings settings(List<Integer> passAtK) {
    return new MetricsSettings(200, 0.95, 5, passAtK, EmptyKeptPolicy.FALLBACK);
  }

  @Test
  void eachPointEqualsTheCalculatorOnTheFirstNSamplesWrittenByHand() throws Exception {
    write(full, SAMPLES, false);
    SampleCurve curve = new SampleCurve(
        List.of("judge", "maj"),
        List.of(new LabeledFilter("best", KEEP_BEST)),
        settings(List.of(1, 2, 4, 8)),
        Set.of("maj"),
        Set.of());
    List<CurvePoint> points = curve.compute(RunRecords.read(full), List.of(1, 2, 4, 8), 5);
    assertThat(points).extracting(CurvePoint::samples).containsExactly(1, 2, 4, 8);
    for (CurvePoint point : points) {
      int n = point.samples();
      Path dir = Files.createDirectories(cut.resolve("n" + n));
      write(dir, n, true);
      List<Integer> ks = List.of(1, 2, 4, 8).stream().filter(k -> k <= n).toList();
      GroupResult expected = new RunMetricsCalculator(
              List.of("judge", "maj"), List.of("best"), settings(ks))
          .compute(dir, "cut")
          .groups()
          .get(0);
      assertThat(point.prompts()).isEqualTo(PROMPTS);
      assertThat(point.metrics()).as("N = " + n).isEqualTo(expected.metrics());
    }
  }

  @Test
  void withoutRecountingMajorityTheCurveWouldDifferFromTheHandMadeRuns() throws Exception {
    // The check above can fail: stored whole-run majority scores give other metrics at some N.
    write(full, SAMPLES, false);
    SampleCurve stale = new SampleCurve(
        List.of("judge", "maj"),
        List.of(new LabeledFilter("best", KEEP_BEST)),
        settings(List.of(1)),
        Set.of(),
        Set.of());
    boolean differs = false;
    for (CurvePoint point : stale.compute(RunRecords.read(full), List.of(2, 4), 5)) {
      Path dir = Files.createDirectories(cut.resolve("stale" + point.samples()));
      write(dir, point.samples(), true);
      GroupResult expected = new RunMetricsCalculator(
              List.of("judge", "maj"), List.of("best"), settings(List.of(1)))
          .compute(dir, "cut")
          .groups()
          .get(0);
      differs |= !point.metrics().equals(expected.metrics());
    }
    assertThat(differs).isTrue();
  }

  @Test
  void majorityOnASubSampleMatchesTheBruteForceCount() {
    String[][] answers = answers();
    for (String[] prompt : answers) {
      for (int n = 1; n <= SAMPLES; n++) {
        List<io.gvgap.api.task.Answer> cut = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          cut.add(
              prompt[i] == null
                  ? io.gvgap.api.task.Answer.none()
                  : io.gvgap.api.task.Answer.of(prompt[i]));
        }
        double[] values = SampleCurve.majority(cut);
        for (int i = 0; i < n; i++) {
          assertThat(values[i]).isEqualTo(majority(prompt, n, i));
        }
      }
    }
  }

  @Test
  void refusesAVerifierWhoseScoresDependOnTheWholeSet() {
    assertThatThrownBy(() -> new SampleCurve(
            List.of("tournament"), List.of(), settings(List.of(1)), Set.of(), Set.of("tournament")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'tournament'");
  }
}
