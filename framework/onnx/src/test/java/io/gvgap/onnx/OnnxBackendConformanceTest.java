package io.gvgap.onnx;

import io.gvgap.api.model.ModelBackend;
import io.gvgap.testkit.ModelBackendConformanceTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code onnx} backend keeps the model-backend contract on the committed tiny model
 * models/arith-2xs: the same samples for a seed whatever the batching, the sample ranges, the
 * number of ONNX Runtime threads and the rows per decoding batch, and scores that agree with the
 * log-probabilities generation reports.
 */
class OnnxBackendConformanceTest extends ModelBackendConformanceTest {
  private static final Path MODEL =
      Path.of("..", "..", "models", "arith-2xs").toAbsolutePath().normalize();

  @Override
  protected ModelBackend<?> provider() {
    return new OnnxBackend();
  }

  @Override
  protected Record options() {
    return new OnnxBackend.Options(MODEL, 1, "cpu", 64);
  }

  @Override
  protected Optional<Record> optionsWithThreads(int threads) {
    return Optional.of(new OnnxBackend.Options(MODEL, threads, "cpu", 64));
  }

  @Override
  protected Optional<Record> optionsWithBatchRows(int rows) {
    return Optional.of(new OnnxBackend.Options(MODEL, 1, "cpu", rows));
  }

  @Override
  protected List<String> prompts() {
    return List.of("Q: 12+7=?\nA:", "Q: 40-13=?\nA:", "Q: 6*7=?\nA:", "Q: 99+1=?\nA:");
  }
}
