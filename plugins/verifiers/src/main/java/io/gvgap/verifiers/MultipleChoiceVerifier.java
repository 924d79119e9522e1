package io.gvgap.verifiers;

import io.gvgap.api.NoOptions;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mc}: multiple-choice verification without reasoning. For each sample the model scores the
 * task's two verdict words after the task's multiple-choice prompt, and the score is
 * {@code P(correct) / (P(correct) + P(incorrect))}.
 *
 * <p>All samples of all requests go to the model in one {@code score} call, with request ids
 * {@code <exampleId>#<sampleIndex>#0}, matched back by id.
 */
public final class MultipleChoiceVerifier implements VerifierProvider<NoOptions> {

  @Override
  public String name() {
    return "mc";
  }

  @Override
  public String description() {
    return "P(correct) / (P(correct) + P(incorrect)) from the model's log-probabilities of the verdict words";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public Verifier create(NoOptions options) {
    return new MultipleChoice(name());
  }

  /**
   * {@code p_c / (p_c + p_i)} from the two log-probabilities, computed as a logistic function of
   * their difference so that neither tiny probability underflows; NaN when undefined (a NaN input,
   * or both probabilities zero).
   */
  public static double probabilityCorrect(double logProbCorrect, double logProbIncorrect) {
    if (Double.isNaN(logProbCorrect)
        || Double.isNaN(logProbIncorrect)
        || (logProbCorrect == Double.NEGATIVE_INFINITY
            && logProbIncorrect == Double.NEGATIVE_INFINITY)) {
      return Double.NaN;
    }
    if (logProbCorrect >= logProbIncorrect) {
      return 1 / (1 + Math.exp(logProbIncorrect - logProbCorrect));
    }
    double ratio = Math.exp(logProbCorrect - logProbIncorrect);
    return ratio / (1 + ratio);
  }

  /** Sends every sample's scoring request in one call per judging model. */
  private static final class MultipleChoice implements Verifier {

    private final String name;

    MultipleChoice(String name) {
      this.name = name;
    }

    @Override
    public List<Score> verify(VerificationRequest request) {
      return verifyAll(List.of(request)).get(request.example().id());
    }

    @Override
    public Map<String, List<Score>> verifyAll(List<VerificationRequest> requests) {
      ModelCalls.requireDistinctExamples(name, requests);
      Map<LanguageModel, List<ScoringRequest>> byModel = new IdentityHashMap<>();
      for (VerificationRequest request : requests) {
        if (request.candidates().isEmpty()) {
          continue;
        }
        VerificationFormats formats = request.task().verification();
        List<ScoringRequest> scoring =
            byModel.computeIfAbsent(ModelCalls.modelOf(name, request), m -> new ArrayList<>());
        for (Candidate candidate : request.candidates()) {
          scoring.add(new ScoringRequest(
              requestId(request, candidate),
              formats.multipleChoice(request.example(), candidate.text()),
              List.of(formats.correctWord(), formats.incorrectWord())));
        }
      }
      Map<String, ScoringResult> results = new LinkedHashMap<>();
      for (Map.Entry<LanguageModel, List<ScoringRequest>> group : byModel.entrySet()) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        group.getValue().forEach(r -> ids.add(r.id()));
        results.putAll(
            ModelCalls.byId(name, ids, group.getKey().score(group.getValue()), ScoringResult::id));
      }
      Map<String, List<Score>> scores = new LinkedHashMap<>();
      for (VerificationRequest request : requests) {
        VerificationFormats formats = request.task().verification();
        scores.put(
            request.example().id(),
            request.candidates().stream()
                .map(c -> score(c, results.get(requestId(request, c)), formats))
                .toList());
      }
      return scores;
    }

    private Score score(Candidate candidate, ScoringResult result, VerificationFormats formats) {
      if (result.logProbs().size() != 2) {
        throw new IllegalStateException(
            "model backend returned " + result.logProbs().size()
                + " log-probabilities for request '" + result.id() + "' of verifier '" + name
                + "'; it must return one per continuation (2)");
      }
      double correct = result.logProbs().get(0);
      double incorrect = result.logProbs().get(1);
      String raw = String.format(
          Locale.ROOT,
          "logP(%s) = %s, logP(%s) = %s",
          formats.correctWord().strip(),
          correct,
          formats.incorrectWord().strip(),
          incorrect);
      double p = probabilityCorrect(correct, incorrect);
      if (Double.isNaN(p)) {
        return Score.failed(
            candidate.sampleIndex(),
            raw,
            "the verdict words' log-probabilities give no probability (NaN, or both -Infinity)");
      }
      return Score.of(
          candidate.sampleIndex(), p, raw, String.format(Locale.ROOT, "P(correct) = %.4f", p));
    }
  }

  /** The scoring request id of one sample. */
  static String requestId(VerificationRequest request, Candidate candidate) {
    return request.example().id() + "#" + candidate.sampleIndex() + "#0";
  }
}
