package io.gvgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bounded abuse of a server on loopback (about 90 requests, a few seconds, nothing left running):
 * bodies of 3.5 MB with too many prompts, bodies announced beyond the limit, clients that hang up
 * during long requests and clients that send half a body; afterwards the heap, after garbage
 * collection, is back near where it was, every abandoned request was cancelled, and an ordinary
 * request is answered at once.
 */
@Timeout(
    value = 120,
    unit = TimeUnit.SECONDS) // a server that stops answering fails the test, not the build
class MemoryAfterAbuseTest {
  private static final long MIB = 1 << 20;

  /** A model that takes 20 ms per generation call. */
  private static final class TimedModel extends LengthScoredModel {
    @Override
    public synchronized List<Generation> generate(
        List<GenerationRequest> requests, SamplingParams params) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      calls.clear(); // keep no history: this test measures the server's memory, not the model's
      return super.generate(requests, params);
    }
  }

  static long usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  @Test
  void theHeapReturnsToItsBaselineAfterAbuseAndAbandonedWorkIsCancelled() throws Exception {
    try (OpenAiServer server = OpenAiServer.start(
        new TimedModel(),
        TokenBoundaries.characters(),
        ServerOptions.loopback("m").withLimits(ServerLimits.defaults().withTimeouts(2000, 2000)),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      HttpTestClient client = new HttpTestClient(server);
      for (int i = 0; i < 5; i++) {
        assertThat(client
                .post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}")
                .status())
            .isEqualTo(200);
      }
      long baseline = usedHeapAfterGc();

      abuse(server, client, 1);
      long afterOnce = usedHeapAfterGc();
      abuse(server, client, 2);
      long start = System.nanoTime();
      assertThat(client
              .post("/v1/completions", "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1}")
              .status())
          .isEqualTo(200);
      long ordinaryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      long after = usedHeapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "MemoryAfterAbuseTest: heap after GC %.1f MiB before, %.1f MiB after one round "
              + "of abuse, %.1f MiB after two; %d model calls; ordinary request after abuse %d ms%n",
          baseline / (double) MIB,
          afterOnce / (double) MIB,
          after / (double) MIB,
          server.stats().modelCalls(),
          ordinaryMillis);
      // pools (Jetty's buffers, the JDK's HTTP client) keep some memory after the first round:
      // bounded, not growing
      assertThat(afterOnce - baseline)
          .as("heap kept after one round of abuse, bytes")
          .isLessThan(48 * MIB);
      assertThat(after - afterOnce)
          .as("heap growth from a second round, bytes")
          .isLessThan(8 * MIB);
      assertThat(server.stats().modelCalls())
          .as("the 32 abandoned requests made few of their 512 calls")
          .isLessThan(5 + 32 * 4 + 1);
      assertThat(ordinaryMillis).isLessThan(2000);
    }
  }

  /** One round: 30 bodies of 3.5 MB with too many prompts, 10 announced beyond the limit, 16 hang-ups, 20 halves. */
  private static void abuse(OpenAiServer server, HttpTestClient client, int round)
      throws Exception {
    // 300 prompts of 12 000 characters: 3.5 MB, inside the body limit, beyond --max-prompts
    StringBuilder big =
        new StringBuilder("{\"model\":\"m\",\"n\":1024,\"max_tokens\":1024,\"prompt\":[");
    String prompt = "\"" + "7+8=15 ".repeat(12_000 / 7) + "\"";
    for (int i = 0; i < 300; i++) {
      big.append(i == 0 ? "" : ",").append(prompt);
    }
    String bigBody = big.append("]}").toString();
    assertThat((long) bigBody.length()).isBetween(3 * MIB, ServerLimits.DEFAULT_MAX_BODY_BYTES);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<RawHttp> halfBodies = new ArrayList<>();
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        statuses.add(pool.submit(() -> client.post("/v1/completions", bigBody).status()));
      }
      for (int i = 0; i < 10; i++) {
        statuses.add(pool.submit(() -> {
          try (RawHttp raw = new RawHttp(server)) {
            return RawHttp.status(raw.headers("/v1/completions", 50 * MIB).readAll());
          }
        }));
      }
      // 16 long requests (16 model calls each) whose clients hang up after 100 ms
      String longRequest = "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":1,\"n\":1024}";
      for (int i = 0; i < 16; i++) {
        statuses.add(pool.submit(() -> {
          try (RawHttp raw = new RawHttp(server)) {
            raw.headers("/v1/completions", longRequest.length())
                .send(longRequest.getBytes(StandardCharsets.UTF_8));
            Thread.sleep(100);
          }
          return 0;
        }));
      }
      for (int i = 0; i < 20; i++) {
        halfBodies.add(new RawHttp(server)
            .headers("/v1/completions", 100_000)
            .send("{\"model\":\"m\",\"prompt\":\"".getBytes(StandardCharsets.UTF_8)));
      }
      for (int i = 0; i < statuses.size(); i++) {
        int expected = i < 30 ? 400 : i < 40 ? 413 : 0;
        assertThat(statuses.get(i).get(60, TimeUnit.SECONDS))
            .as("request " + i)
            .isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
      for (RawHttp r : halfBodies) {
        r.close();
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.stats().cancelled() < 16L * round) {
      assertThat(System.nanoTime()).as("every abandoned request cancelled").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
