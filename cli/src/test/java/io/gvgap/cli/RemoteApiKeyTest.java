package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.model.LanguageModel;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import io.gvgap.server.TokenBoundaries;
import io.gvgap.testing.ScriptedBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child {@code gvgap run} whose model is the {@code openai} backend with an API key in its
 * environment: the server gets the key, and no file of the run directory or the cache, and no line
 * the run prints, contains it.
 */
@Tag("process")
class RemoteApiKeyTest {
  private static final String KEY = "sk-run-3b1f0c9e8d7a6b5c";

  @TempDir
  Path tmp;

  @Test
  void theKeyReachesTheServerAndNothingTheRunWritesOrPrints() throws Exception {
    LanguageModel scripted = new ScriptedBackend().create(new ScriptedBackend.Options(null, 0));
    ByteArrayOutputStream serverLog = new ByteArrayOutputStream();
    try (OpenAiServer server = OpenAiServer.start(
        scripted,
        TokenBoundaries.characters(),
        ServerOptions.loopback("scripted").withApiKey(KEY),
        new PrintStream(serverLog, true, StandardCharsets.UTF_8))) {
      Path spec = tmp.resolve("keyed.yaml");
      Files.writeString(spec, """
          name: keyed
          seed: 2
          models:
            - label: remote
              backend: openai
              options: {base_url: "%s", model: scripted, api_key_env: GVGAP_TEST_REMOTE_KEY,
                        cache_dir: "%s", max_retries: 0}
          tasks:
            - {name: toy-sums, limit: 5, seed: 1}
          generation: {samples: 3}
          verifiers:
            - name: scripted-judge
          filters:
            - name: keep-above
              options: {tau: 0.5}
          metrics: {bootstrap: 10, pass_at_k: [1]}
          """.formatted(
              server.baseUri(), tmp.resolve("cache").toString().replace("\\", "/")));
      Path dir = tmp.resolve("run");
      Path output = tmp.resolve("child.out");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(
          java,
          "-cp",
          System.getProperty("java.class.path"),
          Main.class.getName(),
          "--quiet",
          "--verbose",
          "run",
          spec.toString(),
          "--output",
          dir.toString());
      pb.environment().put("GVGAP_TEST_REMOTE_KEY", KEY);
      pb.redirectErrorStream(true);
      pb.redirectOutput(output.toFile());
      Process p = pb.start();
      try {
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
            .as("gvgap run did not exit within 120 s")
            .isTrue();
      } finally {
        p.destroyForcibly();
      }
      assertThat(p.exitValue()).as(Files.readString(output)).isZero();

      List<SampleRecord> samples = new ArrayList<>();
      JsonLinesReader.read(dir.resolve(RunStore.SAMPLES), SampleRecord.class, samples::add);
      assertThat(samples).hasSize(15);
      // 5 generation requests, and the judge's scoring requests; none was refused for the key
      assertThat(server.stats().completionRequests()).isGreaterThan(5);
      assertThat(server.stats().errors()).isZero();
      List<Path> written;
      try (Stream<Path> files = Files.walk(tmp)) {
        written =
            files.filter(Files::isRegularFile).filter(f -> !f.equals(spec)).toList();
      }
      assertThat(written)
          .anyMatch(f -> f.startsWith(dir))
          .anyMatch(f -> f.startsWith(tmp.resolve("cache")));
      for (Path file : written) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(KEY);
      }
      assertThat(serverLog.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
    }
  }
}
