package io.gvgap.api.verify;

import io.gvgap.api.Stable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one example's samples: the proxy utility {@code û} in [0, 1].
 *
 * <p>Pointwise verifiers score each candidate alone; comparative ones (tournament) score the set.
 * Either way the result holds exactly one {@link Score} per candidate, keyed by sample index.
 * A verdict that cannot be parsed is a {@link Score#failed} score, never a guessed number.
 */
@Stable
public interface Verifier {

  /** Scores one example's candidates. */
  List<Score> verify(VerificationRequest request);

  /**
   * Scores many examples' candidates; verifiers that call a model override this to batch across
   * examples. The result maps each request's example id to its scores.
   */
  default Map<String, List<Score>> verifyAll(List<VerificationRequest> requests) {
    Map<String, List<Score>> result = new LinkedHashMap<>();
    for (VerificationRequest request : requests) {
      result.put(request.example().id(), verify(request));
    }
    return result;
  }

  /** Whether this verifier calls the model (false for oracle and majority: no model time). */
  default boolean usesModel() {
    return true;
  }
}
