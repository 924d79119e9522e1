package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.tasks.sudoku4.Sudoku4Options;
import io.gvgap.tasks.sudoku4.Sudoku4Task;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Sudoku member's corpus: held-out puzzles never appear, shares and layouts as stated, every document fits the context. */
class SudokuPretrainingCorpusTest {
  private static final Sudoku4Options OPTIONS = new Sudoku4Options();
  private static final Pattern PUZZLE =
      Pattern.compile("Puzzle:\n([.1-4]{4})\n([.1-4]{4})\n([.1-4]{4})\n([.1-4]{4})\n");
  private static final SudokuPretrainingCorpus CORPUS = new SudokuPretrainingCorpus(OPTIONS);

  /** The held-out puzzles, computed from the task directly rather than through the corpus's own set. */
  private static Set<String> heldOutPuzzles() {
    Sudoku4Task task = new Sudoku4Task(OPTIONS);
    Set<String> puzzles = new HashSet<>();
    for (long seed : List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 42L)) {
      for (Example example : task.examples(new ExampleRequest(500, seed))) {
        puzzles.add(example.metadata().get(Sudoku4Task.PUZZLE));
      }
    }
    return puzzles;
  }

  @Test
  void noTrainingDocumentHoldsAHeldOutPuzzleOutsideTheFewShotExemplars() {
    Set<String> heldOut = heldOutPuzzles();
    assertThat(CORPUS.heldOutPuzzles()).isEqualTo(heldOut.size());
    FamilyMember member = ModelFamily.named("sudoku-s").orElseThrow();
    Sudoku4Task task = new Sudoku4Task(OPTIONS);
    String prompt =
        task.generationPrompt(task.examples(new ExampleRequest(1, 0)).get(0)).text();
    // the prompt's two solved exemplars come from the task's own shot seed; they open every prompt,
    // training or not
    Set<String> exemplars = puzzlesIn(prompt.substring(0, prompt.lastIndexOf("Puzzle:")));
    assertThat(exemplars).hasSize(2);
    int puzzles = 0;
    for (TrainingExample document : CORPUS.stage(2_000, member.problemsPerDocument(), 0.3, 0.4)) {
      Set<String> found = puzzlesIn(document.response());
      found.removeAll(exemplars);
      assertThat(found).doesNotContainAnyElementsOf(heldOut);
      puzzles += found.size();
    }
    assertThat(puzzles).isGreaterThan(2_000);
  }

  @Test
  void aStageHasItsSharesOfPromptLayoutAndVerificationDocumentsAndEveryDocumentFitsTheContext() {
    FamilyMember member = ModelFamily.named("sudoku-s").orElseThrow();
    assertThat(member.task()).isEqualTo(FamilyMember.SUDOKU4);
    Sudoku4Task task = new Sudoku4Task(OPTIONS);
    String prompt =
        task.generationPrompt(task.examples(new ExampleRequest(1, 0)).get(0)).text();
    String shots = prompt.substring(0, prompt.lastIndexOf("Puzzle:"));
    List<TrainingExample> documents = CORPUS.stage(1_000, member.problemsPerDocument(), 0.3, 0.4);
    assertThat(documents).hasSize(1_000);
    int verification = 0;
    int fewShot = 0;
    for (int i = 0; i < documents.size(); i++) {
      String text = documents.get(i).response();
      assertThat(documents.get(i).prompt()).isEmpty();
      // the trainer keeps contextLength + 1 tokens: the text and its end-of-text token
      assertThat(text.length()).as("document %d", i).isLessThan(member.contextLength());
      // verification share 0.4: positions i with floor(0.4 (i + 1)) > floor(0.4 i), 2 of every 5 (i
      // % 5 == 2 or 4)
      boolean judged = text.startsWith("Judge whether");
      assertThat(judged).as("document %d", i).isEqualTo(i % 5 == 2 || i % 5 == 4);
      if (judged) {
        verification++;
        assertThat(text.split("Question:", -1)).hasSize(2);
      } else if (text.startsWith(shots)) {
        fewShot++;
        assertThat(text.substring(shots.length()))
            .matches("Puzzle:\n([.1-4]{4}\n){4}Solution:\n([1-4]{4}\n){4}");
      } else {
        assertThat(puzzlesIn(text)).hasSize(member.problemsPerDocument());
        assertThat(text)
            .matches("(Puzzle:\n([.1-4]{4}\n){4}Solution:\n([1-4]{4}\n){4}\n){7}"
                + "Puzzle:\n([.1-4]{4}\n){4}Solution:\n([1-4]{4}\n){4}");
      }
    }
    // 400 verification documents; few-shot share 0.3 of 1000 = 300 among the other 600 (rescaled
    // share 1/2)
    assertThat(verification).isEqualTo(400);
    assertThat(fewShot).isEqualTo(300);
    assertThat(CORPUS.stage(1_000, member.problemsPerDocument(), 0.3, 0.4)).isEqualTo(documents);
  }

  @Test
  void verificationDocumentsAreBalancedOverStylesAndVerdicts() {
    List<TrainingExample> documents = CORPUS.verification(400);
    int[] endings = new int[8];
    List<String> verdicts = List.of(
        "Answer: Correct",
        "Answer: Incorrect",
        "Verdict: correct",
        "Verdict: incorrect",
        "Score: 10",
        "Score: 1",
        "Better: A",
        "Better: B");
    for (TrainingExample document : documents) {
      for (int k = 0; k < verdicts.size(); k++) {
        if (document.response().endsWith(verdicts.get(k))) {
          endings[k]++;
        }
      }
    }
    // few held-out puzzles are skipped, so each of the 8 (style, verdict) cells has close to 400 /
    // 8 = 50
    for (int k = 0; k < 8; k++) {
      assertThat(endings[k]).as(verdicts.get(k)).isBetween(40, 60);
    }
  }

  private static Set<String> puzzlesIn(String text) {
    Set<String> puzzles = new HashSet<>();
    Matcher matcher = PUZZLE.matcher(text);
    while (matcher.find()) {
      puzzles.add(matcher.group(1) + matcher.group(2) + matcher.group(3) + matcher.group(4));
    }
    return puzzles;
  }
}
