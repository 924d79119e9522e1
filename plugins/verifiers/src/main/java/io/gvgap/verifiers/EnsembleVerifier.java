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
 * {@code mean}: the weighted mean of the members' scores. Mode {@code intersect} (the study's rule):
 * score 1 when every member's <em>own</em> filter keeps the sample, else 0; {@code filters} gives
 * one filter per member, written like a filter label ({@code quantile(alpha=0.5)}, {@code
 * top-k(k=2)}, {@code threshold(tau=0.5)}, {@code best-of-n}), applied to that member's scores of
 * the example, with the verification seed and the example id breaking ties. Mode {@code and}
 * thresholds every member at one shared {@code threshold}; it is kept for old specs, but
 * {@code intersect} is what the study does. Pair an {@code intersect} ensemble with a filter that
 * keeps every 1 ({@code threshold(tau=0.5)}), not with {@code quantile}, which would cut again. A
 * sample that some member could not score is a parse failure of the ensemble too (never a guessed
 * score).
 */
public final class EnsembleVerifier implements VerifierProvider<EnsembleVerifier.Options> {

  /** How member scores combine. */
  public enum Mode {
    /** 1 when every member accepts (score >= threshold), else 0. */
    AND,
    /** The weighted mean of member scores. */
    MEAN,
    /** 1 when every member's own filter keeps the sample, else 0. */
    INTERSECT
  }

  /**
   * Options of the ensemble.
   *
   * @param members labels of verifiers listed before this one in the spec
   * @param mode and | mean
   * @param threshold a member accepts a sample when its score is at least this (mode and)
   * @param weights one weight per member (mode mean); empty means equal weights
   * @param filters one filter per member (mode intersect), e.g. {@code quantile(alpha=0.5)}
   */
  public record Options(
      @Option(
          description =
              "labels of the verifiers to combine; they must come before this one in the spec")
      List<String> members,

      @Option(
          description =
              "intersect: 1 when every member's own filter keeps the sample (the study's rule);"
                  + " and: 1 when every member scores >= threshold; mean: weighted mean",
          defaultValue = "and")
      Mode mode,

      @Option(
          description = "a member accepts a sample when its score is at least this (mode and)",
          defaultValue = "0.5")
      double threshold,

      @Option(
          description = "one non-negative weight per member for mode mean; empty = equal",
          defaultValue = "[]")
      List<Double> weights,

      @Option(
          description = "one filter per member for mode intersect, e.g. quantile(alpha=0.5),"
              + " top-k(k=2), threshold(tau=0.5), best-of-n",
          defaultValue = "[]")
      List<String> filters) {

    /** Options without member filters (modes and, mean). */
    public Options(List<String> members, Mode mode, double threshold, List<Double> weights) {
      this(members, mode, threshold, weights, List.of());
    }

    /** Validates the options. */
    public Options {
      members = List.copyOf(members);
      weights = List.copyOf(weights == null ? List.of() : weights);
      filters = List.copyOf(filters == null ? List.of() : filters);
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
      if (mode == Mode.INTERSECT) {
        if (filters.size() != members.size()) {
          throw new IllegalArgumentException("filters: mode intersect needs one filter per member ("
              + members.size() + "), got " + filters.size()
              + "; e.g. filters: [\"quantile(alpha=0.5)\", \"threshold(tau=0.5)\"]");
        }
        for (int m = 0; m < filters.size(); m++) {
          MemberFilter.parse(filters.get(m), "filters[" + m + "]");
        }
      } else if (!filters.isEmpty()) {
        throw new IllegalArgumentException(
            "filters: only mode intersect uses member filters; set mode: intersect or remove them");
      }
    }
  }

  /** The members: verifiers listed before the ensemble, whose scores it combines. */
  @Override
  public List<String> earlierVerifiers(Options options) {
    return options.members();
  }

  @Override
  public String name() {
    return "ensemble";
  }

  @Override
  public String description() {
    return "combines earlier verifiers: intersect (each member's own filter keeps it),"
        + " and (all score >= threshold), or a weighted mean";
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
    List<double[]> kept =
        options.mode() == Mode.INTERSECT ? memberKeeps(options, request, members) : List.of();
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
      if (options.mode() == Mode.INTERSECT) {
        StringBuilder why = new StringBuilder();
        boolean all = true;
        for (int m = 0; m < kept.size(); m++) {
          boolean keeps = kept.get(m)[c.sampleIndex()] > 0;
          all &= keeps;
          why.append(m == 0 ? "" : ", ")
              .append(options.members().get(m))
              .append(keeps ? " keeps" : " drops");
        }
        out.add(Score.of(c.sampleIndex(), all ? 1 : 0, raw.toString(), why.toString()));
      } else if (options.mode() == Mode.AND) {
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

  /** Each member's own filter's weights, indexed by sample index (NaN scores never kept). */
  private static List<double[]> memberKeeps(
      Options options, VerificationRequest request, List<Map<Integer, Score>> members) {
    int size = 0;
    for (Candidate c : request.candidates()) {
      size = Math.max(size, c.sampleIndex() + 1);
    }
    List<double[]> kept = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      double[] scores = new double[size];
      java.util.Arrays.fill(scores, Double.NaN);
      for (Score s : members.get(m).values()) {
        if (s.ok() && s.sampleIndex() < size) {
          scores[s.sampleIndex()] = s.value();
        }
      }
      MemberFilter filter = MemberFilter.parse(options.filters().get(m), "filters[" + m + "]");
      kept.add(filter.weights(scores, request.seed(), request.example().id()));
    }
    return kept;
  }
}
