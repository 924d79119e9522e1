package io.gvgap.api.model;

import io.gvgap.api.Provider;
import io.gvgap.api.Stable;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Service interface for model backends (local ONNX Runtime, remote servers), registered in
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend}. {@link #create} opens a model; the
 * caller closes it.
 *
 * @param <O> the backend's options record (model path, threads, endpoint, ...)
 */
@Stable
public interface ModelBackend<O extends Record> extends Provider<O, LanguageModel> {

  /**
   * A fingerprint of the content of the model that {@code options} name: equal for byte-identical
   * copies wherever they lie, different once anything that decides the model's outputs changed
   * (weights, tokenizer, configuration). gvgap records it when a run directory is created and
   * refuses to resume that run with a model whose fingerprint differs, so that retrained weights at
   * the same path never silently reuse the old model's results.
   *
   * <p>Called before {@link #create}, possibly more than once per run, so it must not open the model
   * for inference; it may read the model's files. The default returns empty: the backend cannot tell
   * (a remote server, whose weights gvgap cannot see), and such a model is not checked on resume.
   *
   * @param options the bound, validated options, as {@link #create} gets them; never null
   * @return a stable text such as a hex SHA-256, or empty when the backend cannot tell; never null
   */
  default Optional<String> contentFingerprint(O options) {
    return Optional.empty();
  }

  /**
   * The most tokens the model that {@code options} name can attend to, prompt and completion
   * together (its context length), when the backend can tell without opening the model for
   * inference: gvgap checks a spec's {@code max_tokens} against it when it validates the spec and
   * before a run starts. The default returns empty (unknown, nothing checked).
   *
   * @param options the bound, validated options, as {@link #create} gets them; never null
   * @return the context length in tokens, or empty when unknown; never null
   */
  default OptionalInt contextLength(O options) {
    return OptionalInt.empty();
  }
}
