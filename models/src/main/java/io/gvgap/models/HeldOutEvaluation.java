package io.gvgap.models;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Held-out accuracy of a model on the {@code arithmetic} task, scored by the task's own answer
 * extraction and utility, with the task's own few-shot generation prompt.
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
   */
  public record Result(int problems, double greedyAccuracy, double sampledAccuracy, int samplesPerProblem,
      double distinctSampleFraction) {
  }

  private HeldOutEvaluation() {
  }

  /** Evaluates the model directory on the first {@code problems} problems of a held-out seed. */
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
      List<Generation> greedyOut = model.generate(greedyRequests, greedy);
      List<Generation> sampledOut = model.generate(sampledRequests, sampled);
      double greedyTotal = 0;
      double sampledTotal = 0;
      double distinct = 0;
      for (int i = 0; i < examples.size(); i++) {
        Example example = examples.get(i);
        greedyTotal += task.utility(example, task.extract(example, greedyOut.get(i).completions().get(0).text()));
        Set<String> texts = new HashSet<>();
        for (Completion completion : sampledOut.get(i).completions()) {
          sampledTotal += task.utility(example, task.extract(example, completion.text()));
          texts.add(completion.text());
        }
        distinct += texts.size() / (double) samplesPerProblem;
      }
      return new Result(examples.size(), greedyTotal / examples.size(),
          sampledTotal / (examples.size() * (double) samplesPerProblem), samplesPerProblem, distinct / examples.size());
    }
  }
}
