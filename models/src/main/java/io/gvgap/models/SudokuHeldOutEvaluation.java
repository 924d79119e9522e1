package io.gvgap.models;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.sudoku4.Sudoku4Corpus;
import io.gvgap.tasks.sudoku4.Sudoku4Options;
import io.gvgap.tasks.sudoku4.Sudoku4Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  public record Result(int puzzles, double greedyAccuracy, double sampledAccuracy, int samplesPerPuzzle,
      double distinctSampleFraction, int judgedGrids, double judgeAccuracy) {
  }

  private SudokuHeldOutEvaluation() {
  }

  /**
   * Evaluates the model directory on the first {@code puzzles} puzzles of a held-out seed, and as a
   * judge on {@code puzzles} of that seed's multiple-choice verification documents.
   */
  public static Result evaluate(Path modelDirectory, Sudoku4Options options, long seed, int puzzles,
      int samplesPerPuzzle, int threads) {
    Sudoku4Task task = new Sudoku4Task(options);
    List<Example> examples = task.examples(new ExampleRequest(puzzles, seed));
    try (OnnxLanguageModel model = OnnxLanguageModel.open(modelDirectory, threads, "cpu", 64)) {
      List<GenerationRequest> greedyRequests = new ArrayList<>();
      List<GenerationRequest> sampledRequests = new ArrayList<>();
      for (Example example : examples) {
        Prompt prompt = task.generationPrompt(example);
        greedyRequests.add(new GenerationRequest(example.id(), prompt.text(), 0, 1, prompt.stop()));
        sampledRequests.add(new GenerationRequest(example.id(), prompt.text(), 0, samplesPerPuzzle, prompt.stop()));
      }
      Map<String, Generation> greedyOut = byId(model.generate(greedyRequests, SamplingParams.greedy(MAX_TOKENS)));
      Map<String, Generation> sampledOut = byId(model.generate(sampledRequests,
          new SamplingParams(0.7, 1.0, 0, MAX_TOKENS, seed)));
      double greedyTotal = 0;
      double sampledTotal = 0;
      double distinct = 0;
      for (Example example : examples) {
        greedyTotal += task.utility(example,
            task.extract(example, greedyOut.get(example.id()).completions().get(0).text()));
        Set<String> texts = new HashSet<>();
        for (Completion completion : sampledOut.get(example.id()).completions()) {
          sampledTotal += task.utility(example, task.extract(example, completion.text()));
          texts.add(completion.text());
        }
        distinct += texts.size() / (double) samplesPerPuzzle;
      }
      double judge = judgeAccuracy(model, options, seed, puzzles);
      return new Result(examples.size(), greedyTotal / examples.size(),
          sampledTotal / (examples.size() * (double) samplesPerPuzzle), samplesPerPuzzle, distinct / examples.size(),
          puzzles, judge);
    }
  }

  private static Map<String, Generation> byId(List<Generation> generations) {
    Map<String, Generation> map = new HashMap<>();
    for (Generation generation : generations) {
      map.put(generation.id(), generation);
    }
    return map;
  }

  /**
   * Multiple-choice judging accuracy on the seed's verification documents 0, 4, 8, ... (the corpus's
   * multiple-choice ones; right and wrong judged grids alternate, the wrong ones of every kind),
   * zero-shot prompts.
   */
  static double judgeAccuracy(OnnxLanguageModel model, Sudoku4Options options, long seed, int count) {
    Sudoku4Options zeroShot = options.withVerificationShots(0);
    Sudoku4Corpus corpus = new Sudoku4Corpus(zeroShot);
    return MultipleChoiceJudging.accuracy(model, index -> corpus.verificationDocument(seed, index),
        new Sudoku4Task(zeroShot).verification(), count);
  }
}
