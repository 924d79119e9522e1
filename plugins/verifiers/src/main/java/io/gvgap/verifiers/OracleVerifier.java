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
 * {@code oracle}: the task's ground-truth utility as the score, the upper bound any verifier can
 * reach. It calls no model.
 */
public final class OracleVerifier implements VerifierProvider<NoOptions> {

  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public String description() {
    return "the task's ground-truth utility (the upper bound); no model";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public Verifier create(NoOptions options) {
    return new Oracle();
  }

  /** Scores each candidate with the task's utility of its extracted answer. */
  private static final class Oracle implements Verifier {

    @Override
    public List<Score> verify(VerificationRequest request) {
      return request.candidates().stream().map(c -> score(request, c)).toList();
    }

    private static Score score(VerificationRequest request, Candidate candidate) {
      double utility = request.task().utility(request.example(), candidate.answer());
      if (!(utility >= 0 && utility <= 1)) {
        throw new IllegalStateException(
            "task " + request.task().getClass().getName() + " returned utility " + utility
                + " for example '" + request.example().id() + "', sample " + candidate.sampleIndex()
                + "; a task's utility must be in [0, 1]: fix the task");
      }
      String answer =
          candidate.answer().found() ? "'" + candidate.answer().value() + "'" : "no answer";
      String raw =
          "utility of " + answer + " against reference '" + request.example().reference() + "'";
      return Score.of(
          candidate.sampleIndex(), utility, raw, String.format(Locale.ROOT, "utility %s", utility));
    }

    @Override
    public boolean usesModel() {
      return false;
    }
  }
}
