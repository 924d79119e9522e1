package io.gvgap.testkit;

import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.testing.ScriptedBackend;

/**
 * gvgap-testing's scripted model keeps the determinism contract. It writes whole answers of up to
 * 16 characters (one token each) and does not cut them at the token limit, so the checks sample
 * with a limit above that (the kit found this; the double is left as gvgap's pipeline tests expect it).
 */
class ScriptedBackendConformanceTest extends ModelBackendConformanceTest {
  @Override
  protected ModelBackend<?> provider() {
    return new ScriptedBackend();
  }

  @Override
  protected Record options() {
    return new ScriptedBackend.Options(null, 0);
  }

  @Override
  protected SamplingParams sampling() {
    return new SamplingParams(0.8, 0.95, 0, 32, 1234);
  }
}
