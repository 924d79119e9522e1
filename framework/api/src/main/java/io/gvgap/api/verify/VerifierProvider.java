package io.gvgap.api.verify;

import io.gvgap.api.Provider;
import io.gvgap.api.Stable;
import java.util.List;

/**
 * Service interface for verifier plugins, registered in
 * {@code META-INF/services/io.gvgap.api.verify.VerifierProvider}.
 *
 * @param <O> the verifier's options record
 */
@Stable
public interface VerifierProvider<O extends Record> extends Provider<O, Verifier> {

  /**
   * The labels of the verifiers whose scores this one reads from
   * {@link VerificationRequest#earlierScores()} (an ensemble's members). gvgap checks when it
   * validates a spec that each is a verifier listed before this one, so a wrong label fails before
   * any generation instead of after it. The default reads none.
   *
   * @param options the bound, validated options; never null
   * @return labels, never null
   */
  default List<String> earlierVerifiers(O options) {
    return List.of();
  }
}
