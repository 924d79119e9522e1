package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.onnx.decoder.CharVocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
  private static final CharVocabulary VOCABULARY = new CharVocabulary("abc");

  @Test
  void promptTokensAndPaddingGetNoWeightAndResponsesShareTheWeightedMean() {
    // ids: <eot>=0, a=2, b=3, c=4. Example 1: prompt "ab", response "c", weight 1 -> tokens a b c
    // <eot>;
    // inputs a b c, targets b c <eot>; target b is prompt (weight 0), c and <eot> count -> 2
    // counted tokens.
    // Example 2: document "ba", weight 1 (a document counts every target) -> tokens b a <eot>; 2
    // counted.
    // Weighted mean: each counted token gets 1 / (2 + 2) = 0.25.
    List<TrainingExample> examples =
        List.of(new TrainingExample("ab", "c", 1), TrainingExample.document("ba"));
    BatchPlan plan = new BatchPlan(examples, VOCABULARY, 16, 2, 1);
    TokenBatch batch = plan.batch(0);
    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.length()).isEqualTo(3);
    int first = batch.inputIds()[0] == 2 ? 0 : 1; // the row holding example 1 (starts with 'a')
    int second = 1 - first;
    assertThat(slice(batch.inputIds(), first)).containsExactly(2, 3, 4);
    assertThat(slice(batch.targetIds(), first)).containsExactly(3, 4, 0);
    assertThat(weights(batch, first)).containsExactly(0f, 0.25f, 0.25f);
    assertThat(slice(batch.inputIds(), second)).containsExactly(3, 2, 0);
    assertThat(slice(batch.targetIds(), second)).containsExactly(2, 0, 0);
    assertThat(weights(batch, second)).containsExactly(0.25f, 0.25f, 0f);
  }

  @Test
  void exampleWeightsScaleTheirTokens() {
    // weights 3 and 1, one counted token each ("x" unknown char -> id 1, then <eot>... response "a"
    // + <eot>):
    // prompt "b" response "a": targets a, <eot> both count -> 2 tokens each. Total = 3*2 + 1*2 = 8.
    List<TrainingExample> examples =
        List.of(new TrainingExample("b", "a", 3), new TrainingExample("c", "a", 1));
    TokenBatch batch = new BatchPlan(examples, VOCABULARY, 16, 2, 1).batch(0);
    double heavy = 3.0 / 8;
    double light = 1.0 / 8;
    int heavyRow = batch.inputIds()[0] == 3 ? 0 : 1;
    assertThat(batch.lossWeights()[heavyRow * 2]).isCloseTo((float) heavy, within(1e-7f));
    assertThat(batch.lossWeights()[(1 - heavyRow) * 2 + 1]).isCloseTo((float) light, within(1e-7f));
    assertThat(batch.totalWeight()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void everyEpochVisitsEveryExampleOnceInASeededOrder() {
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      examples.add(TrainingExample.document("a".repeat(1 + i % 5) + "b".repeat(i / 5)));
    }
    BatchPlan plan = new BatchPlan(examples, VOCABULARY, 64, 4, 9);
    assertThat(plan.batchesPerEpoch()).isEqualTo(10); // ceil(37 / 4)
    for (int epoch = 0; epoch < 2; epoch++) {
      Set<String> seen = new HashSet<>();
      int rows = 0;
      for (int k = 0; k < plan.batchesPerEpoch(); k++) {
        TokenBatch batch = plan.batch(epoch * 10L + k);
        rows += batch.rows();
        for (int r = 0; r < batch.rows(); r++) {
          seen.add(java.util.Arrays.toString(slice(batch.inputIds(), r, batch.length())));
        }
      }
      assertThat(rows).isEqualTo(37);
      assertThat(seen).hasSize(37);
    }
    BatchPlan again = new BatchPlan(examples, VOCABULARY, 64, 4, 9);
    assertThat(again.batch(13).inputIds()).containsExactly(plan.batch(13).inputIds());
    assertThat(new BatchPlan(examples, VOCABULARY, 64, 4, 10).batch(3).inputIds())
        .isNotEqualTo(plan.batch(3).inputIds());
  }

  @Test
  void examplesLongerThanTheContextAreCut() {
    BatchPlan plan =
        new BatchPlan(List.of(TrainingExample.document("abcabcabc")), VOCABULARY, 4, 1, 1);
    assertThat(plan.truncatedExamples()).isEqualTo(1);
    assertThat(plan.batch(0).length()).isEqualTo(4);
  }

  private static long[] slice(long[] values, int row) {
    return slice(values, row, 3);
  }

  private static long[] slice(long[] values, int row, int length) {
    return java.util.Arrays.copyOfRange(values, row * length, row * length + length);
  }

  private static float[] weights(TokenBatch batch, int row) {
    return java.util.Arrays.copyOfRange(batch.lossWeights(), row * 3, row * 3 + 3);
  }
}
