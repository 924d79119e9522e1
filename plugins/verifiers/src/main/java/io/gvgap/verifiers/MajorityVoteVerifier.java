package io.gvgap.verifiers;

import io.gvgap.api.NoOptions;
import io.gvgap.api.task.Answer;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code majority}: self-consistency. A sample's score is the fraction of ALL the example's samples
 * (those without an answer included in the denominator) whose extracted answer equals its own.
 *
 * <p>A sample without an answer gets score 0 with verdict "no answer". That is a parsed score, not a
 * parse failure: there was nothing to parse, and having no answer is evidence against the sample.
 * It calls no model.
 */
public final class MajorityVoteVerifier implements VerifierProvider<NoOptions> {

  @Override
  public String name() {
    return "majority";
  }

  @Override
  public String description() {
    return "self-consistency: fraction of the example's samples with the same extracted answer; no model";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public Verifier create(NoOptions options) {
    return new MajorityVote();
  }

  /** Counts answers, then scores each candidate by its answer's share. */
  private static final class MajorityVote implements Verifier {

    @Override
    public List<Score> verify(VerificationRequest request) {
      List<Candidate> candidates = request.candidates();
      Map<String, Integer> votes = new HashMap<>();
      for (Candidate candidate : candidates) {
        if (candidate.answer().found()) {
          votes.merge(candidate.answer().value(), 1, Integer::sum);
        }
      }
      int total = candidates.size();
      return candidates.stream().map(c -> score(c, votes, total)).toList();
    }

    private static Score score(Candidate candidate, Map<String, Integer> votes, int total) {
      Answer answer = candidate.answer();
      if (!answer.found()) {
        return Score.of(
            candidate.sampleIndex(), 0, "no answer was extracted from this sample", "no answer");
      }
      int same = votes.get(answer.value());
      String verdict = same + " of " + total + " samples answer '" + answer.value() + "'";
      return Score.of(candidate.sampleIndex(), (double) same / total, verdict, verdict);
    }

    @Override
    public boolean usesModel() {
      return false;
    }
  }
}
