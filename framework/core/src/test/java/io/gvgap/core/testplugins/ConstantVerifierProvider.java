package io.gvgap.core.testplugins;

import io.gvgap.api.Option;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.ArrayList;
import java.util.List;

/** Test verifier "constant": gives every candidate the same score, without a model. */
public final class ConstantVerifierProvider
    implements VerifierProvider<ConstantVerifierProvider.Options> {

  /** The score to give. */
  public record Options(
      @Option(description = "the score of every candidate", defaultValue = "0.5")
      double value) {}

  @Override
  public String name() {
    return "constant";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public Verifier create(Options options) {
    return new Verifier() {
      @Override
      public List<Score> verify(io.gvgap.api.verify.VerificationRequest request) {
        List<Score> scores = new ArrayList<>();
        for (Candidate candidate : request.candidates()) {
          scores.add(Score.of(candidate.sampleIndex(), options.value(), "", "constant"));
        }
        return scores;
      }

      @Override
      public boolean usesModel() {
        return false;
      }
    };
  }
}
