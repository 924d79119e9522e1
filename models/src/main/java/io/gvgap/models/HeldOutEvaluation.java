package io.gvgap.models;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.arithmetic.ArithmeticCorpus;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Held-out accuracy of a model on the {@code arithmetic} task, scored by the task's own answer
 * extraction and utility, with the task's own few-shot generation prompt; the same on the easy
 * problems among them; and the model's accuracy as a multiple-choice judge of held-out solutions.
 */
public final class HeldOutEvaluation {
  /**
   * The figures of one evaluation.
   *
   * @param problems problems evaluated
   * @param greedyAccuracy mean utility of the greedy completions
   * @param sampledAccuracy mean utility of the samples at temperature 0.7 (top-p 1)
   * @param samplesPerProblem samples drawn per problem at temperature 0.7
   * @param distinctSampleFraction mean over problems of (distinct sample texts / samples)
   * @param easyProblems how many of the problems are easy (see {@link #isEasy})
   * @param easyGreedyAccuracy mean utility of the greedy completions on the easy problems (NaN if none)
   * @param judgedSolutions held-out solutions judged (half right, half with one wrong digit)
   * @param judgeAccuracy share of judged solutions where the model puts more probability on the right
   *     verdict word than on the wrong one, in the task's zero-shot multiple-choice format
   */
  public record Result(int problems, double greedyAccuracy, double sampledAccuracy, int samplesPerProblem,
      double distinctSampleFraction, int easyProblems, double easyGreedyAccuracy, int judgedSolutions,
      double judgeAccuracy) {
  }

  private HeldOutEvaluation() {
  }

  /**
   * Whether a problem is easy: its column solution (the task's reference) has no carry, no borrow and
   * no negative result, so every written digit is one single-digit sum or difference of the operands'
   * digits.
   */
  public static boolean isEasy(Example example) {
    String reference = example.reference();
    return !reference.contains("carry 1") && !reference.contains("borrow 1") && !reference.contains("-(");
  }

  /**
   * Evaluates the model directory on the first {@code problems} problems of a held-out seed, and as a
   * judge on {@code problems} of that seed's verification documents in the multiple-choice style.
   */
  public static Result evaluate(Path modelDirectory, ArithmeticOptions options, long seed, int problems,
      int samplesPerProblem, int threads) {
    ArithmeticTask task = new ArithmeticTask(options);
    List<Example> examples = task.examples(new ExampleRequest(problems, seed));
    try (OnnxLanguageModel model = OnnxLanguageModel.open(modelDirectory, threads, "cpu", 64)) {
      List<GenerationRequest> greedyRequests = new ArrayList<>();
      List<GenerationRequest> sampledRequests = new ArrayList<>();
      for (Example example : examples) {
        Prompt prompt = task.generationPrompt(example);
        greedyRequests.add(new GenerationRequest(example.id(), prompt.text(), 0, 1, prompt.stop()));
        sampledRequests.add(new GenerationRequest(example.id(), prompt.text(), 0, samplesPerProblem, prompt.stop()));
      }
      SamplingParams greedy = SamplingParams.greedy(200);
      SamplingParams sampled = new SamplingParams(0.7, 1.0, 0, 200, seed);
      Map<String, Generation> greedyOut = byId(model.generate(greedyRequests, greedy));
      Map<String, Generation> sampledOut = byId(model.generate(sampledRequests, sampled));
      double greedyTotal = 0;
      double easyTotal = 0;
      int easy = 0;
      double sampledTotal = 0;
      double distinct = 0;
      for (int i = 0; i < examples.size(); i++) {
        Example example = examples.get(i);
        double utility = task.utility(example, task.extract(example, greedyOut.get(example.id()).completions().get(0).text()));
        greedyTotal += utility;
        if (isEasy(example)) {
          easy++;
          easyTotal += utility;
        }
        Set<String> texts = new HashSet<>();
        for (Completion completion : sampledOut.get(example.id()).completions()) {
          sampledTotal += task.utility(example, task.extract(example, completion.text()));
          texts.add(completion.text());
        }
        distinct += texts.size() / (double) samplesPerProblem;
      }
      double judge = judgeAccuracy(model, options, seed, problems);
      return new Result(examples.size(), greedyTotal / examples.size(),
          sampledTotal / (examples.size() * (double) samplesPerProblem), samplesPerProblem, distinct / examples.size(),
          easy, easy == 0 ? Double.NaN : easyTotal / easy, problems, judge);
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
   * Multiple-choice judging accuracy on the seed's verification documents 0, 4, 8, ... (the
   * corpus's multiple-choice ones; right and wrong judged solutions alternate), zero-shot prompts.
   */
  private static double judgeAccuracy(OnnxLanguageModel model, ArithmeticOptions options, long seed, int count) {
    ArithmeticOptions zeroShot = options.withVerificationShots(0);
    ArithmeticCorpus corpus = new ArithmeticCorpus(zeroShot);
    return MultipleChoiceJudging.accuracy(model, index -> corpus.verificationDocument(seed, index),
        new ArithmeticTask(zeroShot).verification(), count);
  }
}
