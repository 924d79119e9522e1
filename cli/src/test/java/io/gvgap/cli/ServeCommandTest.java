package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gvgap serve} as a child process: SIGTERM during a long request stops it cleanly; the bind warning. */
class ServeCommandTest {
  private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/v1)");
  private static final Path MODEL =
      Path.of("..", "models", "arith-2xs").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  private static Process gvgap(Path log, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(
        List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  @Test
  void sigtermDuringALongRequestStopsTheServerCleanly() throws Exception {
    Path log = tmp.resolve("serve.log");
    Process serve = gvgap(log, "serve", MODEL.toString(), "--port", "0", "--threads", "1");
    try {
      String url = null;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (url == null) {
        assertThat(serve.isAlive()).as(Files.readString(log)).isTrue();
        assertThat(Instant.now()).as("no URL printed: " + Files.readString(log)).isBefore(deadline);
        Matcher m = URL.matcher(Files.readString(log));
        url = m.find() ? m.group(1) : null;
        Thread.sleep(20);
      }
      assertThat(Files.readString(log)).contains("no API key").doesNotContain("warning");
      HttpClient client = HttpClient.newHttpClient();
      // n = 1024 samples of up to 64 tokens: 16 model calls, far longer than the moment we wait
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/completions"))
          .header("Content-Type", "application/json")
          .POST(
              HttpRequest.BodyPublishers.ofString(
                  "{\"model\":\"arith-2xs\",\"prompt\":\"Q: 1+2=?\\nA:\",\"n\":1024,\"max_tokens\":64}"))
          .build();
      CompletableFuture<HttpResponse<String>> inFlight =
          client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
      Thread.sleep(1000);
      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(40, TimeUnit.SECONDS))
          .as("stopped within the stop timeout and one model call")
          .isTrue();
      String output = Files.readString(log);
      assertThat(output)
          .contains("gvgap serve: stopped")
          .doesNotContain("did not stop cleanly")
          .doesNotContain("Exception");
      try {
        int status = inFlight.get(10, TimeUnit.SECONDS).statusCode();
        assertThat(status).as("finished, or told to retry").isIn(200, 503);
      } catch (ExecutionException closed) {
        // the connection closed with the server: also an answer a client retries
      }
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void aNonLoopbackHostWithoutAKeyIsWarnedAbout() throws Exception {
    Path log = tmp.resolve("serve.log");
    // 192.0.2.7 (TEST-NET-1) is no address of this machine: the warning comes first, then the bind
    // fails
    Process serve = gvgap(
        log, "serve", MODEL.toString(), "--host", "192.0.2.7", "--port", "0", "--threads", "1");
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(serve.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("warning: listening on 192.0.2.7 without an API key")
        .contains("--api-key-env")
        .contains("could not start the server on 192.0.2.7");
  }
}
