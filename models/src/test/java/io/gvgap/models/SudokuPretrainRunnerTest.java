package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-training a (very small) Sudoku member end to end: its corpus, a model directory and a card with the Sudoku fields. */
class SudokuPretrainRunnerTest {

  @TempDir
  Path models;

  private static final FamilyMember TINY_SUDOKU = new FamilyMember(
      "tiny-sudoku",
      1,
      8,
      2,
      768,
      2,
      9,
      List.of(new FamilyMember.Stage(8, 2, 3, 1e-3, 0.25, 0.5)),
      FamilyMember.SUDOKU4);

  @Test
  void aSudokuMemberTrainsAndItsCardDescribesTheSudokuEvaluation() throws Exception {
    List<String> log = new ArrayList<>();
    JsonNode card = PretrainRunner.run(TINY_SUDOKU, models, 1, 4, log::add);
    Path directory = models.resolve("tiny-sudoku");
    assertThat(directory.resolve(ModelDirectory.MODEL_CARD_FILE)).isRegularFile();
    assertThat(directory.resolve("config.json")).isRegularFile();
    assertThat(card.path("steps").asLong()).isEqualTo(3);
    assertThat(card.path("contextLength").asInt()).isEqualTo(768);
    assertThat(card.path("tokensSeen").asLong()).isPositive();
    assertThat(card.path("recipe").asText())
        .contains(
            "the sudoku4 task's corpus",
            "documents of 2 solved puzzles",
            "stage 1: 8 documents",
            "the task's 2-shot prompt layout 0.25");
    JsonNode heldOut = card.path("heldOutAccuracy");
    assertThat(heldOut.path("task").asText()).startsWith("sudoku4");
    assertThat(heldOut.path("problems").asInt()).isEqualTo(4);
    assertThat(heldOut.path("samplesPerProblemAtTemperature0_7").asInt())
        .isEqualTo(PretrainRunner.EVALUATION_SAMPLES);
    // an untrained model's accuracies are shares of 4 puzzles (x 4 samples), the judge's of 4 grids
    assertThat(heldOut.path("greedy").asDouble() * 4)
        .isEqualTo(Math.rint(heldOut.path("greedy").asDouble() * 4));
    assertThat(heldOut.path("temperature0_7").asDouble()).isBetween(0.0, 1.0);
    assertThat(heldOut.path("distinctSampleFraction").asDouble()).isBetween(0.25, 1.0);
    assertThat(heldOut.path("judgedGrids").asInt()).isEqualTo(4);
    assertThat(heldOut.path("judgeAccuracy").asDouble() * 4)
        .isEqualTo(Math.rint(heldOut.path("judgeAccuracy").asDouble() * 4));
    assertThat(heldOut.has("easyGreedy")).isFalse();
    assertThat(log).anyMatch(line -> line.startsWith("tiny-sudoku trained: 3 steps"));
  }

  @Test
  void aSudokuStageWithArithmeticDrillsIsRejectedBeforeTraining() {
    FamilyMember drilled = new FamilyMember(
        "drilled-sudoku",
        1,
        8,
        2,
        768,
        2,
        9,
        List.of(new FamilyMember.Stage(8, 2, 3, 1e-3, 0.25, 0.5, 0.1)),
        FamilyMember.SUDOKU4);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PretrainRunner.run(drilled, models, 1, 4, line -> {}))
        .hasMessageContaining("drilled-sudoku")
        .hasMessageContaining("drill share 0.1");
    assertThat(models.resolve("drilled-sudoku")).doesNotExist();
  }

  @Test
  void anUnknownTaskIsRejectedWithTheTasksThatExist() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FamilyMember(
            "x", 1, 8, 2, 64, 1, 1, List.of(new FamilyMember.Stage(8, 2, 3, 1e-3, 0, 0)), "chess"))
        .hasMessageContaining("task 'chess'")
        .hasMessageContaining("arithmetic, arithmetic-mix or sudoku4");
  }
}
