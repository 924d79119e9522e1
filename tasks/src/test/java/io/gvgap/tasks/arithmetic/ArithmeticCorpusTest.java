package io.gvgap.tasks.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus: solved problems the task scores 1.0, and balanced, correctly labelled verification text. */
class ArithmeticCorpusTest {

  private final ArithmeticOptions options = new ArithmeticOptions(2, "+-*", 3, 100, 2);
  private final ArithmeticCorpus corpus = new ArithmeticCorpus(options);

  @Test
  void pretrainingDocumentsAreTheTasksSolvedProblems() {
    Task task = new ArithmeticTask(options);
    List<Example> examples = task.examples(new ExampleRequest(20, 9));
    List<String> documents = corpus.pretrainingDocuments(9, 20);
    for (int i = 0; i < 20; i++) {
      Example example = examples.get(i);
      assertThat(documents.get(i))
          .startsWith("Question: " + example.question() + "\nSolution:\n")
          .endsWith("Answer: " + example.metadata().get(ArithmeticTask.ANSWER) + "\n");
      assertThat(task.utility(example, task.extract(example, documents.get(i)))).isEqualTo(1.0);
    }
    assertThat(corpus.pretrainingDocuments(9, 20)).isEqualTo(documents);
  }

  @Test
  void verificationDocumentsAreBalancedAndLabelledByTheirContent() {
    ArithmeticTask task = new ArithmeticTask(options);
    List<VerificationDocument> documents = corpus.verificationDocuments(3, 400);
    assertThat(documents.stream().filter(VerificationDocument::responseCorrect)).hasSize(200);
    for (VerificationStyle style : VerificationStyle.values()) {
      assertThat(documents.stream().filter(d -> d.style() == style)).hasSize(100);
    }
    for (int i = 0; i < documents.size(); i++) {
      VerificationDocument document = documents.get(i);
      Example example =
          task.example(3, i); // beyond the task's count of 100: the corpus is unbounded
      assertThat(document.prompt()).contains(example.question());
      String verdict = switch (document.style()) {
        case MULTIPLE_CHOICE -> document.responseCorrect() ? " Correct" : " Incorrect";
        case COT_BINARY -> "\nVerdict: " + (document.responseCorrect() ? "correct" : "incorrect");
        case COT_SCORE -> "\nScore: " + (document.responseCorrect() ? "10" : "1");
        case PAIRWISE -> "\nBetter: " + (document.responseCorrect() ? "A" : "B");
      };
      assertThat(document.target()).endsWith(verdict);
      assertThat(document.text()).isEqualTo(document.prompt() + document.target());
      if (document.style() != VerificationStyle.PAIRWISE) {
        // the judged response is the last "Proposed answer:" of the prompt; the task scores it as
        // labelled
        String judged =
            document.prompt().substring(document.prompt().lastIndexOf("Proposed answer:\n") + 17);
        Answer answer = task.extract(example, judged);
        assertThat(task.utility(example, answer))
            .as(document.prompt())
            .isEqualTo(document.responseCorrect() ? 1.0 : 0.0);
      }
    }
  }
}
