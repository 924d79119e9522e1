package io.gvgap.testing;

import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model that fails a seeded share of its calls, for fault tests of whatever serves or drives a
 * model (a server answers such a failure with HTTP 500). One draw per call, generation and scoring
 * alike, from a stream seeded with {@code seed}: the calls that fail depend only on the seed and
 * the order of calls. A failed call throws {@link IllegalStateException} whose message starts with
 * {@code "injected fault"} and does not reach the wrapped model.
 */
public final class FaultInjectingModel implements LanguageModel {
  private final LanguageModel model;
  private final double rate;
  private final SplittableRandom draws;
  private final AtomicLong injected = new AtomicLong();

  /**
   * Wraps a model.
   *
   * @param model the model that answers the calls not failed
   * @param rate the share of calls to fail, in [0, 1)
   * @param seed seeds the draws
   */
  public FaultInjectingModel(LanguageModel model, double rate, long seed) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1), was " + rate);
    }
    this.model = model;
    this.rate = rate;
    this.draws = new SplittableRandom(seed);
  }

  private void maybeFail(String call) {
    boolean fail;
    synchronized (draws) {
      fail = draws.nextDouble() < rate;
    }
    if (fail) {
      throw new IllegalStateException("injected fault on " + call + " ("
          + injected.incrementAndGet() + " so far, rate " + rate + ")");
    }
  }

  /** Calls failed on purpose so far. */
  public long injected() {
    return injected.get();
  }

  @Override
  public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    maybeFail("generate");
    return model.generate(requests, params);
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    maybeFail("score");
    return model.score(requests);
  }

  @Override
  public ModelInfo info() {
    return model.info();
  }

  @Override
  public void close() {
    model.close();
  }
}
