package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {

  private static SampleRecord sample(int index, String text, double utility) {
    return new SampleRecord("m", "t", "e1", index, text, 10, null, "stop", "42", utility);
  }

  @Test
  void groupsExactAndNearDuplicatesAndPicksTheBestRepresentative() {
    String base = "first we add 12 and 30 to get 42 so the answer is 42";
    List<SampleRecord> samples = List.of(
        sample(0, base, 0.0),
        sample(
            1,
            "First, we add 12 and 30 to get 42. So the answer is 42!",
            1.0), // exact after normalisation
        sample(
            2,
            base.replace("first", "then"),
            1.0), // one substitution: J = 11/13 ≥ 0.8 by hand (see below)
        sample(3, "we multiply 6 by 7 which gives 42 and that is the answer", 1.0));
    // sample 2 vs 0: 14 words, 12 shingles each; "then we add" replaces "first we add" → 11 shared,
    // union 13
    assertThat(BruteForceShingles.jaccard(
            samples.get(0).text(), samples.get(2).text(), ShingleUnit.WORD, 3))
        .isEqualTo(11.0 / 13);
    List<DuplicateCluster<SampleRecord>> clusters =
        DuplicateDetector.withDefaults().clusters(samples);
    assertThat(clusters).hasSize(2);
    assertThat(clusters.get(0).positions()).containsExactly(0, 1, 2);
    // utility 1.0 beats 0.0; between samples 1 and 2 the lower sample index wins
    assertThat(clusters.get(0).representative().sampleIndex()).isEqualTo(1);
    assertThat(clusters.get(0).duplicates()).isEqualTo(2);
    assertThat(clusters.get(1).positions()).containsExactly(3);
  }

  @Test
  void clustersEqualBruteForceConnectedComponentsOnRandomData() {
    Random random = new Random(2024);
    List<String> texts = new ArrayList<>();
    for (int family = 0; family < 60; family++) {
      String base = RandomTexts.words(random, 20 + random.nextInt(60));
      texts.add(base);
      int variants = random.nextInt(4);
      for (int v = 0; v < variants; v++) {
        texts.add(RandomTexts.mutate(random, base, random.nextInt(6)));
      }
    }
    texts.add(texts.get(3).toUpperCase()); // an exact duplicate after normalisation
    DedupConfig config = DedupConfig.defaults();
    List<DuplicateCluster<String>> clusters =
        new DuplicateDetector(config).clusters(texts, text -> text, (a, b) -> 0);

    // brute force: all pairs with string-set Jaccard ≥ 0.8, then connected components
    UnionFind reference = new UnionFind(texts.size());
    List<Set<String>> sets = new ArrayList<>();
    texts.forEach(text -> sets.add(BruteForceShingles.of(text, ShingleUnit.WORD, 3)));
    for (int i = 0; i < texts.size(); i++) {
      for (int j = i + 1; j < texts.size(); j++) {
        if (BruteForceShingles.jaccard(sets.get(i), sets.get(j)) >= config.jaccardThreshold()) {
          reference.union(i, j);
        }
      }
    }
    Set<Set<Integer>> expected = new HashSet<>();
    for (int i = 0; i < texts.size(); i++) {
      Set<Integer> component = new HashSet<>();
      for (int j = 0; j < texts.size(); j++) {
        if (reference.find(j) == reference.find(i)) {
          component.add(j);
        }
      }
      expected.add(component);
    }
    Set<Set<Integer>> actual = new HashSet<>();
    clusters.forEach(cluster -> actual.add(new HashSet<>(cluster.positions())));
    assertThat(actual).isEqualTo(expected);
    assertThat(expected.size()).isLessThan(texts.size() - 30); // the data really has duplicates
  }
}
