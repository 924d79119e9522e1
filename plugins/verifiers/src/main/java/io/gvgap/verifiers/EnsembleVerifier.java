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
 * the model.
 *
 * <ul>
 *   <li>Mode {@code intersect} (the study's rule): each member keeps its samples with its own filter
 *       ({@code filters}, one per member, e.g. {@code quantile(alpha=0.5)} for one and
 *       {@code threshold(tau=0.8)} for another); the score is 1 for a sample every member keeps,
 *       else 0. Pair it with {@code threshold(tau=0.5)} (or {@code tau: 1}) in the spec's filters
 *       to keep exactly the intersection. A member without a score for a sample does not keep it.
 *       Rank filters break ties at their cut with this verifier's seed.
 *   <li>Mode {@code and}: score 1 when every member's score is at or above one shared
 *       {@code threshold}, else 0 (one cut for all members, unlike intersect).
 *   <li>Mode {@code mean}: the weighted mean of the members' scores.
 * </ul>
 *
 * In modes {@code and} and {@code mean} a sample that some member could not score is a parse
 * failure of the ensemble too (never a guessed score).
 */
public final class EnsembleVerifier implements VerifierProvider<EnsembleVerifier.Options> {

  /** How member scores combine. */
  public enum Mode {
    /** 1 when every member's own filter keeps the sample, else 0 (the study's ensemble). */
    INTERSECT,
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
   * @param filters one filter label per member (mode intersect), e.g. {@code quantile(alpha=0.25)}
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
      List<Double> weights,

      @Option(
          description = "mode intersect: one filter per member, e.g. [quantile(alpha=0.25), "
              + "threshold(tau=0.5)]; quantile, top-k, threshold or best-of-n",
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
      if (mode == Mode.INTERSECT) {
        if (filters.size() != members.size()) {
          throw new IllegalArgumentException("filters: mode intersect needs one filter per member ("
              + members.size() + ", for " + members + "), got " + filters.size()
              + "; e.g. filters: [quantile(alpha=0.25), threshold(tau=0.5)]");
        }
        filters.forEach(MemberFilter::parse);
      } else if (!filters.isEmpty()) {
        throw new IllegalArgumentException("filters: only mode intersect uses member filters; mode "
            + mode + " was given " + filters);
      }
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
    if (options.mode() == Mode.INTERSECT) {
      return intersect(options, request);
    }
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

  /** Mode intersect: 1 where every member's own filter keeps the sample, else 0. */
  private static List<Score> intersect(Options options, VerificationRequest request) {
    List<Candidate> candidates = request.candidates();
    int n = candidates.size();
    boolean[] all = new boolean[n];
    java.util.Arrays.fill(all, true);
    List<StringBuilder> raw = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      raw.add(new StringBuilder());
    }
    for (int m = 0; m < options.members().size(); m++) {
      String member = options.members().get(m);
      MemberFilter filter = MemberFilter.parse(options.filters().get(m));
      List<Score> scores = request.earlierScores().get(member);
      if (scores == null) {
        throw new IllegalStateException(
            "ensemble member '" + member + "' has no scores for example '"
                + request.example().id() + "'; list it before the ensemble in the spec's verifiers "
                + "(available: " + request.earlierScores().keySet() + ")");
      }
      Map<Integer, Score> byIndex = new HashMap<>();
      scores.forEach(s -> byIndex.put(s.sampleIndex(), s));
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        Score s = byIndex.get(candidates.get(i).sampleIndex());
        values[i] = s == null || !s.ok() ? Double.NaN : s.value();
      }
      double[] kept = filter.weights(values, request.seed(), request.example().id());
      for (int i = 0; i < n; i++) {
        all[i] &= kept[i] > 0;
        raw.get(i)
            .append(member)
            .append(' ')
            .append(filter.text())
            .append(": ")
            .append(
                Double.isNaN(values[i])
                    ? "no score"
                    : String.format(Locale.ROOT, "%.4f", values[i]))
            .append(kept[i] > 0 ? " kept\n" : " dropped\n");
      }
    }
    List<Score> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Score.of(
          candidates.get(i).sampleIndex(),
          all[i] ? 1 : 0,
          raw.get(i).toString(),
          all[i] ? "kept by every member" : "dropped by some member"));
    }
    return out;
  }
}
