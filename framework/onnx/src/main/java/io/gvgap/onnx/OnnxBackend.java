package io.gvgap.onnx;

import io.gvgap.api.Option;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.onnx.runtime.ModelConfig;
import io.gvgap.onnx.runtime.ModelContentHash;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code onnx} model backend: opens a Hugging Face Optimum decoder directory (or a gvgap
 * model directory) with ONNX Runtime on CPU or CUDA.
 */
public final class OnnxBackend implements ModelBackend<OnnxBackend.Options> {

  /**
   * Options of the {@code onnx} backend.
   *
   * @param path the model directory (in a spec, relative to the spec file's folder)
   * @param threads ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose
   * @param device cpu or cuda
   * @param maxBatchRows most sequences decoded together in one ONNX Runtime call
   * @param decode auto or generic
   * @param chat whether prompts go through the model's chat template
   * @param file the ONNX file to run, relative to the directory; empty or {@code auto} for the
   *     default ones
   */
  public record Options(
      @Option(
          description =
              "model directory (model.onnx or decoder_model_merged.onnx, config.json, tokenizer.json)")
      Path path,

      @Option(
          description = "ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose",
          defaultValue = "0")
      int threads,

      @Option(
          description =
              "execution provider: cpu or cuda (CUDA needs the onnxruntime_gpu jar, CUDA 12, cuDNN 9)",
          defaultValue = "cpu")
      String device,

      @Option(description = "most sequences decoded together in one call", defaultValue = "64")
      int maxBatchRows,

      @Option(
          description =
              "decode path: auto (gvgap's own models decode with the shared-prefix step, others with "
                  + "the file's graph) or generic (always the file's graph, to compare or debug)",
          defaultValue = "auto")
      String decode,

      @Option(
          description =
              "render every prompt (generation and every verifier's) through the model's chat"
                  + " template (chat_template in tokenizer_config.json), for instruct models",
          defaultValue = "false")
      boolean chat,

      @Option(
          description =
              "the ONNX file in the directory to run (e.g. onnx/model_q4.onnx of an export with"
                  + " several); auto: model.onnx, onnx/model.onnx, decoder_model_merged.onnx or"
                  + " onnx/decoder_model_merged.onnx, the first that exists",
          defaultValue = "auto")
      String file) {
    /** Options with the automatic decode path. */
    public Options(Path path, int threads, String device, int maxBatchRows) {
      this(path, threads, device, maxBatchRows, "auto");
    }

    /** Options without a chat template. */
    public Options(Path path, int threads, String device, int maxBatchRows, String decode) {
      this(path, threads, device, maxBatchRows, decode, false, "");
    }

    /** Validates the options. */
    public Options {
      file = file == null || file.equals("auto") ? "" : file;
      if (path == null || path.toString().isBlank()) {
        throw new IllegalArgumentException("path is required: the model directory");
      }
      if (threads < 0) {
        throw new IllegalArgumentException("threads must be >= 0, was " + threads);
      }
      if (device == null || !(device.equals("cpu") || device.equals("cuda"))) {
        throw new IllegalArgumentException("device must be cpu or cuda, was " + device);
      }
      if (maxBatchRows < 1) {
        throw new IllegalArgumentException("maxBatchRows must be >= 1, was " + maxBatchRows);
      }
      if (decode == null || !(decode.equals("auto") || decode.equals("generic"))) {
        throw new IllegalArgumentException("decode must be auto or generic, was " + decode);
      }
    }
  }

  @Override
  public String name() {
    return "onnx";
  }

  @Override
  public String description() {
    return "local ONNX Runtime (CPU or CUDA) for Hugging Face Optimum decoder exports and gvgap models";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  /**
   * SHA-256 over the model directory's files that decide outputs (the ONNX model, its external
   * data, config.json, generation_config.json, tokenizer.json, tokenizer_config.json); see
   * {@link ModelContentHash}.
   */
  @Override
  public Optional<String> contentFingerprint(Options options) {
    return Optional.of(ModelContentHash.of(options.path(), options.file()));
  }

  /** The context length that {@code config.json} states; empty when the directory has none (yet). */
  @Override
  public OptionalInt contextLength(Options options) {
    if (!Files.isRegularFile(options.path().resolve("config.json"))) {
      return OptionalInt.empty();
    }
    try {
      int context = ModelConfig.read(options.path()).contextLength();
      return context > 0 ? OptionalInt.of(context) : OptionalInt.empty();
    } catch (RuntimeException e) {
      // a damaged directory fails when the model is opened, with the message that names what is
      // wrong
      return OptionalInt.empty();
    }
  }

  @Override
  public LanguageModel create(Options options) {
    OnnxLanguageModel model = OnnxLanguageModel.open(
        options.path(),
        options.threads(),
        options.device(),
        options.maxBatchRows(),
        options.decode().equals("auto"),
        options.file());
    if (options.chat()) {
      try {
        model.useChatTemplate();
      } catch (RuntimeException e) {
        model.close();
        throw e;
      }
    }
    return model;
  }
}
