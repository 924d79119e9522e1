package io.gvgap.verifiers;

import io.gvgap.api.Option;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code greedy-agreement}: a control, not a judge. A sample scores 1 when its extracted answer
 * equals the answer of the judging model's own GREEDY generation for the same prompt, else 0; the
 * score is a failure (NaN) when either answer cannot be extracted.
 *
 * <p>It separates "greedy decoding beats temperature sampling" from verification: a judge that only
 * redoes the problem greedily and agrees with samples that match its own answer earns this
 * verifier's gap without verifying anything. The greedy generation uses the task's own generation
 * prompt and stop sequences at temperature 0 with a fixed seed (0), once per prompt and judging
 * model, cached for the verifier's lifetime; all uncached prompts go to the model in one
 * {@code generate} call with request ids {@code <exampleId>#greedy}. In a self-verification run
 * the judging model is the generator, so this is the generator's own greedy answer.
 */
public final class GreedyAgreementVerifier
    implements VerifierProvider<GreedyAgreementVerifier.Options> {

  /**
   * Options of {@code greedy-agreement}.
   *
   * @param max_tokens most tokens the greedy generation may write (named as users write it in
   *     specs); use the run's own {@code max_new_tokens} so greedy and sampled answers are comparable
   */
  public record Options(
      @Option(
          description = "most tokens of the greedy generation, >= 1; use the run's max_new_tokens",
          defaultValue = "256")
      int max_tokens) {

    /** Validates the range. */
    public Options {
      if (max_tokens < 1) {
        throw new IllegalArgumentException(
            "option max_tokens must be at least 1, was " + max_tokens);
      }
    }
  }

  @Override
  public String name() {
    return "greedy-agreement";
  }

  @Override
  public String description() {
    return "control: 1 when the sample's answer equals the judging model's own greedy answer, else 0";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public Verifier create(Options options) {
    return new GreedyAgreement(options);
  }

  /** Generates each prompt's greedy answer once, then compares every sample with it. */
  private static final class GreedyAgreement implements Verifier {

    private static final String NAME = "greedy-agreement";
    private final Options options;
    /** Greedy answers by judging model (identity), then by prompt text. */
    private final Map<LanguageModel, Map<String, Answer>> cache = new IdentityHashMap<>();

    GreedyAgreement(Options options) {
      this.options = options;
    }

    @Override
    public List<Score> verify(VerificationRequest request) {
      return verifyAll(List.of(request)).get(request.example().id());
    }

    @Override
    public synchronized Map<String, List<Score>> verifyAll(List<VerificationRequest> requests) {
      ModelCalls.requireDistinctExamples(NAME, requests);
      Map<LanguageModel, List<VerificationRequest>> uncached = new IdentityHashMap<>();
      for (VerificationRequest request : requests) {
        if (request.candidates().isEmpty()) {
          continue;
        }
        LanguageModel model = ModelCalls.modelOf(NAME, request);
        Map<String, Answer> answers = cache.computeIfAbsent(model, m -> new HashMap<>());
        if (!answers.containsKey(promptOf(request).text())) {
          uncached.computeIfAbsent(model, m -> new ArrayList<>()).add(request);
        }
      }
      uncached.forEach(this::generateGreedy);
      Map<String, List<Score>> result = new LinkedHashMap<>();
      for (VerificationRequest request : requests) {
        Answer greedy = request.candidates().isEmpty()
            ? Answer.none()
            : cache.get(request.model()).get(promptOf(request).text());
        result.put(
            request.example().id(),
            request.candidates().stream().map(c -> score(c, greedy)).toList());
      }
      return result;
    }

    private void generateGreedy(LanguageModel model, List<VerificationRequest> requests) {
      Map<String, VerificationRequest> byPrompt = new LinkedHashMap<>();
      for (VerificationRequest request : requests) {
        byPrompt.putIfAbsent(promptOf(request).text(), request);
      }
      List<GenerationRequest> generation = new ArrayList<>();
      for (VerificationRequest request : byPrompt.values()) {
        Prompt prompt = promptOf(request);
        generation.add(new GenerationRequest(
            request.example().id() + "#greedy", prompt.text(), 0, 1, prompt.stop()));
      }
      SamplingParams greedy = new SamplingParams(0, 1.0, 0, options.max_tokens(), 0);
      Map<String, List<String>> texts =
          ModelCalls.generate(NAME, model, Map.of(0L, generation), greedy);
      Map<String, Answer> answers = cache.get(model);
      for (VerificationRequest request : byPrompt.values()) {
        String text = texts.get(request.example().id() + "#greedy").get(0);
        answers.put(promptOf(request).text(), request.task().extract(request.example(), text));
      }
    }

    private static Prompt promptOf(VerificationRequest request) {
      return request.task().generationPrompt(request.example());
    }

    private static Score score(Candidate candidate, Answer greedy) {
      if (!greedy.found()) {
        return Score.failed(
            candidate.sampleIndex(),
            "no answer could be extracted from the greedy generation",
            "no greedy answer");
      }
      if (!candidate.answer().found()) {
        return Score.failed(
            candidate.sampleIndex(),
            "no answer was extracted from this sample",
            "no answer in sample");
      }
      boolean same = candidate.answer().value().equals(greedy.value());
      String verdict =
          (same ? "agrees" : "disagrees") + " with greedy answer '" + greedy.value() + "'";
      return Score.of(
          candidate.sampleIndex(), same ? 1 : 0, verdict, same ? "agrees" : "disagrees");
    }
  }
}
