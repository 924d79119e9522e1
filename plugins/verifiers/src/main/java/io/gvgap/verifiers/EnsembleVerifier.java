package io.gvgap.verifiers;

import io.gvgap.api.Option;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ensemble}: combines the scores of verifiers listed earlier in the spec, without calling
 * the model. Mode {@code and} (the study's combination): score 1 when every member's score is at or
 * above {@code threshold}, else 0, so a filter keeps only what all members accept. Mode
 * {@code mean}: the weighted mean of the members' scores. A sample that some member could not score
 * is a parse failure of the ensemble too (never a guessed score).
 */
public final class EnsembleVerifier implements VerifierProvider<EnsembleVerifier.Options> {

  /** How member scores combine. */
  public enum Mode {
    /** 1 when every member accepts (score >= threshold), else 0. */
    AND,
    /** The weighted mean of member scores. */
    MEAN
  }

  /**
   * Options of the ensemble.
   *
   * @param members labels of verifiers listed before this one in the spec
   * @param mode and | mean
   * @param threshold a member accepts a sample when its score is at least this (mode and)
   * @param weights one weight per member (mode mean); empty means equal weights
   */
  public record Options(
      @Option(
          description =
              "labels of the verifiers to combine; they must come before this one in the spec")
      List<String> members,

      @Option(
          description =
              "and: 1 when all members accept, else 0; mean: weighted mean of member scores",
          defaultValue = "and")
      Mode mode,

      @Option(
          description = "a member accepts a sample when its score is at least this (mode and)",
          defaultValue = "0.5")
      double threshold,

      @Option(
          description = "one non-negative weight per member for mode mean; empty = equal",
          defaultValue = "[]")
      List<Double> weights) {

    /** Validates the options. */
    public Options {
      members = List.copyOf(members);
      weights = List.copyOf(weights == null ? List.of() : weights);
      if (members.size() < 2) {
        throw new IllegalArgumentException(
            "members: an ensemble needs at least two verifiers, got " + members);
      }
      if (members.stream().distinct().count() != members.size()) {
        throw new IllegalArgumentException("members: a verifier is listed twice in " + members);
      }
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold: must be in [0, 1], was " + threshold);
      }
      if (!weights.isEmpty() && weights.size() != members.size()) {
        throw new IllegalArgumentException(
            "weights: give one weight per member (" + members.size() + "), got " + weights.size());
      }
      if (weights.stream().anyMatch(w -> !(w >= 0))
          || (!weights.isEmpty() && weights.stream().mapToDouble(w -> w).sum() <= 0)) {
        throw new IllegalArgumentException(
            "weights: must be non-negative with a positive sum, got " + weights);
      }
    }
  }

  @Override
  public String name() {
    return "ensemble";
  }

  @Override
  public String description() {
    return "combines earlier verifiers: logical AND of their acceptance, or a weighted mean";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public Verifier create(Options options) {
    return new Verifier() {
      @Override
      public List<Score> verify(VerificationRequest request) {
        return combine(options, request);
      }

      @Override
      public boolean usesModel() {
        return false;
      }
    };
  }

  /** The ensemble's scores of one request's candidates. */
  static List<Score> combine(Options options, VerificationRequest request) {
    List<Map<Integer, Score>> members = new ArrayList<>();
    for (String member : options.members()) {
      List<Score> scores = request.earlierScores().get(member);
      if (scores == null) {
        throw new IllegalStateException(
            "ensemble member '" + member + "' has no scores for example '"
                + request.example().id()
                + "'; list it before the ensemble in the spec's verifiers (available: "
                + request.earlierScores().keySet() + ")");
      }
      Map<Integer, Score> byIndex = new HashMap<>();
      scores.forEach(s -> byIndex.put(s.sampleIndex(), s));
      members.add(byIndex);
    }
    List<Score> out = new ArrayList<>();
    for (Candidate c : request.candidates()) {
      StringBuilder raw = new StringBuilder();
      List<String> failed = new ArrayList<>();
      double[] values = new double[members.size()];
      for (int m = 0; m < members.size(); m++) {
        Score s = members.get(m).get(c.sampleIndex());
        String label = options.members().get(m);
        if (s == null || !s.ok()) {
          failed.add(label);
          raw.append(label).append(": no score\n");
        } else {
          values[m] = s.value();
          raw.append(label)
              .append(": ")
              .append(String.format(Locale.ROOT, "%.4f", s.value()))
              .append('\n');
        }
      }
      if (!failed.isEmpty()) {
        out.add(
            Score.failed(c.sampleIndex(), raw.toString(), "members without a score: " + failed));
        continue;
      }
      if (options.mode() == Mode.AND) {
        boolean all = true;
        for (double v : values) {
          all &= v >= options.threshold();
        }
        out.add(Score.of(
            c.sampleIndex(), all ? 1 : 0, raw.toString(), all ? "all accept" : "some reject"));
      } else {
        double sum = 0;
        double weightSum = 0;
        for (int m = 0; m < values.length; m++) {
          double w = options.weights().isEmpty() ? 1 : options.weights().get(m);
          sum += w * values[m];
          weightSum += w;
        }
        double mean = Math.min(1, Math.max(0, sum / weightSum));
        out.add(Score.of(
            c.sampleIndex(), mean, raw.toString(), String.format(Locale.ROOT, "mean %.4f", mean)));
      }
    }
    return out;
  }
}
