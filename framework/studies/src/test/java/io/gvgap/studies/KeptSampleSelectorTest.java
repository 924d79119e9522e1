package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.JsonLinesWriter;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.WeightRecord;
import io.gvgap.onnx.train.TrainingData;
import io.gvgap.onnx.train.TrainingExample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept-sample selection, deduplication, the SFT file and effective diversity on a hand-written run directory. */
class KeptSampleSelectorTest {

  @TempDir
  Path dir;

  private void writeRun() {
    try (JsonLinesWriter examples = new JsonLinesWriter(dir.resolve(RunStore.EXAMPLES));
        JsonLinesWriter samples = new JsonLinesWriter(dir.resolve(RunStore.SAMPLES));
        JsonLinesWriter scores = new JsonLinesWriter(dir.resolve(RunStore.SCORES));
        JsonLinesWriter weights = new JsonLinesWriter(dir.resolve(RunStore.WEIGHTS))) {
      // Written in reverse position order: selection must follow positions, not file order.
      examples.append(new ExampleRecord("arith", "b", 1, "2+2", "4", "Q: 2+2\nA:", Map.of()));
      examples.append(new ExampleRecord("arith", "a", 0, "1+1", "2", "Q: 1+1\nA:", Map.of()));
      // Example a: samples "2", " 2 " (a duplicate of "2" after normalising), "3", "2 " again,
      // unparsed.
      samples.append(new SampleRecord("m", "arith", "a", 1, " 2 ", 1, null, "stop", "2", 1.0));
      samples.append(new SampleRecord("m", "arith", "a", 0, "2", 1, null, "stop", "2", 1.0));
      samples.append(new SampleRecord("m", "arith", "a", 2, "3", 1, null, "stop", "3", 0.0));
      samples.append(new SampleRecord("m", "arith", "a", 3, "x", 1, null, "stop", null, 0.0));
      // Example b: "4" and "5"; another model's sample that must be ignored.
      samples.append(new SampleRecord("m", "arith", "b", 0, "4", 1, null, "stop", "4", 1.0));
      samples.append(new SampleRecord("m", "arith", "b", 1, "5", 1, null, "stop", "5", 0.0));
      samples.append(new SampleRecord("other", "arith", "b", 0, "9", 1, null, "stop", "9", 0.0));
      scores.append(new ScoreRecord(
          "m",
          "arith",
          "judge",
          "a",
          List.of(
              new SampleScore(0, 0.5, true, "", ""),
              new SampleScore(1, 1.0, true, "", ""),
              new SampleScore(2, 0.9, true, "", ""),
              new SampleScore(3, null, false, "", "unparsed"))));
      scores.append(new ScoreRecord(
          "m",
          "arith",
          "judge",
          "b",
          List.of(new SampleScore(1, 0.6, true, "", ""), new SampleScore(0, 0.1, true, "", ""))));
      scores.append(new ScoreRecord(
          "m",
          "arith",
          "other-judge",
          "b",
          List.of(new SampleScore(0, 1.0, true, "", ""), new SampleScore(1, 1.0, true, "", ""))));
      // The filtering stage's weights of strategy judge/keep-half (weight 1 for a score of at least
      // 0.5,
      // 2 for a score of 1, so that weights travel; 0 for the unscored sample), stored out of
      // sample order.
      weights.append(new WeightRecord(
          "m",
          "arith",
          "a",
          "judge",
          "keep-half",
          List.of(
              SampleWeight.of(1, 2),
              SampleWeight.of(0, 1),
              SampleWeight.of(2, 1),
              SampleWeight.of(3, 0))));
      weights.append(new WeightRecord(
          "m",
          "arith",
          "b",
          "judge",
          "keep-half",
          List.of(SampleWeight.of(0, 0), SampleWeight.of(1, 1))));
      // Another strategy's weights and another model's, which must be ignored.
      weights.append(new WeightRecord(
          "m",
          "arith",
          "b",
          "other-judge",
          "keep-half",
          List.of(SampleWeight.of(0, 1), SampleWeight.of(1, 1))));
      weights.append(new WeightRecord(
          "other", "arith", "b", "judge", "keep-half", List.of(SampleWeight.of(0, 1))));
    }
  }

  @Test
  void keepsPositiveWeightsInExampleOrderThenDeduplicates() throws Exception {
    writeRun();
    RunDirectoryContents run = RunDirectoryContents.read(dir, "m", "arith");
    List<KeptSample> kept = new KeptSampleSelector("judge", "keep-half").select(run);
    // a: sample 0 (0.5 -> w 1), 1 (1.0 -> w 2), 2 (0.9 -> w 1); sample 3 unscored. b: sample 1 (0.6
    // -> w 1).
    assertThat(kept)
        .extracting(k -> k.exampleId() + k.sampleIndex() + ":" + k.weight())
        .containsExactly("a0:1.0", "a1:2.0", "a2:1.0", "b1:1.0");
    assertThat(kept.get(0).prompt()).isEqualTo("Q: 1+1\nA:");
    assertThatThrownBy(() -> new KeptSampleSelector("judge", "missing").select(run))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no weights of strategy judge/missing");

    List<KeptSample> distinct = new ExactDuplicateRemover().deduplicate(kept);
    // "2" and " 2 " are one response: the first (a0) stays, with the larger weight 2 of the pair.
    assertThat(distinct)
        .extracting(k -> k.exampleId() + k.sampleIndex() + ":" + k.weight())
        .containsExactly("a0:2.0", "a2:1.0", "b1:1.0");

    Path sft = dir.resolve("sft.jsonl");
    SftSetWriter.write(sft, distinct);
    List<TrainingExample> read = TrainingData.readJsonLines(sft);
    assertThat(read)
        .containsExactly(
            new TrainingExample("Q: 1+1\nA:", "2", 2.0),
            new TrainingExample("Q: 1+1\nA:", "3", 1.0),
            new TrainingExample("Q: 2+2\nA:", "5", 1.0));
  }

  @Test
  void nearDuplicatesCollapseToTheLargestWeightNeverTheBestUtility() {
    String longText =
        "Step one: add the tens, then the units, carry one, and write the final answer. Answer: 42";
    // b differs from a by one character (Jaccard of 3-character shingles far above 0.8); c is
    // unrelated;
    // d is a's text under another prompt, which is never merged with a.
    KeptSample a = new KeptSample("x", 0, "P", longText, 1.0, 1.0);
    KeptSample b = new KeptSample("x", 1, "P", longText.replace("42", "43"), 2.0, 0.0);
    KeptSample c = new KeptSample(
        "x", 2, "P", "something else entirely, with no shared wording at all", 1.0, 0.0);
    KeptSample d = new KeptSample("y", 0, "Q", longText, 1.0, 1.0);
    List<KeptSample> kept = new NearDuplicateRemover(
            io.gvgap.index.DuplicateDetector.withDefaults())
        .deduplicate(List.of(a, b, c, d));
    // The a/b cluster keeps b: the larger weight, although a is the correct one.
    assertThat(kept).containsExactly(b, c, d);
  }
}
