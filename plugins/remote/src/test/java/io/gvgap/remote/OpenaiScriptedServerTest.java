package io.gvgap.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import io.gvgap.server.TokenBoundaries;
import io.gvgap.testing.FaultInjectingModel;
import io.gvgap.testing.ScriptedBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The openai backend against gvgap's server over the scripted test model, and against stub servers. */
class OpenaiScriptedServerTest {
  private static final String KEY = "sk-test-7f3a9c0d1e2b4c5d";
  private static final SamplingParams PARAMS = new SamplingParams(0.7, 0.9, 0, 32, 21);

  @TempDir
  Path tmp;

  private final LanguageModel scripted =
      new ScriptedBackend().create(new ScriptedBackend.Options(null, 0));
  private final ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
  private OpenAiServer server;

  private OpenAiServer start(ServerOptions options) {
    return start(scripted, options);
  }

  private OpenAiServer start(LanguageModel model, ServerOptions options) {
    server = OpenAiServer.start(
        model,
        TokenBoundaries.characters(),
        options,
        new PrintStream(serverLog, true, StandardCharsets.UTF_8));
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static OpenAiBackend.Options options(
      String url, String api, int retries, String cacheDir, String keyEnv) {
    return new OpenAiBackend.Options(
        url, "scripted", api, keyEnv, 4, retries, 1, 30, cacheDir, 512, true);
  }

  private static List<GenerationRequest> requests(int count) {
    List<GenerationRequest> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          new GenerationRequest("ex-" + i, "Q: " + i + "+" + (2 * i) + "=?", 0, 3, List.of("\n")));
    }
    return out;
  }

  private static List<String> texts(List<Generation> generations) {
    return generations.stream()
        .sorted(Comparator.comparing(Generation::id))
        .flatMap(
            g -> g.completions().stream().map(c -> g.id() + "#" + c.sampleIndex() + "=" + c.text()))
        .toList();
  }

  @Test
  void nSamplesPerRequestAndInjected500sAreRetriedUntilEveryRequestSucceeds() {
    FaultInjectingModel faulty = new FaultInjectingModel(scripted, 0.3, 4);
    start(faulty, ServerOptions.loopback("scripted"));
    try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "completions", 30, null, "NONE"), name -> null)) {
      List<Generation> generations = remote.generate(requests(20), PARAMS);
      assertThat(generations).hasSize(20);
      for (Generation g : generations) {
        assertThat(g.completions()).extracting(Completion::sampleIndex).containsExactly(0, 1, 2);
        for (Completion c : g.completions()) {
          assertThat(c.text()).isNotEmpty();
          assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
          assertThat(c.logProb()).isNegative();
        }
      }
    }
    long faults = faulty.injected();
    assertThat(faults).as("about 30 %% of the requests failed on purpose").isGreaterThan(0);
    assertThat(server.stats().errors()).isEqualTo(faults);
    assertThat(server.stats().completionRequests()).isEqualTo(20 + faults);
  }

  @Test
  void aSecondRunWithTheSameCacheMakesNoRequestsAndGivesTheSameSamples() {
    start(ServerOptions.loopback("scripted"));
    String cache = tmp.resolve("cache").toString();
    List<Generation> first;
    try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "completions", 0, cache, "NONE"), name -> null)) {
      first = remote.generate(requests(6), PARAMS);
    }
    assertThat(server.stats().completionRequests()).isEqualTo(6);
    try (OpenAiLanguageModel again = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "completions", 0, cache, "NONE"), name -> null)) {
      assertThat(texts(again.generate(requests(6), PARAMS))).isEqualTo(texts(first));
      assertThat(server.stats().completionRequests())
          .as("the rerun is served from the cache")
          .isEqualTo(6);
      again.generate(requests(6), PARAMS.withTemperature(0.5));
      assertThat(server.stats().completionRequests())
          .as("another temperature is another request")
          .isEqualTo(12);
    }
  }

  @Test
  void twoServersAnsweringDifferentlyShareACacheDirectoryWithoutReadingEachOthersAnswers()
      throws Exception {
    String cache = tmp.resolve("cache").toString();
    List<GenerationRequest> one = List.of(new GenerationRequest("a", "3+4=", 0, 1, List.of()));
    try (StubServer first =
            new StubServer(List.of(new StubServer.Answer(200, choice(" 7"), null)));
        StubServer second =
            new StubServer(List.of(new StubServer.Answer(200, choice(" 8"), null)))) {
      try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
          options(first.baseUrl(), "completions", 0, cache, "NONE"), name -> null)) {
        assertThat(remote.generate(one, PARAMS).get(0).completions().get(0).text())
            .isEqualTo(" 7");
      }
      try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
          options(second.baseUrl(), "completions", 0, cache, "NONE"), name -> null)) {
        assertThat(remote.generate(one, PARAMS).get(0).completions().get(0).text())
            .as("same model name, same request, another base_url: the second server's answer")
            .isEqualTo(" 8");
      }
      try (OpenAiLanguageModel again = new OpenAiLanguageModel(
          options(first.baseUrl(), "completions", 0, cache, "NONE"), name -> null)) {
        assertThat(again.generate(one, PARAMS).get(0).completions().get(0).text())
            .isEqualTo(" 7");
      }
      assertThat(first.hits())
          .as("the rerun against the first server came from the cache")
          .isEqualTo(1);
      assertThat(second.hits()).isEqualTo(1);
    }
  }

  private static String choice(String text) {
    return "{\"choices\":[{\"index\":0,\"text\":\"" + text
        + "\",\"finish_reason\":\"stop\",\"logprobs\":null}]}";
  }

  @Test
  void theApiKeyIsSentButNeverWrittenToCacheErrorsOrLogs() throws IOException {
    start(ServerOptions.loopback("scripted").withApiKey(KEY));
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    String wrongMessage;
    try {
      try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
          options(
              server.baseUri().toString(),
              "completions",
              3,
              tmp.resolve("cache").toString(),
              "GVGAP_TEST_KEY"),
          Map.of("GVGAP_TEST_KEY", KEY)::get)) {
        assertThat(remote.generate(requests(2), PARAMS)).hasSize(2);
        assertThat(remote.info().toString()).doesNotContain(KEY);
      }
      try (OpenAiLanguageModel wrong = new OpenAiLanguageModel(
          options(server.baseUri().toString(), "completions", 3, null, "GVGAP_TEST_KEY"),
          Map.of("GVGAP_TEST_KEY", KEY + "x")::get)) {
        RemoteModelException e = org.junit.jupiter.api.Assertions.assertThrows(
            RemoteModelException.class, () -> wrong.generate(requests(1), PARAMS));
        assertThat(e.status()).isEqualTo(401);
        wrongMessage = e.getMessage();
      }
      try (OpenAiLanguageModel none = new OpenAiLanguageModel(
          options(server.baseUri().toString(), "completions", 3, null, "GVGAP_TEST_KEY"),
          name -> null)) {
        assertThatThrownBy(() -> none.generate(requests(1), PARAMS))
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("api_key_env");
      }
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
    assertThat(wrongMessage).contains("HTTP 401").doesNotContain(KEY);
    assertThat(server.stats().completionRequests())
        .as("the two answered requests")
        .isEqualTo(2);
    assertThat(server.stats().errors())
        .as("each 401 was sent once: not retried")
        .isEqualTo(2);
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    assertThat(serverLog.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as(file.toString()).doesNotContain(KEY);
      }
    }
  }

  @Test
  void theChatApiGivesTheSamplesOfTheSamePromptAndCannotScore() {
    start(ServerOptions.loopback("scripted"));
    List<Generation> viaCompletions;
    try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "completions", 0, null, "NONE"), name -> null)) {
      viaCompletions = remote.generate(requests(3), PARAMS);
    }
    try (OpenAiLanguageModel chat = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "chat", 0, null, "NONE"), name -> null)) {
      List<Generation> viaChat = chat.generate(requests(3), PARAMS);
      // one user message is sent verbatim, so the same prompt and seed give the same samples
      assertThat(texts(viaChat)).isEqualTo(texts(viaCompletions));
      assertThat(viaChat.get(0).completions().get(0).logProb()).isNegative();
      assertThatThrownBy(() -> chat.score(List.of(new ScoringRequest("s", "ctx", List.of(" a")))))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("'scripted'")
          .hasMessageContaining("chat API")
          .hasMessageContaining("api: completions");
    }
  }

  @Test
  void anUnknownModelIsA404ThatFailsAtOnce() {
    start(ServerOptions.loopback("other-name"));
    try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "completions", 5, null, "NONE"), name -> null)) {
      assertThatThrownBy(() -> remote.generate(requests(1), PARAMS))
          .isInstanceOf(RemoteModelException.class)
          .hasMessageContaining("HTTP 404")
          .hasMessageContaining("'scripted' is not served here")
          .hasMessageContaining("GET /v1/models");
    }
    assertThat(server.stats().completionRequests()).isEqualTo(1);
  }

  private static final String ONE_CHOICE =
      "{\"choices\":[{\"index\":0,\"text\":\" 7\",\"finish_reason\":\"stop\","
          + "\"logprobs\":{\"tokens\":[\" \",\"7\"],\"token_logprobs\":[-0.25,-0.5],\"text_offset\":[5,6]}}]}";

  @Test
  void a429IsRetriedAfterTheServersRetryAfterAndTheWaitIsLogged() throws Exception {
    PrintStream realErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
    try (StubServer stub = new StubServer(List.of(
            new StubServer.Answer(
                429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}", "1"),
            new StubServer.Answer(200, ONE_CHOICE, null)));
        OpenAiLanguageModel remote = new OpenAiLanguageModel(
            options(stub.baseUrl(), "completions", 3, null, "NONE"), name -> null)) {
      Generation g = remote
          .generate(List.of(new GenerationRequest("a", "3+4=", 0, 1, List.of())), PARAMS)
          .get(0);
      assertThat(g.completions().get(0).text()).isEqualTo(" 7");
      // the generic reader: logprob is the sum of token_logprobs, token count the number of tokens
      assertThat(g.completions().get(0).logProb()).isEqualTo(-0.75);
      assertThat(g.completions().get(0).tokenCount()).isEqualTo(2);
      assertThat(stub.hits()).isEqualTo(2);
      long waited = TimeUnit.NANOSECONDS.toMillis(stub.hitTimes.get(1) - stub.hitTimes.get(0));
      assertThat(waited)
          .as("Retry-After: 1 asks for a second; the backoff base is 1 ms")
          .isGreaterThanOrEqualTo(1000);
      assertThat(console.toString(StandardCharsets.UTF_8))
          .as("the wait is said, with the URL and the reason")
          .contains(stub.baseUrl() + "/completions: HTTP 429: slow down; retry 1 of 3 in 1000 ms");
    } finally {
      System.setErr(realErr);
    }
  }

  @Test
  void a400FailsAtOnceWithTheServersMessage() throws Exception {
    try (StubServer stub = new StubServer(List.of(new StubServer.Answer(
            400,
            "{\"error\":{\"message\":\"field 'max_tokens': too large\",\"type\":\"invalid_request_error\"}}",
            null)));
        OpenAiLanguageModel remote = new OpenAiLanguageModel(
            options(stub.baseUrl(), "completions", 5, null, "NONE"), name -> null)) {
      assertThatThrownBy(() ->
              remote.generate(List.of(new GenerationRequest("a", "x", 0, 1, List.of())), PARAMS))
          .isInstanceOf(RemoteModelException.class)
          .hasMessageContaining(stub.baseUrl() + "/completions")
          .hasMessageContaining("HTTP 400: field 'max_tokens': too large");
      assertThat(stub.hits()).isEqualTo(1);
    }
  }

  @Test
  void aServerWithoutPromptLogprobsCannotScoreAndSaysWhatToDo() throws Exception {
    try (StubServer stub = new StubServer(List.of(new StubServer.Answer(
            200,
            "{\"choices\":[{\"index\":0,\"text\":\"ctx a\",\"logprobs\":null,\"finish_reason\":\"length\"}]}",
            null)));
        OpenAiLanguageModel remote = new OpenAiLanguageModel(
            options(stub.baseUrl(), "completions", 0, null, "NONE"), name -> null)) {
      assertThatThrownBy(() -> remote.score(List.of(new ScoringRequest("s", "ctx", List.of(" a")))))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("'scripted'")
          .hasMessageContaining(stub.baseUrl())
          .hasMessageContaining("cannot score continuations");
    }
  }

  @Test
  void noServerListeningAtStartFailsAtOnceNamingTheUrlAndWhatToDo() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/v1";
    long start = System.nanoTime();
    try (OpenAiLanguageModel remote =
        new OpenAiLanguageModel(options(url, "completions", 8, null, "NONE"), name -> null)) {
      assertThatThrownBy(() ->
              remote.generate(List.of(new GenerationRequest("a", "x", 0, 1, List.of())), PARAMS))
          .isInstanceOf(RemoteModelException.class)
          .hasMessageContaining("nothing is listening at " + url)
          .hasMessageContaining("connection refused")
          .hasMessageContaining("start the server")
          .hasMessageContaining("base_url");
    }
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
        .as("no retries")
        .isLessThan(5);
  }

  @Test
  void aServerThatAnsweredAndThenRefusesIsRetriedUntilTheRetriesRunOut() throws Exception {
    start(ServerOptions.loopback("scripted"));
    try (OpenAiLanguageModel remote = new OpenAiLanguageModel(
        options(server.baseUri().toString(), "completions", 2, null, "NONE"), name -> null)) {
      assertThat(remote.generate(requests(1), PARAMS)).hasSize(1);
      server.close(); // a restart: the port refuses connections now
      server = null;
      assertThatThrownBy(() -> remote.generate(requests(1), PARAMS))
          .isInstanceOf(RemoteModelException.class)
          .hasMessageContaining("failed after 3 attempts")
          .hasMessageContaining("connection refused");
    }
  }
}
