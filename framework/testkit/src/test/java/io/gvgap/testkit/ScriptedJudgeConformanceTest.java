package io.gvgap.testkit;

import io.gvgap.api.NoOptions;
import io.gvgap.api.verify.VerifierProvider;
import io.gvgap.testing.ScriptedJudge;

/** gvgap-testing's judge keeps the verifier contract with the kit's default task and model. */
class ScriptedJudgeConformanceTest extends VerifierConformanceTest {
  @Override
  protected VerifierProvider<?> provider() {
    return new ScriptedJudge();
  }

  @Override
  protected Record options() {
    return new NoOptions();
  }
}
