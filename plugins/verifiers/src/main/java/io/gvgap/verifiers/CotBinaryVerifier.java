package io.gvgap.verifiers;

import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;

/**
 * {@code cot-binary}: the model reasons about a response with the task's CoT-Binary prompt and ends
 * with {@code Verdict: correct} (score 1) or {@code Verdict: incorrect} (score 0).
 *
 * <p>With K verification samples the score is the mean over the verdicts that parse; when none of
 * the K parses the score is a failure (NaN) and the raw output keeps all K outputs. See
 * {@link BinaryVerdictParser} for exactly what is read.
 */
public final class CotBinaryVerifier implements VerifierProvider<CotOptions> {

  @Override
  public String name() {
    return "cot-binary";
  }

  @Override
  public String description() {
    return "the model reasons, then says \"Verdict: correct|incorrect\"; score = mean verdict over K samples";
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
        (formats, request, response) -> formats.cotBinary(request.example(), response),
        BinaryVerdictParser::parse);
  }
}
