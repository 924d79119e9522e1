package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArithmeticPretrainingCorpusTest {
  private static final ArithmeticOptions OPTIONS = new ArithmeticOptions();

  @Test
  void documentsNeverContainAHeldOutExpressionAndFollowThePromptLayout() {
    ArithmeticPretrainingCorpus corpus = new ArithmeticPretrainingCorpus(OPTIONS);
    List<TrainingExample> documents = corpus.solvedProblems(300, 4);
    assertThat(documents).hasSize(300);
    Pattern question = Pattern.compile("Question: What is ([^?]+)\\?");
    ArithmeticTask task = new ArithmeticTask(OPTIONS);
    // the evaluation problems of the model cards (seed 0), checked directly rather than through the
    // corpus's own set
    List<String> evaluated = task
        .examples(
            new ExampleRequest(PretrainRunner.EVALUATION_PROBLEMS, PretrainRunner.EVALUATION_SEED))
        .stream()
        .map(e -> e.metadata().get(ArithmeticTask.EXPRESSION))
        .toList();
    int problems = 0;
    for (TrainingExample document : documents) {
      assertThat(document.prompt()).isEmpty();
      assertThat(document.response())
          .startsWith("Question: What is ")
          .contains("\n\nQuestion: What is ");
      Matcher matcher = question.matcher(document.response());
      while (matcher.find()) {
        problems++;
        assertThat(evaluated).doesNotContain(matcher.group(1));
      }
    }
    assertThat(problems).isEqualTo(1200);
  }

  @Test
  void theCorpusIsDeterministicAndAFewShotPromptIsAPrefixOfItsLayout() {
    List<TrainingExample> first = new ArithmeticPretrainingCorpus(OPTIONS).solvedProblems(5, 4);
    List<TrainingExample> second = new ArithmeticPretrainingCorpus(OPTIONS).solvedProblems(5, 4);
    assertThat(first).isEqualTo(second);
    ArithmeticTask task = new ArithmeticTask(OPTIONS);
    Example example = task.examples(new ExampleRequest(1, 0)).get(0);
    String prompt = task.generationPrompt(example).text();
    // the prompt is solved problems joined by blank lines, then an open question: the documents'
    // layout
    assertThat(prompt)
        .matches("(?s)(Question: What is [^?]+\\?\nSolution:\n.*?Answer: -?\\d+\n\n){3}"
            + "Question: What is [^?]+\\?\nSolution:\n");
  }

  @Test
  void halfOfAMixedCorpusIsTheTasksExactPromptFollowedByASolution() {
    ArithmeticTask task = new ArithmeticTask(OPTIONS);
    String prefix =
        task.generationPrompt(task.examples(new ExampleRequest(1, 0)).get(0)).text();
    String shots = prefix.substring(0, prefix.lastIndexOf("Question:"));
    List<TrainingExample> documents = new ArithmeticPretrainingCorpus(OPTIONS).mixed(40, 4, 0.5);
    assertThat(documents).hasSize(40);
    // share 0.5: documents 1, 3, 5, ... (floor((i+1)/2) > floor(i/2) for odd i) are in the prompt
    // layout
    for (int i = 0; i < documents.size(); i++) {
      String text = documents.get(i).response();
      assertThat(text.startsWith(shots)).as("document %d", i).isEqualTo(i % 2 == 1);
      if (i % 2 == 1) {
        assertThat(text.substring(shots.length()))
            .matches("(?s)Question: What is [^?]+\\?\nSolution:\n.*Answer: -?\\d+\n");
      }
    }
  }

  @Test
  void firstOperandsVaryAcrossTheCorpus() {
    // 400 problems; with independent uniform first operands (90 values) the expected number of
    // distinct
    // ones is 90 * (1 - (89/90)^400) ≈ 89; problems 0..399 of one task seed share only about 7.
    Pattern question = Pattern.compile("Question: What is (\\d+)[-+]");
    java.util.Set<String> firsts = new java.util.HashSet<>();
    for (TrainingExample document :
        new ArithmeticPretrainingCorpus(OPTIONS).solvedProblems(100, 4)) {
      Matcher matcher = question.matcher(document.response());
      while (matcher.find()) {
        firsts.add(matcher.group(1));
      }
    }
    assertThat(firsts.size()).isGreaterThan(80);
  }

  @Test
  void aStageMixesVerificationDocumentsAtTheirShareAndWithoutThemEqualsTheMixedCorpus() {
    ArithmeticPretrainingCorpus corpus = new ArithmeticPretrainingCorpus(OPTIONS);
    assertThat(corpus.stage(40, 4, 0.5, 0)).isEqualTo(corpus.mixed(40, 4, 0.5));
    ArithmeticTask task = new ArithmeticTask(OPTIONS);
    String prefix =
        task.generationPrompt(task.examples(new ExampleRequest(1, 0)).get(0)).text();
    String shots = prefix.substring(0, prefix.lastIndexOf("Question:"));
    List<TrainingExample> documents = corpus.stage(40, 4, 0.5, 0.25);
    assertThat(documents).hasSize(40);
    // verification share 0.25: positions 3, 7, 11, ... (floor((i+1)/4) > floor(i/4) when i % 4 ==
    // 3): 10 documents;
    // few-shot share 0.5 of 40 = 20 documents among the other 30 (rescaled share 2/3)
    int verification = 0;
    int fewShot = 0;
    for (int i = 0; i < documents.size(); i++) {
      String text = documents.get(i).response();
      boolean judged = text.startsWith("Judge whether");
      assertThat(judged).as("document %d", i).isEqualTo(i % 4 == 3);
      if (judged) {
        verification++;
        // zero-shot verification prompts: one question, and the whole text fits the family's
        // 640-token context
        assertThat(text.split("Question:", -1)).hasSize(2);
        assertThat(text.length()).isLessThan(640);
        assertThat(text)
            .containsAnyOf(
                "Answer: Correct", "Answer: Incorrect", "Verdict: ", "Score: ", "Better: ");
      } else if (text.startsWith(shots)) {
        fewShot++;
      }
    }
    assertThat(verification).isEqualTo(10);
    assertThat(fewShot).isEqualTo(20);
  }

  @Test
  void stageSharesAreChecked() {
    assertThatThrownBy(() -> new FamilyMember.Stage(10, 8, 10, 1e-3, 0.7, 0.4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to at most 1");
    assertThatThrownBy(() -> new FamilyMember.Stage(10, 8, 10, 1e-3, 0.4, 0.4, 0.3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("drill 0.3");
    assertThat(new FamilyMember.Stage(10, 8, 10, 1e-3, 0.4, 0.3, 0.3).drillShare())
        .isEqualTo(0.3);
  }

  @Test
  void easyProblemsAreThoseWithoutCarryBorrowOrNegativeResult() {
    ArithmeticTask task = new ArithmeticTask(OPTIONS);
    int easy = 0;
    for (Example example : task.examples(new ExampleRequest(400, 0))) {
      String[] parts = example.metadata().get(ArithmeticTask.EXPRESSION).split("(?=[-+])", 2);
      int a = Integer.parseInt(parts[0]);
      int b = Integer.parseInt(parts[1].substring(1));
      boolean expected = parts[1].charAt(0) == '+'
          ? a % 10 + b % 10 < 10 && a / 10 + b / 10 < 10
          : a >= b && a % 10 >= b % 10;
      assertThat(HeldOutEvaluation.isEasy(example))
          .as(example.metadata().get(ArithmeticTask.EXPRESSION))
          .isEqualTo(expected);
      easy += expected ? 1 : 0;
    }
    // about a quarter of two-digit problems: P(no carry, two columns) ≈ 0.55 · 0.45 for sums, ≈ 0.5
    // · 0.55 for differences
    assertThat(easy).isBetween(60, 160);
  }
}
