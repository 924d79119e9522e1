package io.gvgap.verifiers;

import io.gvgap.api.NoOptions;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.List;
import java.util.Locale;

/**
 * {@code logprob}: the generator's own confidence ("sharpening"). The score is
 * {@code exp(logProb / tokenCount)}, the geometric mean of the sample's token probabilities, which
 * lies in [0, 1] and does not penalise long samples the way the total log-probability would.
 *
 * <p>It reads the log-probability recorded at generation and calls no model. A sample whose
 * log-probability is unknown (NaN), positive, or that has no tokens gets a failed score.
 */
public final class LogProbVerifier implements VerifierProvider<NoOptions> {

  @Override
  public String name() {
    return "logprob";
  }

  @Override
  public String description() {
    return "the sample's geometric-mean token probability exp(logProb / tokens), from generation";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public Verifier create(NoOptions options) {
    return new MeanTokenProbability();
  }

  /** Maps each candidate's mean token log-probability to a probability. */
  private static final class MeanTokenProbability implements Verifier {

    @Override
    public List<Score> verify(VerificationRequest request) {
      return request.candidates().stream().map(MeanTokenProbability::score).toList();
    }

    private static Score score(Candidate candidate) {
      double logProb = candidate.logProb();
      int tokens = candidate.tokenCount();
      String raw = String.format(Locale.ROOT, "logProb %s over %d tokens", logProb, tokens);
      if (Double.isNaN(logProb)) {
        return Score.failed(
            candidate.sampleIndex(),
            raw,
            "the model backend recorded no log-probability for this"
                + " sample (NaN); use a backend that reports log-probabilities, or another verifier");
      }
      if (tokens <= 0) {
        return Score.failed(
            candidate.sampleIndex(),
            raw,
            "the sample has " + tokens + " tokens, so its mean token log-probability is undefined");
      }
      if (logProb > 0) {
        return Score.failed(
            candidate.sampleIndex(),
            raw,
            "log-probability " + logProb
                + " is positive, which no probability has; the backend's log-probabilities are wrong");
      }
      double mean = logProb / tokens;
      double probability = Math.exp(mean);
      String verdict = String.format(
          Locale.ROOT, "mean token log-prob %.4f, geometric-mean p %.4f", mean, probability);
      return Score.of(candidate.sampleIndex(), probability, raw, verdict);
    }

    @Override
    public boolean usesModel() {
      return false;
    }
  }
}
