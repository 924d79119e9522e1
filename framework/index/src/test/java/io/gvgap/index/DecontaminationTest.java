package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecontaminationTest {

  @Test
  void handExampleWithLongAndShortPrompts() {
    List<String> eval = List.of(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen", // 14 words → 13-grams
        "alpha beta gamma delta epsilon zeta eta theta iota", // 9 words → 8-grams
        "tiny prompt"); // 2 words → only the whole prompt counts
    List<String> train = List.of(
        "x ONE two three four five six seven eight nine ten eleven twelve thirteen y", // one 13-gram of prompt 0
        "alpha beta gamma delta epsilon zeta eta theta", // one 8-gram of prompt 1
        "a tiny prompt indeed", // contains prompt 2 entirely
        "one two three four five six seven eight nine ten eleven twelve"); // 12 words: no 13-gram
    List<Overlap> overlaps = Decontamination.overlaps(train, eval, 13);
    assertThat(overlaps).containsExactly(
        new Overlap(0, 0, 13, 1, "one two three four five six seven eight nine ten eleven twelve thirteen"),
        new Overlap(1, 1, 8, 1, "alpha beta gamma delta epsilon zeta eta theta"),
        new Overlap(2, 2, 2, 1, "tiny prompt"));
  }

  @Test
  void agreesWithABruteForcePairwiseCheckOnRandomData() {
    Random random = new Random(99);
    List<String> eval = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      eval.add(wordsFromSmallVocabulary(random, 3 + random.nextInt(25)));
    }
    List<String> train = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String text = wordsFromSmallVocabulary(random, 10 + random.nextInt(40));
      if (i % 3 == 0) { // plant a piece of a prompt
        String[] prompt = eval.get(random.nextInt(eval.size())).split(" ");
        int from = random.nextInt(prompt.length);
        text = text + " " + String.join(" ", Arrays.copyOfRange(prompt, from, prompt.length)) + " " + text;
      }
      train.add(text);
    }
    int n = 10;
    int shortN = 5;
    Set<String> expected = new HashSet<>();
    for (int t = 0; t < train.size(); t++) {
      for (int p = 0; p < eval.size(); p++) {
        String[] prompt = TextNormalizer.normalize(eval.get(p)).split(" ");
        int length = prompt.length >= n ? n : Math.min(prompt.length, shortN);
        Set<String> shared = grams(prompt, length);
        shared.retainAll(grams(TextNormalizer.normalize(train.get(t)).split(" "), length));
        if (!shared.isEmpty()) {
          expected.add(t + ":" + p + ":" + length + ":" + shared.size());
        }
      }
    }
    Set<String> actual = new HashSet<>();
    for (Overlap overlap : Decontamination.overlaps(train, eval, n, shortN)) {
      actual.add(overlap.trainIndex() + ":" + overlap.evalIndex() + ":" + overlap.n() + ":" + overlap.sharedNgrams());
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).hasSizeGreaterThan(10);
  }

  @Test
  void findsGsm8kQuestionsPlantedInATrainingSet() throws IOException {
    Path data = repositoryFile("data/gsm8k/test.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> questions = new ArrayList<>();
    for (String line : Files.readAllLines(data)) {
      questions.add(json.readTree(line).get("question").asText());
    }
    // training texts: three questions reworded only in case and punctuation, and three unrelated texts
    List<String> train = List.of(questions.get(5).toUpperCase(), "Solve: " + questions.get(100).replace(",", ""),
        "unrelated text about nothing in particular", questions.get(1000) + " Answer: 7",
        "another text that shares no long phrase", "a third unrelated text");
    List<Overlap> overlaps = Decontamination.overlaps(train, questions, 13);
    assertThat(overlaps).extracting(o -> o.trainIndex() + "->" + o.evalIndex())
        .contains("0->5", "1->100", "3->1000");
    assertThat(overlaps).noneMatch(o -> o.trainIndex() == 2 || o.trainIndex() == 4 || o.trainIndex() == 5);
  }

  /** A file that ships with the repository; surefire runs in framework/index, so walk up to it. */
  private static Path repositoryFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " is missing from the repository (no folder from "
        + Path.of("").toAbsolutePath() + " upwards has it); restore it with `git checkout -- data`");
  }

  private static String wordsFromSmallVocabulary(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : " ").append("v").append(random.nextInt(30));
    }
    return text.toString();
  }

  private static Set<String> grams(String[] words, int length) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + length <= words.length; i++) {
      grams.add(String.join(" ", Arrays.copyOfRange(words, i, i + length)));
    }
    return grams;
  }
}
