package io.gvgap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiServerTest {
  private final LengthScoredModel model = new LengthScoredModel();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private OpenAiServer server;

  private HttpTestClient start(ServerOptions options) {
    server = OpenAiServer.start(model, TokenBoundaries.characters(), options,
        new PrintStream(log, true, StandardCharsets.UTF_8));
    return new HttpTestClient(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void completionsGiveNSamplesPerPromptWithOpenAiIndicesAndTheRequestSeed() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer a = client.post("/v1/completions",
        "{\"model\":\"m\",\"prompt\":[\"ab\",\"cd\"],\"n\":3,\"max_tokens\":5,\"seed\":7,\"stop\":\"\\n\"}");
    assertThat(a.status()).isEqualTo(200);
    JsonNode choices = a.body().get("choices");
    assertThat(choices).hasSize(6);
    for (int k = 0; k < 6; k++) {
      JsonNode c = choices.get(k);
      int sample = k % 3;
      assertThat(c.get("index").asInt()).isEqualTo(k); // prompt p, sample i -> p * n + i
      assertThat(c.get("text").asText()).isEqualTo("s" + sample + ":7");
      assertThat(c.get("finish_reason").asText()).isEqualTo(sample == 0 ? "stop" : "length");
      assertThat(c.get("gvgap").get("finish_reason").asText()).isEqualTo(sample == 0 ? "eos" : "length");
      assertThat(c.get("gvgap").get("logprob").asDouble()).isEqualTo(-(sample + 1));
      assertThat(c.get("logprobs").isNull()).isTrue();
    }
    // prompts are 2 characters each; every completion "s<i>:7" is 4 characters
    assertThat(a.body().at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    assertThat(a.body().at("/usage/completion_tokens").asInt()).isEqualTo(24);
    assertThat(a.body().get("object").asText()).isEqualTo("text_completion");
    assertThat(model.calls).containsExactly("gen 0 n=3 max=5 t=1.0 stop=[\n]", "gen 1 n=3 max=5 t=1.0 stop=[\n]");
  }

  @Test
  void echoWithLogprobsAndNoNewTokensGivesEachPromptTokenScoredAfterTheTextBeforeIt() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer a = client.post("/v1/completions",
        "{\"model\":\"m\",\"prompt\":\"abc\",\"max_tokens\":0,\"echo\":true,\"logprobs\":1}");
    assertThat(a.status()).isEqualTo(200);
    JsonNode lp = a.body().at("/choices/0/logprobs");
    assertThat(a.body().at("/choices/0/text").asText()).isEqualTo("abc");
    assertThat(lp.get("tokens").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(lp.get("text_offset").toString()).isEqualTo("[0,1,2]");
    // by hand: token i is a 1-character continuation after i characters: -0.5 - 0.001 * i
    assertThat(lp.get("token_logprobs").get(0).isNull()).isTrue();
    assertThat(lp.get("token_logprobs").get(1).asDouble()).isCloseTo(-0.501, within(1e-12));
    assertThat(lp.get("token_logprobs").get(2).asDouble()).isCloseTo(-0.502, within(1e-12));
    assertThat(model.calls).as("max_tokens 0 generates nothing").isEmpty();
  }

  @Test
  void echoWithGenerationAppendsTheCompletionAsOneEntryAtThePromptsEnd() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer a = client.post("/v1/completions",
        "{\"model\":\"m\",\"prompt\":\"ab\",\"max_tokens\":3,\"echo\":true,\"logprobs\":0}");
    JsonNode lp = a.body().at("/choices/0/logprobs");
    assertThat(a.body().at("/choices/0/text").asText()).isEqualTo("abs0:0");
    assertThat(lp.get("tokens").toString()).isEqualTo("[\"a\",\"b\",\"s0:0\"]");
    assertThat(lp.get("text_offset").toString()).isEqualTo("[0,1,2]");
    assertThat(lp.get("token_logprobs").get(1).asDouble()).isCloseTo(-0.501, within(1e-12));
    assertThat(lp.get("token_logprobs").get(2).asDouble()).isEqualTo(-1.0);
  }

  @Test
  void chatWithOneUserMessageUsesItVerbatimAndOtherwiseARoleTranscript() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer a = client.post("/v1/chat/completions",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2=\"}],\"n\":2,\"seed\":3,\"logprobs\":true}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("object").asText()).isEqualTo("chat.completion");
    assertThat(a.body().at("/choices/1/message/content").asText()).isEqualTo("s1:3");
    assertThat(a.body().at("/choices/1/message/role").asText()).isEqualTo("assistant");
    assertThat(a.body().at("/choices/1/logprobs/content/0/logprob").asDouble()).isEqualTo(-2.0);
    assertThat(a.body().at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    JsonNode messages = new ObjectMapper().readTree("[{\"role\":\"system\",\"content\":\"be brief\"},"
        + "{\"role\":\"user\",\"content\":\"hi\"}]");
    assertThat(ChatPrompt.render(messages)).isEqualTo("System: be brief\nUser: hi\nAssistant:");
  }

  @Test
  void badRequestsAreAnsweredWithOpenAiErrorsNamingTheField() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer n = client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"n\":\"x\"}");
    assertThat(n.status()).isEqualTo(400);
    assertThat(n.body().at("/error/message").asText()).contains("'n'");
    assertThat(n.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
    assertThat(client.post("/v1/completions", "{\"model\":\"m\"}").body().at("/error/message").asText())
        .contains("'prompt'").contains("required");
    assertThat(client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"temperature\":-1}").body()
        .at("/error/message").asText()).contains("'temperature'");
    assertThat(client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":[1,2]}").body()
        .at("/error/message").asText()).contains("'prompt[0]'");
    assertThat(client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"stream\":true}").body()
        .at("/error/message").asText()).contains("'stream'");
    assertThat(client.post("/v1/completions", "{not json").status()).isEqualTo(400);
    assertThat(client.post("/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}")
        .body().at("/error/message").asText()).contains("messages[0].role");
    HttpTestClient.Answer unknownModel = client.post("/v1/completions", "{\"model\":\"other\",\"prompt\":\"a\"}");
    assertThat(unknownModel.status()).isEqualTo(404);
    assertThat(unknownModel.body().at("/error/message").asText()).contains("'other'").contains("'m'");
    assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
    assertThat(client.get("/v1/completions").status()).isEqualTo(405);
    assertThat(client.post("/v1/models", "{}").status()).isEqualTo(405);
    assertThat(model.calls).isEmpty();
    assertThat(server.stats().errors()).isEqualTo(11);
  }

  @Test
  void modelsHealthAndStats() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("arith"));
    assertThat(client.get("/v1/models").body().at("/data/0/id").asText()).isEqualTo("arith");
    assertThat(client.get("/health").body().get("status").asText()).isEqualTo("ok");
    assertThat(client.get("/stats").body().get("requests").asInt()).isEqualTo(3);
  }

  @Test
  void anApiKeyIsRequiredWhenConfiguredAndNeverEchoed() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m").withApiKey("sk-secret-42"));
    String body = "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}";
    HttpTestClient.Answer none = client.send("POST", "/v1/completions", body, null);
    HttpTestClient.Answer wrong = client.send("POST", "/v1/completions", body, "Bearer sk-wrong");
    HttpTestClient.Answer right = client.send("POST", "/v1/completions", body, "Bearer sk-secret-42");
    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().toString()).doesNotContain("sk-secret-42").doesNotContain("sk-wrong");
    assertThat(right.status()).isEqualTo(200);
  }

  @Test
  void faultInjectionAnswersTheSeededShareOfCompletionRequestsWith500() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m").withFaults(0.3, 11));
    // independent count: the same seeded stream, one draw per completion request
    SplittableRandom draws = new SplittableRandom(11);
    int expected = 0;
    for (int i = 0; i < 60; i++) {
      expected += draws.nextDouble() < 0.3 ? 1 : 0;
    }
    int failures = 0;
    for (int i = 0; i < 60; i++) {
      HttpTestClient.Answer a = client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}");
      if (a.status() == 500) {
        failures++;
        assertThat(a.body().at("/error/type").asText()).isEqualTo("server_error");
      } else {
        assertThat(a.status()).isEqualTo(200);
      }
    }
    assertThat(expected).isBetween(5, 35);
    assertThat(failures).isEqualTo(expected);
    assertThat(server.stats().injectedFaults()).isEqualTo(expected);
    assertThat(server.stats().completionRequests()).isEqualTo(60);
    assertThat(model.calls).hasSize(60 - expected);
    assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("injected fault")).count())
        .isEqualTo(expected);
  }

  @Test
  void concurrentRequestsBeyondTheWorkerLimitQueueAndAllSucceed() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m").withPortAndWorkers(0, 2));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpTestClient.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int seed = i;
        answers.add(pool.submit(() -> client.post("/v1/completions",
            "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1,\"seed\":" + seed + "}")));
      }
      for (int i = 0; i < 16; i++) {
        HttpTestClient.Answer a = answers.get(i).get();
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/choices/0/text").asText()).isEqualTo("s0:" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closeLetsARequestInFlightFinish() throws Exception {
    LengthScoredModel slow = new LengthScoredModel() {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        try {
          Thread.sleep(600);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of(new Generation("0", List.of(new Completion(0, "late", 1, -1, FinishReason.STOP))));
      }
    };
    server = OpenAiServer.start(slow, TokenBoundaries.characters(), ServerOptions.loopback("m"), System.err);
    HttpTestClient client = new HttpTestClient(server);
    CompletableFuture<HttpTestClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> {
      try {
        return client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(250);
    server.close();
    server = null;
    HttpTestClient.Answer a = inFlight.get();
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().at("/choices/0/text").asText()).isEqualTo("late");
  }

  @Test
  void characterBoundariesStartAtEachCodePoint() {
    // "a😀b": the emoji is two UTF-16 chars, so tokens start at 0, 1 and 3
    assertThat(TokenBoundaries.characters().starts("a\uD83D\uDE00b")).containsExactly(0, 1, 3);
    assertThat(TokenBoundaries.characters().starts("")).isEmpty();
    assertThat(PromptLogProbs.split("a\uD83D\uDE00b", new int[] {0, 1, 3}))
        .containsExactly("a", "\uD83D\uDE00", "b");
  }
}
