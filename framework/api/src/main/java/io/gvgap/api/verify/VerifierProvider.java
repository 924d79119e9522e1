package io.gvgap.api.verify;

import io.gvgap.api.Provider;
import io.gvgap.api.Stable;

/**
 * Service interface for verifier plugins, registered in
 * {@code META-INF/services/io.gvgap.api.verify.VerifierProvider}.
 *
 * @param <O> the verifier's options record
 */
@Stable
public interface VerifierProvider<O extends Record> extends Provider<O, Verifier> {}
