package io.gvgap.verifiers;

import io.gvgap.api.Option;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;

/**
 * {@code tournament}: single-elimination pairwise comparisons among an example's samples, judged by
 * the model with the task's pairwise prompt ({@code Better: A|B}).
 *
 * <p>The score is the fraction of rounds a sample survived: {@code rounds survived / rounds played},
 * so the winner scores 1 and first-round losers 0. Pairings are shuffled each round by the request
 * seed and example id; an odd one out gets a bye (which counts as surviving the round). With
 * {@code both_orders} each pair is judged as (A, B) and (B, A) to cancel position bias; a split
 * decision, or a match without any parseable judgement, is settled by a seeded coin and recorded in
 * the raw output with the count of unparseable judgements. Tournament scores never fail: every
 * match has a winner. See {@link Bracket} for the exact rules.
 */
public final class TournamentVerifier implements VerifierProvider<TournamentVerifier.Options> {

  /**
   * Options of {@code tournament}.
   *
   * @param rounds rounds to play; 0 plays until one sample remains
   * @param both_orders judge each pair in both orders to cancel position bias
   * @param temperature sampling temperature of the judgements
   * @param max_tokens most tokens one judgement may generate
   */
  public record Options(
      @Option(
          description =
              "rounds to play, >= 0; 0 plays until one sample remains (ceil(log2 n) rounds)",
          defaultValue = "0")
      int rounds,

      @Option(
          description = "judge each pair as (A, B) and (B, A) to cancel position bias",
          defaultValue = "true")
      boolean both_orders,

      @Option(
          description = "sampling temperature of the judgements, >= 0 (0 is greedy)",
          defaultValue = "0.7")
      double temperature,

      @Option(description = "most tokens one judgement may generate, >= 1", defaultValue = "256")
      int max_tokens) {

    /** Validates the ranges. */
    public Options {
      if (rounds < 0) {
        throw new IllegalArgumentException(
            "tournament option rounds must be >= 0 (0 = until one remains), was " + rounds);
      }
      if (!(temperature >= 0) || Double.isInfinite(temperature)) {
        throw new IllegalArgumentException(
            "tournament option temperature must be a finite number >= 0, was " + temperature);
      }
      if (max_tokens < 1) {
        throw new IllegalArgumentException(
            "tournament option max_tokens must be at least 1, was " + max_tokens);
      }
    }
  }

  @Override
  public String name() {
    return "tournament";
  }

  @Override
  public String description() {
    return "single-elimination pairwise judging; score = rounds survived / rounds played";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public Verifier create(Options options) {
    return new Tournament(name(), options);
  }
}
