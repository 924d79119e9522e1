package io.gvgap.verifiers;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A deterministic language model for tests: its completions and log-probabilities come from
 * scripts chosen by the test (by prompt content or request id). It records every call, and returns
 * results and completions in REVERSED order so that a verifier matching by position fails. Tests
 * subclass it to imitate backends that break the contract.
 */
class ScriptedModel implements LanguageModel {

  /** Writes the completion for one sample of one request. */
  interface Writer {
    /** The text of sample {@code sampleIndex} of {@code request}. */
    String write(GenerationRequest request, int sampleIndex);
  }

  /** Gives the log-probability of one continuation. */
  interface Scorer {
    /** The natural-log probability of {@code continuation} after {@code request}'s context. */
    double logProb(ScoringRequest request, String continuation);
  }

  private final Writer writer;
  private final Scorer scorer;
  final List<List<GenerationRequest>> generateCalls = new ArrayList<>();
  final List<SamplingParams> generateParams = new ArrayList<>();
  final List<List<ScoringRequest>> scoreCalls = new ArrayList<>();

  ScriptedModel(Writer writer, Scorer scorer) {
    this.writer = writer;
    this.scorer = scorer;
  }

  /** A model that only generates. */
  static ScriptedModel writing(Writer writer) {
    return new ScriptedModel(writer, (request, continuation) -> {
      throw new AssertionError("this test's model was not expected to score");
    });
  }

  /** A model that only scores. */
  static ScriptedModel scoring(Scorer scorer) {
    return new ScriptedModel(
        (request, index) -> {
          throw new AssertionError("this test's model was not expected to generate");
        },
        scorer);
  }

  @Override
  public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    generateCalls.add(List.copyOf(requests));
    generateParams.add(params);
    List<Generation> generations = new ArrayList<>();
    for (GenerationRequest request : requests) {
      List<Completion> completions = new ArrayList<>();
      for (int i = request.firstSampleIndex();
          i < request.firstSampleIndex() + request.count();
          i++) {
        completions.add(new Completion(i, writer.write(request, i), 10, -5.0, FinishReason.EOS));
      }
      Collections.reverse(completions);
      generations.add(new Generation(request.id(), completions));
    }
    Collections.reverse(generations);
    return generations;
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    scoreCalls.add(List.copyOf(requests));
    List<ScoringResult> results = new ArrayList<>();
    for (ScoringRequest request : requests) {
      List<Double> logProbs =
          request.continuations().stream().map(c -> scorer.logProb(request, c)).toList();
      results.add(
          new ScoringResult(request.id(), logProbs, Collections.nCopies(logProbs.size(), 1)));
    }
    Collections.reverse(results);
    return results;
  }

  /** All generation requests over all calls. */
  List<GenerationRequest> allGenerationRequests() {
    return generateCalls.stream().flatMap(List::stream).toList();
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("scripted", -1, -1, Map.of());
  }

  @Override
  public void close() {}
}
