package io.gvgap.verifiers;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared engine of {@code cot-binary} and {@code cot-score}: the model writes K reasoned
 * judgements per sample, a parser reads each, and {@link KSampleScore} averages them.
 *
 * <p>All requests' prompts go to the model in one {@code generate} call (one per distinct seed),
 * one generation request per sample with id {@code <exampleId>#<sampleIndex>} and K samples, so
 * the backend can share the prompt's KV cache among the K judgements. Results are matched by id.
 */
final class ChainOfThoughtVerifier implements Verifier {

  /** Builds the judging prompt for one response from the task's formats. */
  interface PromptFormat {
    /** The full prompt for judging {@code response} to {@code request}'s example. */
    String prompt(VerificationFormats formats, VerificationRequest request, String response);
  }

  private final String name;
  private final CotOptions options;
  private final PromptFormat format;
  private final Function<String, Verdict> parser;

  ChainOfThoughtVerifier(
      String name, CotOptions options, PromptFormat format, Function<String, Verdict> parser) {
    this.name = name;
    this.options = options;
    this.format = format;
    this.parser = parser;
  }

  @Override
  public List<Score> verify(VerificationRequest request) {
    return verifyAll(List.of(request)).get(request.example().id());
  }

  @Override
  public Map<String, List<Score>> verifyAll(List<VerificationRequest> requests) {
    ModelCalls.requireDistinctExamples(name, requests);
    Map<String, List<Score>> result = new LinkedHashMap<>();
    // Requests normally share one judging model; should they not, each model gets its own call.
    Map<LanguageModel, List<VerificationRequest>> byModel = new IdentityHashMap<>();
    for (VerificationRequest request : requests) {
      if (!request.candidates().isEmpty()) {
        byModel
            .computeIfAbsent(ModelCalls.modelOf(name, request), m -> new ArrayList<>())
            .add(request);
      }
    }
    Map<String, List<String>> outputs = new LinkedHashMap<>();
    for (Map.Entry<LanguageModel, List<VerificationRequest>> group : byModel.entrySet()) {
      List<GenerationRequest> generation = new ArrayList<>();
      Map<GenerationRequest, Long> seeds = new IdentityHashMap<>();
      for (VerificationRequest request : group.getValue()) {
        VerificationFormats formats = request.task().verification();
        for (Candidate candidate : request.candidates()) {
          GenerationRequest g = new GenerationRequest(
              requestId(request, candidate),
              format.prompt(formats, request, candidate.text()),
              0,
              options.k(),
              List.of());
          generation.add(g);
          seeds.put(g, request.seed());
        }
      }
      SamplingParams params =
          new SamplingParams(options.temperature(), 1.0, 0, options.max_tokens(), 0);
      outputs.putAll(ModelCalls.generate(
          name, group.getKey(), ModelCalls.groupBySeed(generation, seeds::get), params));
    }
    for (VerificationRequest request : requests) {
      List<Score> scores = new ArrayList<>();
      for (Candidate candidate : request.candidates()) {
        scores.add(KSampleScore.combine(
            candidate.sampleIndex(), outputs.get(requestId(request, candidate)), parser));
      }
      result.put(request.example().id(), List.copyOf(scores));
    }
    return result;
  }

  /** The generation request id of one sample's judgements. */
  static String requestId(VerificationRequest request, Candidate candidate) {
    return request.example().id() + "#" + candidate.sampleIndex();
  }
}
