package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleIndexTest {

  @TempDir
  Path runDir;

  private static SampleRecord sample(
      String example, int index, String text, String answer, double utility) {
    return new SampleRecord(
        "tiny", "gsm8k", example, index, text, 12, -3.5, "stop", answer, utility);
  }

  /** 3 examples × 4 samples; sample i of example e says "... e*10+i" so every text differs. */
  private static List<SampleRecord> batch(int firstExample, int examples) {
    List<SampleRecord> samples = new ArrayList<>();
    for (int e = firstExample; e < firstExample + examples; e++) {
      for (int i = 0; i < 4; i++) {
        samples.add(sample(
            "ex" + e,
            i,
            "we compute the total and the answer is " + (e * 10 + i),
            Integer.toString(e * 10 + i),
            i % 2));
      }
    }
    return samples;
  }

  @Test
  void reAddingAfterACrashDoesNotDuplicate() {
    Path dir = runDir.resolve("index");
    SampleIndex index = SampleIndex.open(dir);
    index.add(batch(0, 2)); // 8 samples
    index.commit();
    index.add(batch(2, 1)); // 4 more, never committed
    assertThat(index.count()).isEqualTo(12);
    index.rollback(); // the crash: close without commit

    try (SampleIndex reopened = SampleIndex.open(dir)) {
      assertThat(reopened.count()).isEqualTo(8); // only the committed batch survived
      reopened.add(
          batch(0, 3)); // the run store replays everything: 12 samples, 8 of them already indexed
      reopened.commit();
      assertThat(reopened.count()).isEqualTo(12);
      reopened.add(batch(0, 3)); // and again: still no duplicates
      assertThat(reopened.count()).isEqualTo(12);
    }
    try (SampleIndex again = SampleIndex.open(dir)) {
      assertThat(again.count()).isEqualTo(12);
      assertThat(again.run()).isEqualTo(runDir.getFileName().toString());
    }
  }

  @Test
  void roundsAreSeparateDocuments() {
    try (SampleIndex index = SampleIndex.open(runDir.resolve("index"))) {
      index.add(0, batch(0, 1));
      index.add(1, batch(0, 1));
      assertThat(index.count()).isEqualTo(8);
      assertThat(index.samples(1)).hasSize(4).allMatch(s -> s.round() == 1);
      assertThat(index.samples(0, new ExampleKey("tiny", "gsm8k", "ex0")))
          .extracting(s -> s.sample().sampleIndex())
          .containsExactly(0, 1, 2, 3);
    }
  }

  @Test
  void scoresArriveLaterAndSurviveReAddingTheSample() {
    try (SampleIndex index = SampleIndex.open(runDir.resolve("index"))) {
      index.add(batch(0, 1));
      index.addScores(List.of(
          new ScoreRecord(
              "tiny",
              "gsm8k",
              "cot-score",
              "ex0",
              List.of(
                  new SampleScore(0, 0.9, true, "Score: 9", "9"),
                  new SampleScore(1, null, false, "no idea", "no score found"))),
          new ScoreRecord(
              "tiny", "gsm8k", "mc", "ex0", List.of(new SampleScore(0, 0.25, true, "", "0.25")))));
      IndexedSample first = index.get(0, "tiny", "gsm8k", "ex0", 0).orElseThrow();
      assertThat(first.scores())
          .containsEntry("cot-score", 0.9)
          .containsEntry("mc", 0.25)
          .hasSize(2);
      assertThat(index.get(0, "tiny", "gsm8k", "ex0", 1).orElseThrow().scores()).isEmpty();
      // the stored record round-trips field by field
      assertThat(first.sample()).isEqualTo(batch(0, 1).get(0));
      index.add(batch(0, 1)); // replaying the sample keeps its scores
      assertThat(index.get(0, "tiny", "gsm8k", "ex0", 0).orElseThrow().scores()).hasSize(2);
      assertThat(index.count()).isEqualTo(4);
    }
  }

  @Test
  void scoreForAnUnknownSampleFailsNamingIt() {
    try (SampleIndex index = SampleIndex.open(runDir.resolve("index"))) {
      assertThatThrownBy(() -> index.addScores(List.of(new ScoreRecord(
              "tiny", "gsm8k", "mc", "ex9", List.of(new SampleScore(3, 1.0, true, "", ""))))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("tiny/gsm8k/ex9/3/0")
          .hasMessageContaining("add the samples before their scores");
    }
  }

  @Test
  void searchByTextAnswerUtilityAndScore() {
    try (SampleIndex index = SampleIndex.open(runDir.resolve("index"))) {
      List<SampleRecord> samples = new ArrayList<>(batch(0, 3));
      samples.add(sample(
          "ex0", 4, "Natalia sold 48 clips in April and half as many clips in May", "72", 1.0));
      index.add(samples);
      index.addScores(List.of(new ScoreRecord(
          "tiny",
          "gsm8k",
          "cot-score",
          "ex0",
          List.of(
              new SampleScore(0, 0.1, true, "", ""),
              new SampleScore(1, 0.5, true, "", ""),
              new SampleScore(4, 0.8, true, "", "")))));
      SampleSearch search = index.search();
      assertThat(search.find(SampleQuery.all().withText("\"half as many\""), 10))
          .extracting(s -> s.sample().sampleIndex())
          .containsExactly(4);
      assertThat(search.find(SampleQuery.all().withAnswer("21"), 10))
          .extracting(s -> s.sample().exampleId())
          .containsExactly("ex2");
      // utilities are i % 2 for the 12 batch samples (6 ones) plus the extra sample's 1.0 → 7
      assertThat(search.count(SampleQuery.all().withUtility(0.5, 1.0))).isEqualTo(7);
      // scores 0.1, 0.5, 0.8 → two in [0.5, 1]; one of those (sample 1) has utility 1
      assertThat(search.count(SampleQuery.all().withScore("cot-score", 0.5, 1.0)))
          .isEqualTo(2);
      assertThat(search.count(SampleQuery.all()
              .withScore("cot-score", 0.5, 1.0)
              .withUtility(1, 1)
              .forExample(new ExampleKey("tiny", "gsm8k", "ex0"))
              .withText("answer")))
          .isEqualTo(1);
      assertThat(search.count(SampleQuery.all().inRound(1))).isZero();
      assertThatThrownBy(() -> search.find(SampleQuery.all().withText("(unbalanced"), 5))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot parse the text query");
    }
  }

  @Test
  void similarToFindsNearDuplicatesThroughTheIndexedSignatures() {
    try (SampleIndex index = SampleIndex.open(runDir.resolve("index"))) {
      String base = "first we add 12 and 30 to get 42 so the answer is 42";
      index.add(List.of(
          sample("ex0", 0, base, "42", 1),
          sample("ex0", 1, base.replace("first", "then"), "42", 1),
          sample("ex1", 0, "we multiply 6 by 7 which gives 42 and that is the answer", "42", 1)));
      List<SimilarSample> similar = index.search().similarTo(base, 10);
      // identical text (J = 1) first, then the one-substitution variant (J = 11/13, see
      // DuplicateDetectorTest)
      assertThat(similar).extracting(s -> s.sample().sample().sampleIndex()).containsExactly(0, 1);
      assertThat(similar.get(1).jaccard()).isEqualTo(11.0 / 13);
    }
  }

  @Test
  void openingWithOtherSignatureSettingsFails() {
    Path dir = runDir.resolve("index");
    try (SampleIndex index = SampleIndex.open(dir)) {
      index.add(batch(0, 1));
    }
    DedupConfig characters = DedupConfig.defaults().withShingles(ShingleUnit.CHARACTER, 5);
    assertThatThrownBy(() -> SampleIndex.open(dir, "run", characters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WORD:3:64")
        .hasMessageContaining("CHARACTER:5:64")
        .hasMessageContaining("delete the directory to rebuild");
  }
}
