package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ColumnStepDrillTest {
  private static final Pattern ADDITION =
      Pattern.compile("(\\d)\\+(\\d)\\+(\\d)=(\\d+) write (\\d) carry (\\d)");
  private static final Pattern SUBTRACTION =
      Pattern.compile("(\\d+)-(\\d)-(\\d)=(\\d) write (\\d) borrow (\\d)");

  @Test
  void drillStepsAreWrittenExactlyAsTheTasksSolutionsWriteThem() {
    // every column line of the task's own reference solutions (500 problems of a held-out seed) is
    // rebuilt from its digits by the drill; the digits are read back from the line itself
    ArithmeticTask task = new ArithmeticTask(new ArithmeticOptions());
    int lines = 0;
    for (Example example : task.examples(new ExampleRequest(500, 3))) {
      for (String line : example.reference().split("\n")) {
        Matcher add = ADDITION.matcher(line);
        Matcher sub = SUBTRACTION.matcher(line);
        if (add.matches()) {
          assertThat(ColumnStepDrill.step('+', digit(add, 1), digit(add, 2), digit(add, 3)))
              .isEqualTo(line);
          lines++;
        } else if (sub.matches()) {
          int borrowOut = digit(sub, 6);
          int top = Integer.parseInt(sub.group(1)) - 10 * borrowOut;
          assertThat(ColumnStepDrill.step('-', top, digit(sub, 3), digit(sub, 2)))
              .isEqualTo(line);
          lines++;
        }
      }
    }
    // 500 two-digit problems, two columns each
    assertThat(lines).isEqualTo(1000);
  }

  @Test
  void everyDrillLineIsATrueDigitFactAndTheFactsAreCovered() {
    Set<String> facts = new HashSet<>();
    for (int d = 0; d < 200; d++) {
      String document = ColumnStepDrill.document(d, "+-");
      assertThat(document.length()).isLessThan(560);
      String[] lines = document.split("\n");
      assertThat(lines).hasSize(ColumnStepDrill.LINES_PER_DOCUMENT);
      for (String line : lines) {
        Matcher add = ADDITION.matcher(line);
        Matcher sub = SUBTRACTION.matcher(line);
        if (add.matches()) {
          int sum = digit(add, 1) + digit(add, 2) + digit(add, 3);
          assertThat(Integer.parseInt(add.group(4))).isEqualTo(sum);
          assertThat(digit(add, 5)).isEqualTo(sum % 10);
          assertThat(digit(add, 6)).isEqualTo(sum / 10);
        } else {
          assertThat(sub.matches()).as(line).isTrue();
          int top = Integer.parseInt(sub.group(1));
          int value = top - digit(sub, 2) - digit(sub, 3);
          // the written value is one digit, and the column borrows exactly when the top needed 10
          // more
          assertThat(digit(sub, 4)).isEqualTo(value);
          assertThat(digit(sub, 5)).isEqualTo(value);
          assertThat(top >= 10).isEqualTo(digit(sub, 6) == 1);
          assertThat(value).isBetween(0, 9);
        }
        facts.add(line);
      }
    }
    // 4000 uniform draws from 400 facts (200 additions, 200 subtractions) miss each with
    // probability (1 - 1/400)^4000 < 5e-5, so all but a handful appear
    assertThat(facts.size()).isGreaterThan(395);
    assertThat(ColumnStepDrill.document(7, "+-"))
        .isEqualTo(ColumnStepDrill.document(7, "+-"))
        .isNotEqualTo(ColumnStepDrill.document(8, "+-"));
  }

  @Test
  void aStageHoldsDrillDocumentsAtTheirShareAndWithShareZeroEqualsTheOldStage() {
    ArithmeticPretrainingCorpus corpus = new ArithmeticPretrainingCorpus(new ArithmeticOptions());
    assertThat(corpus.stage(40, 4, 0.5, 0.25, 0)).isEqualTo(corpus.stage(40, 4, 0.5, 0.25));
    ArithmeticTask task = new ArithmeticTask(new ArithmeticOptions());
    String prefix =
        task.generationPrompt(task.examples(new ExampleRequest(1, 0)).get(0)).text();
    String shots = prefix.substring(0, prefix.lastIndexOf("Question:"));
    List<TrainingExample> documents = corpus.stage(40, 4, 0.25, 0.25, 0.25);
    // verification at i % 4 == 3 (10 documents); drill share 0.25 of 40 = 10 among the 30 others
    // (rescaled share 1/3: every third of them); few-shot 10 of the remaining 20
    int judged = 0;
    int drills = 0;
    int fewShot = 0;
    for (int i = 0; i < documents.size(); i++) {
      String text = documents.get(i).response();
      if (text.startsWith("Judge whether")) {
        judged++;
        assertThat(i % 4).isEqualTo(3);
      } else if (!text.contains("Question:")) {
        drills++;
        assertThat(text).isEqualTo(ColumnStepDrill.document(drills - 1, "+-"));
      } else if (text.startsWith(shots)) {
        fewShot++;
      }
    }
    assertThat(judged).isEqualTo(10);
    assertThat(drills).isEqualTo(10);
    assertThat(fewShot).isEqualTo(10);
  }

  private static int digit(Matcher matcher, int group) {
    return Integer.parseInt(matcher.group(group));
  }
}
