package io.gvgap.remote;

import io.gvgap.api.model.ModelBackend;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import io.gvgap.testkit.ModelBackendConformanceTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@code openai} backend keeps the model-backend contract against a real server on loopback:
 * {@code gvgap serve}'s OpenAI-compatible server over the committed tiny model models/arith-2xs.
 */
class OpenAiBackendConformanceTest extends ModelBackendConformanceTest {
  private static final Path MODEL =
      Path.of("..", "..", "models", "arith-2xs").toAbsolutePath().normalize();
  private static OnnxLanguageModel served;
  private static OpenAiServer server;

  @BeforeAll
  static void start() {
    served = OnnxLanguageModel.open(MODEL, 1, "cpu", 64);
    server = OpenAiServer.start(
        served,
        OpenaiOnnxServerTest.boundaries(served),
        ServerOptions.loopback("arith-2xs"),
        System.err);
  }

  @AfterAll
  static void stop() {
    server.close();
    served.close();
  }

  @Override
  protected ModelBackend<?> provider() {
    return new OpenAiBackend();
  }

  @Override
  protected Record options() {
    return OpenAiBackend.Options.of(server.baseUri().toString(), "arith-2xs");
  }

  /**
   * The OpenAI protocol draws a request's n samples from one seed, which this backend derives from
   * (run seed, request id, first sample index): samples 2-3 asked alone are not samples 2-3 of 0-3.
   */
  @Override
  protected Optional<String> knownSampleRangeLimitation() {
    return Optional.of(
        "an OpenAI-compatible server draws a request's n samples from one seed, derived from the"
            + " first sample index asked for, so a range resumed mid-way gets other samples than one asked at once");
  }

  @Override
  protected List<String> prompts() {
    return List.of("Q: 12+7=?\nA:", "Q: 40-13=?\nA:", "Q: 6*7=?\nA:", "Q: 99+1=?\nA:");
  }
}
