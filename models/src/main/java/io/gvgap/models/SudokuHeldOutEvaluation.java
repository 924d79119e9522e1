package io.gvgap.models;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.sudoku4.Sudoku4Corpus;
import io.gvgap.tasks.sudoku4.Sudoku4Options;
import io.gvgap.tasks.sudoku4.Sudoku4Task;
import java.nio.file.Path;
import java.util.List;

/**
 * Held-out accuracy of a model on the {@code sudoku4} task, scored by the task's own grid extraction
 * and utility, with the task's own few-shot generation prompt; and the model's accuracy as a
 * multiple-choice judge of held-out grids in the zero-shot verification format.
 */
public final class SudokuHeldOutEvaluation {
  /** Tokens a completion may have: a solution is 19 characters, then the prompt's stop "\n\n". */
  static final int MAX_TOKENS = 40;

  /**
   * The figures of one evaluation.
   *
   * @param puzzles puzzles evaluated
   * @param greedyAccuracy mean utility of the greedy completions
   * @param sampledAccuracy mean utility of the samples at temperature 0.7 (top-p 1)
   * @param samplesPerPuzzle samples drawn per puzzle at temperature 0.7
   * @param distinctSampleFraction mean over puzzles of (distinct sample texts / samples)
   * @param judgedGrids held-out grids judged (half right, half wrong)
   * @param judgeAccuracy share of judged grids where the model puts more probability on the right
   *     verdict word than on the wrong one, in the task's zero-shot multiple-choice format
   */
  public record Result(
      int puzzles,
      double greedyAccuracy,
      double sampledAccuracy,
      int samplesPerPuzzle,
      double distinctSampleFraction,
      int judgedGrids,
      double judgeAccuracy) {}

  private SudokuHeldOutEvaluation() {}

  /**
   * Evaluates the model directory on the first {@code puzzles} puzzles of a held-out seed, and as a
   * judge on {@code puzzles} of that seed's multiple-choice verification documents.
   */
  public static Result evaluate(
      Path modelDirectory,
      Sudoku4Options options,
      long seed,
      int puzzles,
      int samplesPerPuzzle,
      int threads) {
    Sudoku4Task task = new Sudoku4Task(options);
    List<Example> examples = task.examples(new ExampleRequest(puzzles, seed));
    try (OnnxLanguageModel model = OnnxLanguageModel.open(modelDirectory, threads, "cpu", 64)) {
      HeldOutSamples.Figures figures =
          HeldOutSamples.score(model, task, examples, samplesPerPuzzle, MAX_TOKENS, seed);
      double judge = judgeAccuracy(model, options, seed, puzzles);
      return new Result(
          examples.size(),
          figures.greedyAccuracy(),
          figures.sampledAccuracy(),
          samplesPerPuzzle,
          figures.distinctSampleFraction(),
          puzzles,
          judge);
    }
  }

  /**
   * Multiple-choice judging accuracy on the seed's verification documents 0, 4, 8, ... (the corpus's
   * multiple-choice ones; right and wrong judged grids alternate, the wrong ones of every kind),
   * zero-shot prompts.
   */
  static double judgeAccuracy(
      OnnxLanguageModel model, Sudoku4Options options, long seed, int count) {
    Sudoku4Options zeroShot = options.withVerificationShots(0);
    Sudoku4Corpus corpus = new Sudoku4Corpus(zeroShot);
    return MultipleChoiceJudging.accuracy(
        model,
        index -> corpus.verificationDocument(seed, index),
        new Sudoku4Task(zeroShot).verification(),
        count);
  }
}
