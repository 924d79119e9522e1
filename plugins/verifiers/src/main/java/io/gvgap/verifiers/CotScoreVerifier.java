package io.gvgap.verifiers;

import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;

/**
 * {@code cot-score}: the model reasons about a response with the task's CoT-Score prompt and ends
 * with {@code Score: N}, N an integer from 1 to 10 ({@code N/10} also read), normalised to
 * {@code (N - 1) / 9} so that 1 maps to 0 and 10 to 1.
 *
 * <p>With K verification samples the score is the mean over the scores that parse; a score out of
 * range is a parse failure, and when none of the K parses the score is a failure (NaN). See
 * {@link ScoreVerdictParser} for exactly what is read.
 */
public final class CotScoreVerifier implements VerifierProvider<CotOptions> {

  @Override
  public String name() {
    return "cot-score";
  }

  @Override
  public String description() {
    return "the model reasons, then says \"Score: N\" (1-10); score = mean of (N-1)/9 over K samples";
  }

  @Override
  public Class<CotOptions> optionsType() {
    return CotOptions.class;
  }

  @Override
  public Verifier create(CotOptions options) {
    return new ChainOfThoughtVerifier(
        name(),
        options,
        (formats, request, response) -> formats.cotScore(request.example(), response),
        ScoreVerdictParser::parse);
  }
}
