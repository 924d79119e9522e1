package io.gvgap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.core.openai.ChatMessage;
import io.gvgap.testing.FaultInjectingModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(
    value = 120,
    unit = TimeUnit.SECONDS) // a server that stops answering fails the test, not the build
class OpenAiServerTest {
  private final LengthScoredModel model = new LengthScoredModel();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private OpenAiServer server;

  private HttpTestClient start(ServerOptions options) {
    server = OpenAiServer.start(
        model,
        TokenBoundaries.characters(),
        options,
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
    HttpTestClient.Answer a = client.post(
        "/v1/completions",
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
      assertThat(c.get("gvgap").get("finish_reason").asText())
          .isEqualTo(sample == 0 ? "eos" : "length");
      assertThat(c.get("gvgap").get("logprob").asDouble()).isEqualTo(-(sample + 1));
      assertThat(c.get("logprobs").isNull()).isTrue();
    }
    // prompts are 2 characters each; every completion "s<i>:7" is 4 characters
    assertThat(a.body().at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    assertThat(a.body().at("/usage/completion_tokens").asInt()).isEqualTo(24);
    assertThat(a.body().get("object").asText()).isEqualTo("text_completion");
    assertThat(model.calls)
        .containsExactly("gen 0 n=3 max=5 t=1.0 stop=[\n]", "gen 1 n=3 max=5 t=1.0 stop=[\n]");
  }

  @Test
  void echoWithLogprobsAndNoNewTokensGivesEachPromptTokenScoredAfterTheTextBeforeIt()
      throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer a = client.post(
        "/v1/completions",
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
    HttpTestClient.Answer a = client.post(
        "/v1/completions",
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
    HttpTestClient.Answer a = client.post(
        "/v1/chat/completions",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2=\"}],\"n\":2,\"seed\":3,\"logprobs\":true}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("object").asText()).isEqualTo("chat.completion");
    assertThat(a.body().at("/choices/1/message/content").asText()).isEqualTo("s1:3");
    assertThat(a.body().at("/choices/1/message/role").asText()).isEqualTo("assistant");
    assertThat(a.body().at("/choices/1/logprobs/content/0/logprob").asDouble()).isEqualTo(-2.0);
    assertThat(a.body().at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    List<ChatMessage> messages =
        List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hi"));
    assertThat(ChatPrompt.render(messages)).isEqualTo("System: be brief\nUser: hi\nAssistant:");
  }

  @Test
  void badRequestsAreAnsweredWithOpenAiErrorsNamingTheField() throws Exception {
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer n =
        client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"n\":\"x\"}");
    assertThat(n.status()).isEqualTo(400);
    assertThat(n.body().at("/error/message").asText()).contains("'n'");
    assertThat(n.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
    assertThat(client
            .post("/v1/completions", "{\"model\":\"m\"}")
            .body()
            .at("/error/message")
            .asText())
        .contains("'prompt'")
        .contains("required");
    assertThat(client
            .post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"temperature\":-1}")
            .body()
            .at("/error/message")
            .asText())
        .contains("'temperature'");
    assertThat(client
            .post("/v1/completions", "{\"model\":\"m\",\"prompt\":[1,2]}")
            .body()
            .at("/error/message")
            .asText())
        .contains("'prompt[0]'");
    assertThat(client
            .post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"stream\":true}")
            .body()
            .at("/error/message")
            .asText())
        .contains("'stream'");
    assertThat(client.post("/v1/completions", "{not json").status()).isEqualTo(400);
    assertThat(client
            .post(
                "/v1/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}")
            .body()
            .at("/error/message")
            .asText())
        .contains("messages[0].role");
    HttpTestClient.Answer unknownModel =
        client.post("/v1/completions", "{\"model\":\"other\",\"prompt\":\"a\"}");
    assertThat(unknownModel.status()).isEqualTo(404);
    assertThat(unknownModel.body().at("/error/message").asText())
        .contains("'other'")
        .contains("'m'");
    assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
    assertThat(client.get("/v1/completions").status()).isEqualTo(405);
    assertThat(client.post("/v1/models", "{}").status()).isEqualTo(405);
    assertThat(model.calls).isEmpty();
    assertThat(server.stats().errors()).isEqualTo(11);
  }

  @Test
  void nAndMaxTokensEachInRangeButTogetherBeyondTheBudgetAreA400NotA500() throws Exception {
    // LengthScoredModel does not know its context length, so only the token budget can refuse this
    HttpTestClient client = start(ServerOptions.loopback("m"));
    HttpTestClient.Answer a = client.post(
        "/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"n\":1024,\"max_tokens\":1048576}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().at("/error/message").asText())
        .contains("1024 × 1048576 × 1 = 1073741824 tokens")
        .contains("--max-request-tokens");
    assertThat(model.calls).isEmpty();
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
    HttpTestClient.Answer right =
        client.send("POST", "/v1/completions", body, "Bearer sk-secret-42");
    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().toString()).doesNotContain("sk-secret-42").doesNotContain("sk-wrong");
    assertThat(right.status()).isEqualTo(200);
  }

  @Test
  void aFailingModelCallIsA500ThatNamesTheFailureAndIsLogged() throws Exception {
    FaultInjectingModel faulty = new FaultInjectingModel(model, 0.3, 11);
    server = OpenAiServer.start(
        faulty,
        TokenBoundaries.characters(),
        ServerOptions.loopback("m"),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    HttpTestClient client = new HttpTestClient(server);
    // independent count: the same seeded stream, one draw per model call (one call per request
    // here)
    SplittableRandom draws = new SplittableRandom(11);
    int expected = 0;
    for (int i = 0; i < 60; i++) {
      expected += draws.nextDouble() < 0.3 ? 1 : 0;
    }
    int failures = 0;
    for (int i = 0; i < 60; i++) {
      HttpTestClient.Answer a =
          client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}");
      if (a.status() == 500) {
        failures++;
        assertThat(a.body().at("/error/type").asText()).isEqualTo("server_error");
        assertThat(a.body().at("/error/message").asText()).contains("injected fault");
      } else {
        assertThat(a.status()).isEqualTo(200);
      }
    }
    assertThat(expected).isBetween(5, 35);
    assertThat(failures).isEqualTo(expected);
    assertThat(faulty.injected()).isEqualTo(expected);
    assertThat(server.stats().errors()).isEqualTo(expected);
    assertThat(server.stats().completionRequests()).isEqualTo(60);
    assertThat(model.calls).hasSize(60 - expected);
    assertThat(log.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains("injected fault"))
            .count())
        .isEqualTo(expected);
  }

  /**
   * A model whose calls wait until the test opens the gate, so requests pile up at a known place:
   * with 2 workers and 3 places in the queue, the first 5 requests are accepted and the next ones
   * refused with 503 (without the limits all 8 would wait and succeed).
   */
  @Test
  void requestsBeyondTheWorkersWaitInTheQueueAndBeyondTheQueueGet503() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    LengthScoredModel gated = new LengthScoredModel() {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        entered.countDown();
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.generate(requests, params);
      }
    };
    server = OpenAiServer.start(
        gated,
        TokenBoundaries.characters(),
        ServerOptions.loopback("m")
            .withPortAndWorkers(0, 2)
            .withLimits(ServerLimits.defaults().withMaxQueued(3)),
        System.err);
    HttpTestClient client = new HttpTestClient(server);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpTestClient.Answer>> accepted = new ArrayList<>();
      accepted.add(pool.submit(() -> client.post("/v1/completions", body(0))));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i < 5; i++) {
        int seed = i;
        accepted.add(pool.submit(() -> client.post("/v1/completions", body(seed))));
      }
      // one request in the model, one worker waiting for it, three in the queue
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (client.get("/stats").body().get("queued").asInt() < 3) {
        assertThat(System.nanoTime()).as("three requests queued").isLessThan(deadline);
        Thread.sleep(5);
      }
      for (int i = 5; i < 8; i++) {
        HttpTestClient.Answer refused = client.post("/v1/completions", body(i));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().at("/error/message").asText())
            .contains("--max-queued")
            .contains("retry later");
      }
      gate.countDown();
      for (int i = 0; i < 5; i++) {
        HttpTestClient.Answer a = accepted.get(i).get(10, TimeUnit.SECONDS);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/choices/0/text").asText()).isEqualTo("s0:" + i);
      }
      assertThat(gated.calls).hasSize(5);
    } finally {
      gate.countDown();
      pool.shutdownNow();
    }
  }

  private static String body(int seed) {
    return "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1,\"seed\":" + seed + "}";
  }

  @Test
  void closeLetsARequestInFlightFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    LengthScoredModel slow = new LengthScoredModel() {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        entered.countDown();
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of(
            new Generation("0", List.of(new Completion(0, "late", 1, -1, FinishReason.STOP))));
      }
    };
    server = OpenAiServer.start(
        slow, TokenBoundaries.characters(), ServerOptions.loopback("m"), System.err);
    HttpTestClient client = new HttpTestClient(server);
    CompletableFuture<HttpTestClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> {
      try {
        return client.post(
            "/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // the request is in its model call when close() starts: close must wait for it
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    server.close();
    server = null;
    HttpTestClient.Answer a = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().at("/choices/0/text").asText()).isEqualTo("late");
  }

  @Test
  void closeStopsARequestThatOutlastsTheStopTimeoutAtItsNextModelCallWith503() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    LengthScoredModel slow = new LengthScoredModel() {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        entered.countDown();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.generate(requests, params);
      }
    };
    server = OpenAiServer.start(
        slow,
        TokenBoundaries.characters(),
        ServerOptions.loopback("m").withStopTimeoutMillis(100),
        System.err);
    HttpTestClient client = new HttpTestClient(server);
    // n = 640 is 10 model calls of 64 samples, 2 s in all
    CompletableFuture<HttpTestClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> {
      try {
        return client.post(
            "/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1,\"n\":640}");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    server.close(); // must not throw "did not stop cleanly"
    long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(closeMillis)
        .as("close waits for the stop timeout and the model call in progress only")
        .isLessThan(1500);
    HttpTestClient.Answer a = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(a.status()).isEqualTo(503);
    assertThat(a.body().at("/error/message").asText()).contains("stopping");
    assertThat(slow.calls.size())
        .as("calls after the stop timeout are not made")
        .isLessThan(640);
    assertThat(server.stats().cancelled()).isEqualTo(1);
    server = null;
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
