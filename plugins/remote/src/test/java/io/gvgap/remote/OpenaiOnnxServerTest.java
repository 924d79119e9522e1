package io.gvgap.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import io.gvgap.server.TokenBoundaries;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The openai backend against {@code gvgap serve}'s server over the committed tiny model
 * models/arith-2xs: every number must equal what the same model gives locally.
 */
class OpenaiOnnxServerTest {
  private static final Path MODEL =
      Path.of("..", "..", "models", "arith-2xs").toAbsolutePath().normalize();
  private static OnnxLanguageModel local;
  private static OnnxLanguageModel served;
  private static OpenAiServer server;

  /** Token starts from the model's own tokenizer (decoded prefix lengths). */
  static TokenBoundaries boundaries(OnnxLanguageModel model) {
    return text -> {
      long[] ids = model.tokenizer().encode(text, false);
      int[] starts = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        starts[i] = model.tokenizer().decode(Arrays.copyOf(ids, i)).length();
      }
      return starts;
    };
  }

  @BeforeAll
  static void start() {
    local = OnnxLanguageModel.open(MODEL, 1, "cpu", 64);
    served = OnnxLanguageModel.open(MODEL, 1, "cpu", 64);
    server = OpenAiServer.start(
        served, boundaries(served), ServerOptions.loopback("arith-2xs"), System.err);
  }

  @AfterAll
  static void stop() {
    server.close();
    served.close();
    local.close();
  }

  private static OpenAiLanguageModel remote() {
    OpenAiBackend.Options o = OpenAiBackend.Options.of(server.baseUri().toString(), "arith-2xs");
    return new OpenAiLanguageModel(o, name -> null);
  }

  @Test
  void samplesStopSequencesAndLogprobsEqualTheLocalModelsForTheSameSeed() {
    SamplingParams params = new SamplingParams(0.9, 0.95, 0, 24, 17);
    List<GenerationRequest> requests = List.of(
        new GenerationRequest("ex-1", "Q: 12+7=?\nA:", 0, 3, List.of("\n")),
        new GenerationRequest("ex-2", "Q: 40-13=?\nA:", 2, 4, List.of("Q:")));
    try (OpenAiLanguageModel remote = remote()) {
      List<Generation> generations = remote.generate(requests, params);
      assertThat(generations).extracting(Generation::id).containsExactlyInAnyOrder("ex-1", "ex-2");
      for (Generation g : generations) {
        GenerationRequest r =
            requests.stream().filter(q -> q.id().equals(g.id())).findFirst().orElseThrow();
        // the server generates request "0" with the derived seed and sample indices 0..n-1
        SamplingParams derived = new SamplingParams(
            params.temperature(),
            params.topP(),
            params.topK(),
            params.maxNewTokens(),
            RequestSeeds.seed(params.seed(), r.id(), r.firstSampleIndex()));
        List<Completion> expected = local
            .generate(
                List.of(new GenerationRequest("0", r.prompt(), 0, r.count(), r.stop())), derived)
            .get(0)
            .completions();
        assertThat(g.completions()).hasSize(r.count());
        for (int i = 0; i < r.count(); i++) {
          Completion got = g.completions().get(i);
          Completion want = expected.get(i);
          assertThat(got.sampleIndex()).isEqualTo(r.firstSampleIndex() + i);
          assertThat(got.text()).isEqualTo(want.text());
          for (String stop : r.stop()) {
            assertThat(got.text()).doesNotContain(stop);
          }
          assertThat(got.tokenCount()).isEqualTo(want.tokenCount());
          assertThat(got.logProb()).isEqualTo(want.logProb());
          assertThat(got.finishReason()).isEqualTo(want.finishReason());
        }
      }
      List<String> texts = generations.stream()
          .flatMap(g -> g.completions().stream())
          .map(Completion::text)
          .toList();
      assertThat(texts.stream().distinct().count())
          .as("sampling at temperature 0.9 varies")
          .isGreaterThan(1);
    }
  }

  @Test
  void scoresEqualTheLocalOnnxBackendsScores() {
    List<ScoringRequest> requests = List.of(
        new ScoringRequest("a", "Q: 12+7=?\nA: ", List.of("19", "20", "nineteen")),
        new ScoringRequest("b", "Is 3+4=7 right? Answer:", List.of(" Correct", " Incorrect")));
    try (OpenAiLanguageModel remote = remote()) {
      List<ScoringResult> got = remote.score(requests);
      Map<String, ScoringResult> want =
          Map.of("a", local.score(requests).get(0), "b", local.score(requests).get(1));
      for (ScoringResult r : got) {
        ScoringResult w = want.get(r.id());
        assertThat(r.tokenCounts()).isEqualTo(w.tokenCounts());
        for (int c = 0; c < r.logProbs().size(); c++) {
          assertThat(r.logProbs().get(c)).isCloseTo(w.logProbs().get(c), within(1e-4));
          assertThat(r.logProbs().get(c)).isNegative();
        }
      }
    }
  }

  @Test
  void aPromptLongerThanTheContextIsA400ThatFailsFastWithTheServersMessage() {
    long before = server.stats().completionRequests();
    String tooLong = "1+1=2\n".repeat(200); // 1200 characters, the model's context is 640
    try (OpenAiLanguageModel remote = remote()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> remote.generate(
              List.of(new GenerationRequest("x", tooLong, 0, 1, List.of())),
              SamplingParams.greedy(4)))
          .isInstanceOf(RemoteModelException.class)
          .hasMessageContaining("HTTP 400")
          .hasMessageContaining("context length");
    }
    assertThat(server.stats().completionRequests() - before)
        .as("a 400 is not retried")
        .isEqualTo(1);
  }
}
