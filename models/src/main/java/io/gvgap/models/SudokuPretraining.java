package io.gvgap.models;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.tasks.sudoku4.Sudoku4Options;
import java.nio.file.Path;
import java.util.List;

/** Pre-training on the {@code sudoku4} task (default options: minimal puzzles, 2-shot prompt) and its card. */
final class SudokuPretraining implements PretrainingTask {
  private final Sudoku4Options options = new Sudoku4Options();
  private SudokuPretrainingCorpus corpus;

  @Override
  public String corpusDescription(FamilyMember member) {
    return "the sudoku4 task's corpus (minimal 4x4 puzzles, documents of "
        + member.problemsPerDocument()
        + " solved puzzles in the 2-shot prompt layout, zero-shot verification documents judged group by group,"
        + " training seeds from " + SudokuPretrainingCorpus.FIRST_TRAINING_SEED
        + ", puzzles of held-out seeds "
        + SudokuPretrainingCorpus.HELD_OUT_SEEDS + " (first "
        + SudokuPretrainingCorpus.HELD_OUT_COUNT
        + " each) excluded)";
  }

  @Override
  public String promptLayout() {
    return "2-shot";
  }

  @Override
  public List<TrainingExample> stage(FamilyMember member, FamilyMember.Stage stage) {
    if (stage.drillShare() > 0) {
      throw new IllegalArgumentException("family member " + member.name()
          + " (task sudoku4) has a stage with drill" + " share " + stage.drillShare()
          + "; column-step drills are arithmetic documents, set the share to 0");
    }
    if (corpus == null) {
      corpus = new SudokuPretrainingCorpus(options);
    }
    return corpus.stage(
        stage.documents(),
        member.problemsPerDocument(),
        stage.fewShotShare(),
        stage.verificationShare());
  }

  @Override
  public ObjectNode evaluate(Path directory, int problems, int threads) {
    SudokuHeldOutEvaluation.Result evaluation = SudokuHeldOutEvaluation.evaluate(
        directory,
        options,
        PretrainRunner.EVALUATION_SEED,
        problems,
        PretrainRunner.EVALUATION_SAMPLES,
        threads);
    ObjectNode heldOut = JsonNodeFactory.instance.objectNode();
    heldOut.put("task", "sudoku4 (default options: minimal puzzles, 2-shot prompt)");
    heldOut.put("seed", PretrainRunner.EVALUATION_SEED);
    heldOut.put("problems", evaluation.puzzles());
    heldOut.put("greedy", evaluation.greedyAccuracy());
    heldOut.put("temperature0_7", evaluation.sampledAccuracy());
    heldOut.put("samplesPerProblemAtTemperature0_7", evaluation.samplesPerPuzzle());
    heldOut.put("distinctSampleFraction", evaluation.distinctSampleFraction());
    heldOut.put(
        "definition",
        "mean utility of the sudoku4 task (1 when the completion's last 16-digit grid keeps the"
            + " givens and every row, column and box holds 1 to 4)");
    heldOut.put("judgedGrids", evaluation.judgedGrids());
    heldOut.put("judgeAccuracy", evaluation.judgeAccuracy());
    heldOut.put(
        "judgeDefinition",
        "share of held-out grids (half right, half wrong: two cells of a row swapped, a"
            + " digit changed, a given overwritten, another puzzle's grid) where the model gives the right verdict word"
            + " more probability than the wrong one, zero-shot multiple-choice format");
    return heldOut;
  }
}
