package io.gvgap.api.model;

import io.gvgap.api.Provider;
import io.gvgap.api.Stable;

/**
 * Service interface for model backends (local ONNX Runtime, remote servers), registered in
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend}. {@link #create} opens a model; the
 * caller closes it.
 *
 * @param <O> the backend's options record (model path, threads, endpoint, ...)
 */
@Stable
public interface ModelBackend<O extends Record> extends Provider<O, LanguageModel> {
}
