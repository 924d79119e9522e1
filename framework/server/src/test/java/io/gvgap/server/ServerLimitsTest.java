package io.gvgap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server refuses, and that refused, slow or abandoned requests cost the others nothing. */
@Timeout(
    value = 120,
    unit = TimeUnit.SECONDS) // a server that stops answering fails the test, not the build
class ServerLimitsTest {
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private OpenAiServer server;

  /** A model with a 100-token context that takes {@code millisPerCall} per generation call. */
  private static final class SlowModel extends LengthScoredModel {
    final CountDownLatch firstCall = new CountDownLatch(1);
    private final long millisPerCall;

    SlowModel(long millisPerCall) {
      this.millisPerCall = millisPerCall;
    }

    @Override
    public synchronized List<Generation> generate(
        List<GenerationRequest> requests, SamplingParams params) {
      firstCall.countDown();
      try {
        Thread.sleep(millisPerCall);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.generate(requests, params);
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("slow", -1, 100, Map.of());
    }
  }

  private HttpTestClient start(LengthScoredModel model, ServerOptions options) {
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
  void aBodyAboveTheLimitIsRefused413FromItsContentLengthBeforeItIsSent() throws Exception {
    start(
        new SlowModel(0),
        ServerOptions.loopback("m")
            .withLimits(ServerLimits.defaults().withRequestLimits(1 << 20, 256, 1 << 20)));
    try (RawHttp raw = new RawHttp(server)) {
      // only the headers: a server that waited for the 100 MB would never answer
      String answer = raw.headers("/v1/completions", 100_000_000).readAll();
      assertThat(RawHttp.status(answer)).isEqualTo(413);
      assertThat(answer)
          .contains("100000000 bytes")
          .contains("at most 1048576 bytes (--max-body-bytes)")
          .containsIgnoringCase("Connection: close");
    }
  }

  @Test
  void aChunkedBodyThatGrowsBeyondTheLimitIsRefused413() throws Exception {
    start(
        new SlowModel(0),
        ServerOptions.loopback("m")
            .withLimits(ServerLimits.defaults().withRequestLimits(64 * 1024, 256, 1 << 20)));
    try (RawHttp raw = new RawHttp(server)) {
      raw.headers("/v1/completions", -1);
      byte[] chunk =
          ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 4; i++) {
        raw.sendQuietly(chunk);
      }
      String answer = raw.readAll();
      assertThat(RawHttp.status(answer)).isEqualTo(413);
      assertThat(answer).contains("more than 65536 bytes");
    }
  }

  @Test
  void tooManyPromptsOrTokensAndMaxTokensBeyondTheContextAre400sNamingTheLimitBeforeAnyModelCall()
      throws Exception {
    SlowModel model = new SlowModel(0);
    HttpTestClient client = start(model, ServerOptions.loopback("m"));
    // the abuse of the issue: 2000 prompts x n = 1024 in 16 KB
    StringBuilder prompts = new StringBuilder("[");
    for (int i = 0; i < 2000; i++) {
      prompts.append(i == 0 ? "" : ",").append("\"a\"");
    }
    long start = System.nanoTime();
    HttpTestClient.Answer many = client.post(
        "/v1/completions",
        "{\"model\":\"m\",\"prompt\":" + prompts + "],\"n\":1024,\"max_tokens\":16}");
    assertThat(many.status()).isEqualTo(400);
    assertThat(many.body().at("/error/message").asText())
        .contains("field 'prompt': has more than 256 elements")
        .contains("at most 256 prompts")
        .contains("--max-prompts");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);

    // each value inside its own range, the product far beyond the budget: a 400, never a 500 or an
    // OutOfMemoryError
    HttpTestClient.Answer huge = client.post(
        "/v1/completions",
        "{\"model\":\"m\",\"prompt\":\"a\",\"n\":1024," + "\"max_tokens\":1048576}");
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.body().at("/error/message").asText())
        .contains("field 'max_tokens'")
        .contains("1048576 is more than the model's context length 100");
    HttpTestClient.Answer tokens = client.post(
        "/v1/completions",
        "{\"model\":\"m\",\"prompt\":" + prompts.substring(0, 4 * 20)
            + "],\"n\":1024,\"max_tokens\":100}");
    assertThat(tokens.status()).isEqualTo(400);
    assertThat(tokens.body().at("/error/message").asText())
        .contains("1024 × 100 × 20 = 2048000 tokens")
        .contains("at most 1048576")
        .contains("--max-request-tokens");
    HttpTestClient.Answer tight = new HttpTestClient(server)
        .post(
            "/v1/chat/completions",
            "{\"model\":\"m\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"n\":1024,\"max_tokens\":100}");
    assertThat(tight.status())
        .isEqualTo(200)
        .as("1024 x 100 = 102400 tokens is inside the default budget");
    assertThat(model.calls)
        .as("only the request inside the limits reached the model")
        .hasSize(16);
  }

  @Test
  void theTokenBudgetIsAnOption() throws Exception {
    HttpTestClient client = start(
        new SlowModel(0),
        ServerOptions.loopback("m")
            .withLimits(ServerLimits.defaults().withRequestLimits(1 << 20, 8, 1000)));
    HttpTestClient.Answer a = client.post(
        "/v1/completions",
        "{\"model\":\"m\",\"prompt\":[\"a\",\"b\"],\"n\":50," + "\"max_tokens\":11}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().at("/error/message").asText())
        .contains("50 × 11 × 2 = 1100 tokens")
        .contains("at most 1000")
        .contains("--max-request-tokens");
    assertThat(client
            .post(
                "/v1/completions",
                "{\"model\":\"m\",\"prompt\":[\"a\",\"b\"],\"n\":50,\"max_tokens\":10}")
            .status())
        .isEqualTo(200);
  }

  @Test
  void theKeyIsCheckedBeforeTheBodyIsReadAndStatsNeedItButHealthDoesNot() throws Exception {
    HttpTestClient client =
        start(new SlowModel(0), ServerOptions.loopback("m").withApiKey("sk-limits-1"));
    try (RawHttp raw = new RawHttp(server)) {
      // no key and a body announced far beyond the limit: refused at once for the key, nothing read
      String answer = raw.headers("/v1/completions", 100_000_000).readAll();
      assertThat(RawHttp.status(answer)).isEqualTo(401);
    }
    assertThat(client.get("/stats").status()).isEqualTo(401);
    assertThat(client
            .send("GET", "/stats", null, "Bearer sk-limits-1")
            .body()
            .get("requests")
            .asInt())
        .isEqualTo(3);
    assertThat(client.get("/health").status()).isEqualTo(200);
  }

  @Test
  void slowPartialBodiesHoldNoThreadAndEndWith408() throws Exception {
    HttpTestClient client = start(
        new SlowModel(0),
        ServerOptions.loopback("m").withLimits(ServerLimits.defaults().withTimeouts(1500, 1500)));
    List<RawHttp> slow = new ArrayList<>();
    try {
      // more slow clients than Jetty has threads (16): a server that blocked a thread per body
      // would stall
      for (int i = 0; i < 40; i++) {
        slow.add(new RawHttp(server)
            .headers("/v1/completions", 1000)
            .send("{\"model\":".getBytes(StandardCharsets.UTF_8)));
      }
      long start = System.nanoTime();
      HttpTestClient.Answer a =
          client.post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}");
      assertThat(a.status()).isEqualTo(200);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .as("not stalled by the slow bodies")
          .isLessThan(1000);
      String answer = slow.get(0).readAll();
      assertThat(RawHttp.status(answer)).isEqualTo(408);
      assertThat(answer).contains("did not arrive within 1500 ms");
    } finally {
      for (RawHttp r : slow) {
        r.close();
      }
    }
  }

  @Test
  void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
    HttpTestClient client = start(
        new SlowModel(0),
        ServerOptions.loopback("m").withLimits(ServerLimits.defaults().withMaxConnections(2)));
    RawHttp first = new RawHttp(server);
    RawHttp second = new RawHttp(server);
    try {
      // two idle connections hold the limit: a third client is not served while they stay open
      CompletableFuture<HttpTestClient.Answer> third = CompletableFuture.supplyAsync(() -> {
        try {
          return client.get("/health");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      assertThat(third).as("waiting for a free connection").isNotDone();
      first.close();
      assertThat(third.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    } finally {
      first.close();
      second.close();
    }
  }

  @Test
  void workWhoseClientHasGoneStopsAtTheNextModelCall() throws Exception {
    SlowModel model = new SlowModel(50);
    start(model, ServerOptions.loopback("m"));
    String body =
        "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1,\"n\":1024}"; // 16 calls of 64 samples
    try (RawHttp raw = new RawHttp(server)) {
      raw.headers("/v1/completions", body.length()).send(body.getBytes(StandardCharsets.UTF_8));
      assertThat(model.firstCall.await(10, TimeUnit.SECONDS)).isTrue();
    } // the client hangs up during the first call
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.stats().cancelled() < 1) {
      assertThat(System.nanoTime()).as("the work was cancelled").isLessThan(deadline);
      Thread.sleep(10);
    }
    int callsAtCancel;
    synchronized (model) {
      callsAtCancel = model.calls.size();
    }
    assertThat(callsAtCancel)
        .as("stopped after the call in progress, not after all 16")
        .isLessThanOrEqualTo(2);
    assertThat(server.stats().modelCalls()).isEqualTo(callsAtCancel);
  }

  @Test
  void onlyALoopbackBindWithoutAKeyGoesWithoutAWarning() {
    assertThat(OpenAiServer.isLoopback("127.0.0.1")).isTrue();
    assertThat(OpenAiServer.isLoopback("localhost")).isTrue();
    assertThat(OpenAiServer.isLoopback("::1")).isTrue();
    assertThat(OpenAiServer.isLoopback("0.0.0.0")).isFalse();
    assertThat(OpenAiServer.isLoopback("192.0.2.7")).isFalse();
    assertThat(OpenAiServer.unprotectedWarning("0.0.0.0"))
        .contains("warning")
        .contains("0.0.0.0")
        .contains("without an API key")
        .contains("--api-key-env");
    start(
        new SlowModel(0),
        new ServerOptions("localhost", 0, "m", 1, null, 1000, ServerLimits.defaults()));
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("warning");
  }

  @Test
  void theWarningIsPrintedBeforeBindingANonLoopbackAddress() {
    // 192.0.2.7 (TEST-NET-1) is no address of this machine: the bind fails after the warning, so
    // nothing listens
    assertThatThrownBy(() -> start(
            new SlowModel(0),
            new ServerOptions("192.0.2.7", 0, "m", 1, null, 1000, ServerLimits.defaults())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not start the server on 192.0.2.7");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("warning: listening on 192.0.2.7 without an API key");
  }
}
