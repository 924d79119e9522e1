package io.gvgap.models;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greedy and temperature-0.7 completions of a task's held-out examples with the task's own
 * generation prompt, scored by the task's own extraction and utility: what every model card reports.
 */
final class HeldOutSamples {

  /**
   * One example's figures.
   *
   * @param example the example
   * @param greedyUtility utility of the greedy completion
   * @param sampledUtilitySum sum of the utilities of the samples at temperature 0.7
   * @param distinctTexts how many of the samples' texts differ
   */
  record Scored(
      Example example, double greedyUtility, double sampledUtilitySum, int distinctTexts) {}

  /**
   * The figures of all examples.
   *
   * @param examples one entry per example, in the examples' order
   * @param samplesPerExample samples drawn per example at temperature 0.7
   */
  record Figures(List<Scored> examples, int samplesPerExample) {

    /** Mean utility of the greedy completions. */
    double greedyAccuracy() {
      return examples.stream().mapToDouble(Scored::greedyUtility).average().orElse(Double.NaN);
    }

    /** Mean utility of all samples. */
    double sampledAccuracy() {
      return examples.stream().mapToDouble(Scored::sampledUtilitySum).sum()
          / (examples.size() * (double) samplesPerExample);
    }

    /** Mean over examples of (distinct sample texts / samples). */
    double distinctSampleFraction() {
      return examples.stream()
          .mapToDouble(s -> s.distinctTexts() / (double) samplesPerExample)
          .average()
          .orElse(Double.NaN);
    }
  }

  private HeldOutSamples() {}

  /**
   * Generates greedily and at temperature 0.7 (top-p 1, the seed given) for every example and scores
   * the completions.
   */
  static Figures score(
      OnnxLanguageModel model,
      Task task,
      List<Example> examples,
      int samplesPerExample,
      int maxTokens,
      long seed) {
    List<GenerationRequest> greedyRequests = new ArrayList<>();
    List<GenerationRequest> sampledRequests = new ArrayList<>();
    for (Example example : examples) {
      Prompt prompt = task.generationPrompt(example);
      greedyRequests.add(new GenerationRequest(example.id(), prompt.text(), 0, 1, prompt.stop()));
      sampledRequests.add(
          new GenerationRequest(example.id(), prompt.text(), 0, samplesPerExample, prompt.stop()));
    }
    Map<String, Generation> greedy =
        byId(model.generate(greedyRequests, SamplingParams.greedy(maxTokens)));
    Map<String, Generation> sampled =
        byId(model.generate(sampledRequests, new SamplingParams(0.7, 1.0, 0, maxTokens, seed)));
    List<Scored> scored = new ArrayList<>(examples.size());
    for (Example example : examples) {
      double greedyUtility = task.utility(
          example,
          task.extract(example, greedy.get(example.id()).completions().get(0).text()));
      double sampledSum = 0;
      Set<String> texts = new HashSet<>();
      for (Completion completion : sampled.get(example.id()).completions()) {
        sampledSum += task.utility(example, task.extract(example, completion.text()));
        texts.add(completion.text());
      }
      scored.add(new Scored(example, greedyUtility, sampledSum, texts.size()));
    }
    return new Figures(scored, samplesPerExample);
  }

  private static Map<String, Generation> byId(List<Generation> generations) {
    Map<String, Generation> map = new HashMap<>();
    for (Generation generation : generations) {
      map.put(generation.id(), generation);
    }
    return map;
  }
}
